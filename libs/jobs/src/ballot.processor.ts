import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '@majlis/queue';
import { BallotDeadlines, BallotService } from '@majlis/domain';

@Processor('ballots')
export class BallotProcessor extends JobProcessor<'ballots'> {
  readonly queue = 'ballots';

  protected readonly handlers: JobHandlers<'ballots'> = {
    closeDue: ({ ballotId }) => this.ballots.closeDue(ballotId, new Date()),
    remindClosing: ({ ballotId }) => this.deadlines.remindClosing(ballotId),
  };

  constructor(
    private readonly ballots: BallotService,
    private readonly deadlines: BallotDeadlines,
  ) {
    super();
  }
}
