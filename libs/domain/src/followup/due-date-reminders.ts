import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment, InjectEnvironment } from '@majlis/config';
import { DUE_SOON_DAYS } from '../notifications/notification-rules';
import { todayOf } from './followup.service';
import { OPEN_STATES } from './roll-up';

/** One kind of reminder: its topic, and which open items are due for it on `today` ($1). */
const REMINDERS: ReadonlyArray<{ topic: string; when: string }> = [
  // From three days before the due date to the day itself.
  { topic: 'actionItem.dueSoon', when: `item.due_date - $2::int <= $1::date AND item.due_date >= $1::date` },
  // From the day after the due date.
  { topic: 'actionItem.overdue', when: `item.due_date < $1::date` },
  // From the end of the grace period after the due date: to the secretariat.
  { topic: 'actionItem.escalated', when: `item.due_date + $3::int <= $1::date` },
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
    for (const { topic, when } of REMINDERS) {
      const rows: unknown[] = await this.dataSource.query(
        `INSERT INTO outbox_message (topic, payload, dedupe_key)
         SELECT $4::text, jsonb_build_object('actionItemId', item.id, 'planId', item.plan_id, 'ownerCityId', item.owner_city_id,
                'dueDate', to_char(item.due_date, 'YYYY-MM-DD'), 'daysOverdue', GREATEST(0, $1::date - item.due_date)),
                $4::text || '/' || item.id || '/' || to_char(item.due_date, 'YYYY-MM-DD')
           FROM action_item item
          WHERE item.state IN (${OPEN_STATES.map((state) => `'${state}'`).join(', ')}) AND ${when}
          ORDER BY item.due_date, item.id
         ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [today, DUE_SOON_DAYS, this.environment.escalationGraceDays, topic],
      );
      recorded[topic] = rows.length;
    }
    if (Object.values(recorded).some((count) => count > 0)) this.logger.log({ today, recorded }, 'due-date reminders');
    return recorded;
  }
}
