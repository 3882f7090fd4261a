import { hostname } from 'node:os';
import { Test, type TestingModule } from '@nestjs/testing';
import { PersistenceModule } from '@majlis/persistence';
import { createTestDatabase, type TestDatabase } from '@majlis/testing';
import { HeartbeatService } from './heartbeat.service';
import { JOB_ENTITIES, OperationsModule } from './operations.module';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

const DAY_MS = 24 * 3600_000;

describe('HeartbeatService', () => {
  let database: TestDatabase;
  let module: TestingModule;
  let heartbeats: HeartbeatService;
  let rows: WorkerHeartbeatRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    module = await Test.createTestingModule({
      imports: [
        PersistenceModule.forRoot(database.url, { applicationName: 'majlis-service-spec', entities: JOB_ENTITIES }),
        OperationsModule,
      ],
    }).compile();
    await module.init();
    heartbeats = module.get(HeartbeatService);
    rows = module.get(WorkerHeartbeatRepository);
  });

  afterAll(async () => {
    await module?.close();
    await database?.drop();
  });

  describe('latest', () => {
    it('is null before any worker handled a heartbeat', async () => {
      expect(await heartbeats.latest()).toBeNull();
    });
  });

  describe('record', () => {
    it('keeps one row per worker process, the last heartbeat it handled', async () => {
      const first = await heartbeats.record(new Date(Date.now() - 5_000));
      const second = await heartbeats.record(new Date());
      expect(second).toMatchObject({ workerName: `${hostname()}:${process.pid}`, host: hostname(), pid: process.pid });
      expect(second.processedAt.getTime()).toBeGreaterThanOrEqual(first.processedAt.getTime());
      expect(await heartbeats.latest()).toEqual(second);
    });

    it('forgets the workers silent for a day', async () => {
      await rows.forgetSilentSince(new Date(Date.now() + DAY_MS));
      const longAgo = new Date(Date.now() - 2 * DAY_MS);
      await rows.save({ workerName: 'gone:1', host: 'gone', pid: 1, requestedAt: longAgo, processedAt: longAgo });
      expect((await heartbeats.latest())?.workerName).toBe('gone:1');
      const own = await heartbeats.record(new Date());
      expect(await heartbeats.latest()).toEqual(own);
      await rows.forgetSilentSince(new Date(own.processedAt.getTime() + 1));
      expect(await heartbeats.latest()).toBeNull();
    });

    it('answers with the most recent heartbeat of any worker', async () => {
      const later = new Date(Date.now() + 60_000);
      await rows.save({ workerName: 'other:2', host: 'other', pid: 2, requestedAt: later, processedAt: later });
      await heartbeats.record(new Date());
      expect((await heartbeats.latest())?.workerName).toBe('other:2');
    });
  });
});
