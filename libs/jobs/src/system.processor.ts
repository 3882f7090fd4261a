import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '@majlis/queue';
import { BoardSeatService } from '@majlis/domain';
import { HeartbeatService } from './heartbeat.service';

@Processor('system')
export class SystemProcessor extends JobProcessor<'system'> {
  readonly queue = 'system';

  protected readonly handlers: JobHandlers<'system'> = {
    heartbeat: (_payload, job) => this.heartbeats.record(new Date(job.timestamp)),
    applySeatTerms: () => this.seats.applyEndedTerms(),
  };

  constructor(
    private readonly heartbeats: HeartbeatService,
    private readonly seats: BoardSeatService,
  ) {
    super();
  }
}
