import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Environment } from '@majlis/config';
import { JobProducer } from '@majlis/queue';
import { createEmbeddedTestDatabase, createServerTestDatabase, TestDatabase, testEnvironment } from '@majlis/testing';
import { createWorkerApplication } from '../src/worker.application';

interface Backend {
  name: string;
  database: () => Promise<TestDatabase>;
  environment: Partial<Environment>;
}

const serverUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;

const BACKENDS: Backend[] = [
  {
    name: 'BullMQ on PostgreSQL, embedded (PGlite)',
    database: createEmbeddedTestDatabase,
    environment: { redisUrl: undefined },
  },
  ...(serverUrl === undefined
    ? []
    : [
        {
          name: 'BullMQ on PostgreSQL, server',
          database: () => createServerTestDatabase(serverUrl),
          environment: { redisUrl: undefined },
        },
      ]),
  ...(redisUrl === undefined
    ? []
    : [
        {
          name: 'BullMQ on Redis',
          database: () =>
            serverUrl === undefined ? createEmbeddedTestDatabase() : createServerTestDatabase(serverUrl),
          environment: { redisUrl },
        },
      ]),
];

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the worker', () => {
  if (redisUrl === undefined) console.warn('REDIS_URL is not set: the Redis backend case is skipped');

  describe.each(BACKENDS.map((backend) => [backend.name, backend] as const))('on %s', (_name, backend) => {
    let database: TestDatabase;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      database = await backend.database();
      worker = await createWorkerApplication(testEnvironment(backend.environment), database.url);
    });
    afterAll(async () => {
      await worker?.close();
      await database?.drop();
    });

    it('processes a job added through the typed producer', async () => {
      const dataSource = worker.get<DataSource>(getDataSourceToken());
      await dataSource.query('DELETE FROM worker_heartbeat');
      const jobId = `heartbeat-${Date.now()}`;
      await worker.get(JobProducer).add('system', 'heartbeat', {}, { jobId });
      const rows = await waitFor(async () => {
        const found: Array<{ pid: number }> = await dataSource.query('SELECT pid FROM worker_heartbeat');
        return found.length > 0 ? found : undefined;
      }, 'the heartbeat to be recorded');
      expect(rows).toEqual([{ pid: process.pid }]);
      const job = await worker.get(JobProducer).queue('system').getJob(jobId);
      await waitFor(async () => ((await job?.isCompleted()) ? true : undefined), 'the job to complete');
    });

    it('wakes for a delayed job due before the one it sleeps for, added after it', async () => {
      const jobs = worker.get(JobProducer);
      const later = await jobs.add(
        'ballots',
        'closeDue',
        { ballotId: crypto.randomUUID() },
        { jobId: `later-${crypto.randomUUID()}`, delay: 10 * 60_000 },
      );
      // Long enough for the worker to have read the later job and gone to sleep until it (its idle poll is 5 s).
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const earlierDueAt = Date.now() + 2_000;
      const earlier = await jobs.add(
        'ballots',
        'closeDue',
        { ballotId: crypto.randomUUID() },
        { jobId: `earlier-${crypto.randomUUID()}`, delay: 2_000 },
      );
      const queue = jobs.queue('ballots');
      const processedAt = await waitFor(
        async () => {
          const job = await queue.getJob(earlier);
          return (await job?.isCompleted()) ? job?.processedOn : undefined;
        },
        'the earlier job to run',
        60_000,
      );
      // Generous: without the wake-up it would run with the later one, ten minutes from now.
      expect(processedAt).toBeGreaterThanOrEqual(earlierDueAt - 1_000);
      expect(processedAt).toBeLessThan(earlierDueAt + 60_000);
      expect(await queue.getJobState(later)).toBe('delayed');
    }, 90_000);
  });
});
