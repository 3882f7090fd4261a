import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { RepositoryBase } from '@majlis/persistence';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

/** One row per worker process: the last heartbeat it handled. */
@Injectable()
export class WorkerHeartbeatRepository extends RepositoryBase {
  /** Writes the worker's row, replacing its previous heartbeat. */
  async save(heartbeat: WorkerHeartbeat): Promise<void> {
    await this.db().upsert(WorkerHeartbeat, heartbeat, ['workerName']);
  }

  /** Drops the rows of workers silent since `before`. */
  async forgetSilentSince(before: Date): Promise<void> {
    await this.db().delete(WorkerHeartbeat, { processedAt: LessThan(before) });
  }

  latest(): Promise<WorkerHeartbeat | null> {
    return this.db().findOne(WorkerHeartbeat, { where: {}, order: { processedAt: 'DESC' } });
  }
}
