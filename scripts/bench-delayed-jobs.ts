/**
 * Benchmark of how late a delayed job runs (a ballot's deadline, a reminder, a digest): BullMQ's
 * `processedOn` minus the time it was due, through the worker application (the real processors).
 * Not a test: it prints figures.
 *
 *   npx ts-node -r tsconfig-paths/register scripts/bench-delayed-jobs.ts          # BullMQ on PostgreSQL, embedded PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
 *     npx ts-node -r tsconfig-paths/register scripts/bench-delayed-jobs.ts        # also PostgreSQL server, and Redis
 *   BENCH_ROUNDS=10 (default 5) jobs per case, each due BENCH_DELAY_MS (default 2000) after it is added.
 *
 * Two cases per backend, one job at a time:
 * - "after a later job": a job due in ten minutes is queued first, so the worker sleeps until it; each
 *   measured job is due sooner and must wake the worker (what issue 11 found minutes late on PGlite);
 * - baseline "alone": the same jobs with nothing else queued.
 * With DATABASE_URL it creates a database of its own on that server and drops it at the end.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import type { Environment } from '@majlis/config';
import { JobProducer } from '@majlis/queue';
import { createEmbeddedTestDatabase, createStandaloneDatabase, TestDatabase, testEnvironment } from '@majlis/testing';
import { createWorkerApplication } from '../apps/worker/src/worker.application';
import { latency } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 2_000);
const GIVE_UP_MS = 15 * 60_000;

interface Backend {
  name: string;
  database: () => Promise<TestDatabase>;
  environment: Partial<Environment>;
}

async function lateness(jobs: JobProducer): Promise<number[]> {
  const queue = jobs.queue('ballots');
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dueAt = Date.now() + DELAY_MS;
    const id = await jobs.add(
      'ballots',
      'closeDue',
      { ballotId: randomUUID() },
      { jobId: `bench-${randomUUID()}`, delay: DELAY_MS },
    );
    const giveUpAt = Date.now() + GIVE_UP_MS;
    for (;;) {
      const job = await queue.getJob(id);
      if (job !== undefined && (await job.isCompleted()) && job.processedOn !== undefined) {
        samples.push(job.processedOn - dueAt);
        break;
      }
      if (Date.now() > giveUpAt) throw new Error(`job ${id} did not run within ${GIVE_UP_MS / 60_000} minutes`);
      await sleep(20);
    }
    // Lets the worker go back to sleep before the next job is added.
    await sleep(1_000);
  }
  return samples;
}

const show = (label: string, samples: number[]): void => {
  const figures = latency(samples);
  console.log(
    `  ${label.padEnd(20)} late by p50 ${figures.p50} ms, p95 ${figures.p95} ms, max ${figures.max} ms (${samples.length} jobs)`,
  );
};

async function measure(backend: Backend): Promise<void> {
  const database = await backend.database();
  let worker: INestApplicationContext | undefined;
  try {
    worker = await createWorkerApplication(testEnvironment(backend.environment), database.url);
    const jobs = worker.get(JobProducer);
    console.log(`${backend.name}: ${ROUNDS} jobs due ${DELAY_MS} ms after they are added`);
    show('alone (baseline)', await lateness(jobs));
    const later = await jobs.add(
      'ballots',
      'closeDue',
      { ballotId: randomUUID() },
      { jobId: `bench-later-${randomUUID()}`, delay: 10 * 60_000 },
    );
    await sleep(6_000); // the worker reads the later job and sleeps until it
    show('after a later job', await lateness(jobs));
    await jobs.queue('ballots').remove(later);
  } finally {
    await worker?.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const backends: Backend[] = [
    {
      name: 'BullMQ on PostgreSQL, embedded PGlite',
      database: createEmbeddedTestDatabase,
      environment: { redisUrl: undefined },
    },
    ...(serverUrl === undefined
      ? []
      : [
          {
            name: 'BullMQ on PostgreSQL, server',
            database: createStandaloneDatabase,
            environment: { redisUrl: undefined },
          },
        ]),
    ...(redisUrl === undefined
      ? []
      : [{ name: 'BullMQ on Redis', database: createStandaloneDatabase, environment: { redisUrl } }]),
  ];
  for (const backend of backends) await measure(backend);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
