import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment, InjectEnvironment } from '@majlis/config';
import { OutboxWriter, TOPICS } from '../outbox';
import { todayOf } from './followup.service';
import { OPEN_STATES } from './roll-up';

/** How many days before its due date an open action item's city is reminded. */
export const DUE_SOON_DAYS = 3;

type ReminderTopic =
  typeof TOPICS.actionItemDueSoon | typeof TOPICS.actionItemOverdue | typeof TOPICS.actionItemEscalated;

/**
 * One kind of reminder: its topic, its number of days, and which open items are due for it on `today`
 * ($1), with $2 that number of days.
 */
const REMINDERS: ReadonlyArray<{ topic: ReminderTopic; days: (environment: Environment) => number; when: string }> = [
  // From three days before the due date to the day itself.
  {
    topic: TOPICS.actionItemDueSoon,
    days: () => DUE_SOON_DAYS,
    when: `item.due_date - $2::int <= $1::date AND item.due_date >= $1::date`,
  },
  // From the day after the due date.
  { topic: TOPICS.actionItemOverdue, days: () => 0, when: `item.due_date + $2::int < $1::date` },
  // From the end of the grace period after the due date: to the secretariat.
  {
    topic: TOPICS.actionItemEscalated,
    days: (environment) => environment.escalationGraceDays,
    when: `item.due_date + $2::int <= $1::date`,
  },
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Returns how many reminders it recorded, by topic. */
  async scan(now = new Date()): Promise<Record<string, number>> {
    const today = todayOf(now);
    const recorded: Record<string, number> = {};
    for (const { topic, days, when } of REMINDERS) {
      recorded[topic] = await this.dataSource.transaction(async (manager) => {
        const due: Array<{
          id: string;
          plan_id: string;
          owner_city_id: string;
          due_date: string;
          days_overdue: number;
        }> = await manager.query(
          `SELECT item.id, item.plan_id, item.owner_city_id, to_char(item.due_date, 'YYYY-MM-DD') AS due_date,
                    GREATEST(0, $1::date - item.due_date) AS days_overdue
               FROM action_item item
              WHERE item.state IN (${OPEN_STATES.map((state) => `'${state}'`).join(', ')}) AND ${when}
              ORDER BY item.due_date, item.id`,
          [today, days(this.environment)],
        );
        let written = 0;
        for (const item of due) {
          const payload = {
            actionItemId: item.id,
            planId: item.plan_id,
            ownerCityId: item.owner_city_id,
            dueDate: item.due_date,
            daysOverdue: item.days_overdue,
          };
          // Once per item and due date, however often and on however many workers the job runs.
          const dedupeKey = `${topic}/${item.id}/${item.due_date}`;
          if ((await this.outbox.write(manager, topic, payload, { dedupeKey })) !== null) written++;
        }
        return written;
      });
    }
    if (Object.values(recorded).some((count) => count > 0)) this.logger.log({ today, recorded }, 'due-date reminders');
    return recorded;
  }
}
