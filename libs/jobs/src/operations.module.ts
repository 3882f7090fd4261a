import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeartbeatService } from './heartbeat.service';
import { WorkerHeartbeat } from './worker-heartbeat.entity';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

/** The jobs' own table, beside the domain's: the apps hand both lists to persistence. */
export const JOB_ENTITIES = [WorkerHeartbeat];

@Module({
  imports: [TypeOrmModule.forFeature(JOB_ENTITIES)],
  providers: [HeartbeatService, WorkerHeartbeatRepository],
  exports: [HeartbeatService],
})
export class OperationsModule {}
