import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resolveText } from '@majlis/language';
import { rowById } from '@majlis/persistence';
import { digitsOf, Person } from '../identity';
import { OutboxWriter, TOPICS } from '../outbox';
import { formatDay, renderDigest } from './message-templates';
import { NotificationDelivery } from './notification-delivery.entity';

/** The calendar date at `at` in `timeZone`, as YYYY-MM-DD. */
export const localDate = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * Builds daily digests: for each person of a time zone with e-mails waiting for their digest, one
 * e-mail listing them, recorded as a delivery (at most one per person and local date) that the outbox
 * queues like any other.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Returns how many digests it recorded. */
  async run(timeZone: string, now = new Date()): Promise<number> {
    const people: Array<{ recipient_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT delivery.recipient_id FROM notification_delivery delivery
         JOIN person ON person.id = delivery.recipient_id
         LEFT JOIN member_city city ON city.id = person.member_city_id
        WHERE delivery.status = 'digest' AND COALESCE(person.time_zone, city.time_zone, 'UTC') = $1`,
      [timeZone],
    );
    let recorded = 0;
    for (const { recipient_id: personId } of people) if (await this.digestFor(personId, timeZone, now)) recorded++;
    if (recorded > 0) this.logger.log({ timeZone, digests: recorded }, 'daily digests recorded');
    return recorded;
  }

  private digestFor(personId: string, timeZone: string, now: Date): Promise<boolean> {
    const date = localDate(now, timeZone);
    const dedupeKey = `digest/${personId}/${date}`;
    return this.dataSource.transaction(async (manager) => {
      // One digest of a person at a time: the job run twice at once (two workers, or a retry) could otherwise
      // each take part of the waiting deliveries and both write today's digest (a duplicate key).
      const person = await rowById(manager, Person, personId, 'pessimistic_write');
      // Today's digest has gone out already (the job ran twice): what came since waits for tomorrow's.
      if (person === null || (await manager.existsBy(NotificationDelivery, { dedupeKey }))) return false;
      const items = await manager
        .getRepository(NotificationDelivery)
        .createQueryBuilder('delivery')
        .where(`delivery.recipient_id = :personId AND delivery.status = 'digest'`, { personId })
        .orderBy('delivery.created_at')
        .addOrderBy('delivery.id')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (items.length === 0) return false;
      const locale = person.preferredLocale;
      const addressee = {
        locale,
        digits: digitsOf(person),
        name: resolveText(person.name, locale).text,
        formOfAddress: person.formOfAddress,
      };
      const content = renderDigest(
        addressee,
        formatDay(now, addressee, timeZone),
        items.map((item) => ('subject' in item.content ? item.content : { subject: item.topic, text: '' })),
      );
      const outboxId = await this.outbox.write(manager, TOPICS.notificationsDigest, {
        personId,
        date,
        items: items.length,
      });
      const digestId = randomUUID();
      await manager.insert(NotificationDelivery, {
        id: digestId,
        dedupeKey,
        eventId: null,
        outboxId,
        topic: 'digest',
        channel: 'email',
        recipientId: personId,
        address: person.email,
        locale,
        content,
        status: 'pending',
      });
      await manager
        .createQueryBuilder()
        .update(NotificationDelivery)
        .set({ status: 'digested', digestId })
        .whereInIds(items.map((item) => item.id))
        .execute();
      return true;
    });
  }
}
