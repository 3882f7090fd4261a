import { Injectable, Logger } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { UnitOfWork } from '@majlis/persistence';
import { OutboxWriter, TOPICS } from '../outbox';
import { todayOf } from './followup.service';
import { type DueReminder, ImplementationPlanRepository } from './implementation-plan.repository';

/** How many days before its due date an open action item's city is reminded. */
export const DUE_SOON_DAYS = 3;

type ReminderTopic =
  typeof TOPICS.actionItemDueSoon | typeof TOPICS.actionItemOverdue | typeof TOPICS.actionItemEscalated;

/** One kind of reminder: its topic, which items are due for it, and its number of days. */
const REMINDERS: ReadonlyArray<{ topic: ReminderTopic; due: DueReminder; days: (environment: Environment) => number }> =
  [
    // From three days before the due date to the day itself.
    { topic: TOPICS.actionItemDueSoon, due: 'dueSoon', days: () => DUE_SOON_DAYS },
    // From the day after the due date.
    { topic: TOPICS.actionItemOverdue, due: 'overdue', days: () => 0 },
    // From the end of the grace period after the due date: to the secretariat.
    { topic: TOPICS.actionItemEscalated, due: 'escalated', days: (environment) => environment.escalationGraceDays },
  ];

/**
 * The repeatable due-date job: finds open action items due soon, overdue, or overdue past the grace
 * period (derived from the dates, never stored as a state), and records one outbox event for each.
 * Each reminder happens once per item and due date — the event's unique key says so — however often,
 * and on however many workers, the job runs; moving the due date makes new reminders possible.
 */
@Injectable()
export class DueDateReminders {
  private readonly logger = new Logger(DueDateReminders.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly outbox: OutboxWriter,
    private readonly implementationPlans: ImplementationPlanRepository,
  ) {}

  /** Returns how many reminders it recorded, by topic. */
  async scan(now = new Date()): Promise<Record<string, number>> {
    const today = todayOf(now);
    const recorded: Record<string, number> = {};
    for (const { topic, due, days } of REMINDERS) {
      recorded[topic] = await this.unitOfWork.run(async (tx) => {
        let written = 0;
        for (const item of await this.implementationPlans.dueFor(tx, due, today, days(this.environment))) {
          const payload = {
            actionItemId: item.id,
            planId: item.planId,
            ownerCityId: item.ownerCityId,
            dueDate: item.dueDate,
            daysOverdue: item.daysOverdue,
          };
          // Once per item and due date, however often and on however many workers the job runs.
          const dedupeKey = `${topic}/${item.id}/${item.dueDate}`;
          if ((await this.outbox.write(tx, topic, payload, { dedupeKey })) !== null) written++;
        }
        return written;
      });
    }
    if (Object.values(recorded).some((count) => count > 0)) this.logger.log({ today, recorded }, 'due-date reminders');
    return recorded;
  }
}
