import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeartbeatService } from './heartbeat.service';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

@Module({
  imports: [TypeOrmModule.forFeature([WorkerHeartbeat])],
  providers: [HeartbeatService],
  exports: [HeartbeatService],
})
export class OperationsModule {}
