import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '@majlis/queue';
import { HeartbeatService } from './heartbeat.service';

@Processor('system')
export class SystemProcessor extends JobProcessor<'system'> {
  readonly queue = 'system';

  protected readonly handlers: JobHandlers<'system'> = {
    heartbeat: (_payload, job) => this.heartbeats.record(new Date(job.timestamp)),
  };

  constructor(private readonly heartbeats: HeartbeatService) {
    super();
  }
}
