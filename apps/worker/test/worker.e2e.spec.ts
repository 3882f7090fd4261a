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
  });
});
