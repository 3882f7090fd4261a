import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import type { WorkerHeartbeat } from './worker-heartbeat.entity';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';

export const HEARTBEAT_EVERY_MS = 30_000;
// Each process keeps its own row; rows of processes gone for a day are dropped.
const FORGET_AFTER_MS = 24 * 3600_000;

@Injectable()
export class HeartbeatService {
  private readonly workerName = `${hostname()}:${process.pid}`;

  constructor(private readonly heartbeats: WorkerHeartbeatRepository) {}

  async record(requestedAt: Date): Promise<WorkerHeartbeat> {
    const heartbeat: WorkerHeartbeat = {
      workerName: this.workerName,
      host: hostname(),
      pid: process.pid,
      requestedAt,
      processedAt: new Date(),
    };
    await this.heartbeats.save(heartbeat);
    await this.heartbeats.forgetSilentSince(new Date(Date.now() - FORGET_AFTER_MS));
    return heartbeat;
  }

  /** The most recent heartbeat any worker handled, or null before the first. */
  latest(): Promise<WorkerHeartbeat | null> {
    return this.heartbeats.latest();
  }
}
