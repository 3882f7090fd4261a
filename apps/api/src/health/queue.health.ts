import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectEnvironment, Environment } from '@majlis/config';
import { HeartbeatService } from '@majlis/jobs';
import { JobProducer, queueBackendKind } from '@majlis/queue';

const TIMEOUT_MS = 3_000;
// Three missed heartbeats mean no worker is processing jobs.
const STALE_AFTER_MS = 120_000;

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);

@Injectable()
export class QueueHealthIndicator {
  private readonly startedAt = Date.now();

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly jobs: JobProducer,
    private readonly heartbeats: HeartbeatService,
    @InjectEnvironment() private readonly environment: Environment,
  ) {}

  /** The queue backend answers, and some worker has handled a heartbeat recently. */
  async check(key: 'queue') {
    const indicator = this.health.check(key);
    const backend = queueBackendKind(this.environment);
    try {
      const counts = await withTimeout(this.jobs.queue('system').getJobCounts('waiting', 'active', 'failed'), backend);
      const latest = await this.heartbeats.latest();
      const lastHeartbeat = latest?.processedAt.toISOString() ?? null;
      const stale = (latest?.processedAt.getTime() ?? this.startedAt) < Date.now() - STALE_AFTER_MS;
      if (stale)
        return indicator.down({ backend, lastHeartbeat, message: 'no worker has processed a job for 2 minutes' });
      return indicator.up({ backend, lastHeartbeat, ...counts });
    } catch (error) {
      return indicator.down({ backend, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
