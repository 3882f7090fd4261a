import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '@majlis/queue';
import { DueDateReminders } from '@majlis/domain';

/** How often the due-date job looks for reminders to record. */
export const DUE_DATE_SCAN_EVERY_MS = 15 * 60 * 1000;

@Processor('followup')
export class FollowupProcessor extends JobProcessor<'followup'> {
  readonly queue = 'followup';

  protected readonly handlers: JobHandlers<'followup'> = {
    scanDueDates: () => this.reminders.scan(),
  };

  constructor(private readonly reminders: DueDateReminders) {
    super();
  }
}
