import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { resolveText } from '@majlis/language';
import { UnitOfWork } from '@majlis/persistence';
import { digitsOf, PersonRepository } from '../identity';
import { OutboxWriter, TOPICS } from '../outbox';
import { formatDay, renderDigest } from './message-templates';
import { DeliveryRepository } from './notification-delivery.repository';

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
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly people: PersonRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Returns how many digests it recorded. */
  async run(timeZone: string, now = new Date()): Promise<number> {
    const waiting = await this.deliveries.waitingForDigest(timeZone);
    let recorded = 0;
    for (const personId of waiting) if (await this.digestFor(personId, timeZone, now)) recorded++;
    if (recorded > 0) this.logger.log({ timeZone, digests: recorded }, 'daily digests recorded');
    return recorded;
  }

  private digestFor(personId: string, timeZone: string, now: Date): Promise<boolean> {
    const date = localDate(now, timeZone);
    const dedupeKey = `digest/${personId}/${date}`;
    return this.unitOfWork.run(async (tx) => {
      // One digest of a person at a time: the job run twice at once (two workers, or a retry) could otherwise
      // each take part of the waiting deliveries and both write today's digest (a duplicate key).
      const person = await this.people.lock(tx, personId);
      // Today's digest has gone out already (the job ran twice): what came since waits for tomorrow's.
      if (person === null || (await this.deliveries.existsByDedupeKey(tx, dedupeKey))) return false;
      const items = await this.deliveries.takeDigestItems(tx, personId);
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
      const outboxId = await this.outbox.write(tx, TOPICS.notificationsDigest, {
        personId,
        date,
        items: items.length,
      });
      const digestId = randomUUID();
      await this.deliveries.insert(tx, {
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
      await this.deliveries.markDigested(
        tx,
        items.map((item) => item.id),
        digestId,
      );
      return true;
    });
  }
}
