import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment, InjectEnvironment } from '@majlis/config';
import { DUE_SOON_DAYS } from '../notifications/notification-rules';
import { todayOf } from './followup.service';
import { OPEN_STATES } from './roll-up';

/**
 * One kind of reminder: its topic, its number of days, and which open items are due for it on `today`
 * ($1), with $3 that number of days.
 */
const REMINDERS: ReadonlyArray<{ topic: string; days: (environment: Environment) => number; when: string }> = [
  // From three days before the due date to the day itself.
  {
    topic: 'actionItem.dueSoon',
    days: () => DUE_SOON_DAYS,
    when: `item.due_date - $3::int <= $1::date AND item.due_date >= $1::date`,
  },
  // From the day after the due date.
  { topic: 'actionItem.overdue', days: () => 0, when: `item.due_date + $3::int < $1::date` },
  // From the end of the grace period after the due date: to the secretariat.
  {
    topic: 'actionItem.escalated',
    days: (environment) => environment.escalationGraceDays,
    when: `item.due_date + $3::int <= $1::date`,
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
  ) {}

  /** Returns how many reminders it recorded, by topic. */
  async scan(now = new Date()): Promise<Record<string, number>> {
    const today = todayOf(now);
    const recorded: Record<string, number> = {};
    for (const { topic, days, when } of REMINDERS) {
      const rows: unknown[] = await this.dataSource.query(
        `INSERT INTO outbox_message (topic, payload, dedupe_key)
         SELECT $2::text, jsonb_build_object('actionItemId', item.id, 'planId', item.plan_id, 'ownerCityId', item.owner_city_id,
                'dueDate', to_char(item.due_date, 'YYYY-MM-DD'), 'daysOverdue', GREATEST(0, $1::date - item.due_date)),
                $2::text || '/' || item.id || '/' || to_char(item.due_date, 'YYYY-MM-DD')
           FROM action_item item
          WHERE item.state IN (${OPEN_STATES.map((state) => `'${state}'`).join(', ')}) AND ${when}
          ORDER BY item.due_date, item.id
         ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [today, topic, days(this.environment)],
      );
      recorded[topic] = rows.length;
    }
    if (Object.values(recorded).some((count) => count > 0)) this.logger.log({ today, recorded }, 'due-date reminders');
    return recorded;
  }
}
