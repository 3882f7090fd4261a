import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@majlis/testing';
import { JobProducer } from './job-producer';
import { QueueModule } from './queue.module';

// On Redis when REDIS_URL is set; otherwise on BullMQ's PostgreSQL backend, as the embedded default runs.
describe('JobProducer', () => {
  let database: TestDatabase;
  let module: TestingModule;
  let jobs: JobProducer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const redisUrl = process.env.REDIS_URL === '' ? undefined : process.env.REDIS_URL;
    module = await Test.createTestingModule({
      imports: [QueueModule.forRoot({ redisUrl, databaseUrl: database.url, prefix: `majlis-spec-${randomUUID()}` })],
    }).compile();
    await module.init();
    jobs = module.get(JobProducer);
  });

  afterAll(async () => {
    await module?.close();
    await database?.drop();
  });

  describe('unfinished', () => {
    it('lists the ids of the jobs still to run, waiting or delayed, and no longer one that is gone', async () => {
      const events = jobs.queue('events');
      await events.addBulk([
        { name: 'dispatch', data: { outboxId: 'first' }, opts: { jobId: 'first' } },
        { name: 'dispatch', data: { outboxId: 'second' }, opts: { jobId: 'second', delay: 3_600_000 } },
      ]);
      expect(await jobs.unfinished('events')).toEqual(new Set(['first', 'second']));
      expect(await jobs.unfinished('notifications')).toEqual(new Set());
      // Removed as a finished job is (removeOnComplete).
      await events.remove('first');
      expect(await jobs.unfinished('events')).toEqual(new Set(['second']));
    });
  });
});
