import { Injectable } from '@nestjs/common';
import type { Locale } from '@majlis/config';
import type { Digits, LocalizedText } from '@majlis/language';
import { RepositoryBase, type Transaction } from '@majlis/persistence';
import { digitsOf, type FormOfAddress } from '../identity';
import { OutboxMessage, type EventAudiences, type EventSubjects } from '../outbox';
import { MemberCity } from '../partnership';
import { audiencesOf, bound, type EventFacts, type Recipient } from './event-audience';
import type { NotifiedTopic } from './notification-rules';

/**
 * What dispatching an event reads and records beyond its notifications and deliveries: the outbox
 * message itself, what it is about (through the owning feature's finder) and the SQL of its audiences.
 */
@Injectable()
export class EventDispatchRepository extends RepositoryBase {
  /** The outbox message, locked until `tx` ends: one dispatch of a message at a time. */
  lockMessage(tx: Transaction, id: string): Promise<OutboxMessage | null> {
    return this.db(tx).findOne(OutboxMessage, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markDispatched(tx: Transaction, id: string, at: Date): Promise<void> {
    await this.db(tx).update(OutboxMessage, { id }, { dispatchedAt: at });
  }

  /** Reads what the event is about (the owning feature's finder); null when it is gone, so nobody is told. */
  async facts(
    tx: Transaction,
    subjects: EventSubjects,
    topic: NotifiedTopic,
    message: Pick<OutboxMessage, 'topic' | 'payload'>,
  ): Promise<EventFacts | null> {
    const manager = this.db(tx);
    const subject = await subjects.find(manager, message);
    if (subject === null) return null;
    const ownerCity = await manager.findOneBy(MemberCity, { id: subject.ownerCityId });
    return { ...subject, topic, ownerCity };
  }

  /** Everyone the rule table names for this event: active people only, each once. */
  async recipients(tx: Transaction, audiences: EventAudiences, facts: EventFacts): Promise<Recipient[]> {
    const params: Array<string | null> = [];
    const members = audiencesOf(facts)
      .map((audience) => bound(audiences.query(audience).people, facts, params))
      .join(' UNION ');
    const rows: Array<{
      id: string;
      email: string;
      locale: Locale;
      digits: Digits | null;
      name: LocalizedText;
      form_of_address: FormOfAddress | null;
      time_zone: string;
    }> = await this.db(tx).query(
      `SELECT person.id, person.email, person.preferred_locale AS locale, person.digits, person.name,
                person.form_of_address, COALESCE(person.time_zone, city.time_zone, 'UTC') AS time_zone
           FROM person LEFT JOIN member_city city ON city.id = person.member_city_id
          WHERE person.active AND person.id IN (${members})
          ORDER BY person.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      locale: row.locale,
      digits: digitsOf({ digits: row.digits, preferredLocale: row.locale }),
      chosenDigits: row.digits,
      name: row.name,
      formOfAddress: row.form_of_address,
      timeZone: row.time_zone,
    }));
  }

  /**
   * The member cities an event concerns, for their webhooks: the subject's city, and the cities its
   * audiences bring (for a result, every city with a delegation at the meeting).
   */
  async cities(tx: Transaction, audiences: EventAudiences, facts: EventFacts): Promise<string[]> {
    const cities = new Set([facts.ownerCityId]);
    for (const audience of audiencesOf(facts)) {
      const sql = audiences.query(audience).cities;
      if (sql === undefined) continue;
      const params: Array<string | null> = [];
      const rows: Array<{ member_city_id: string }> = await this.db(tx).query(bound(sql, facts, params), params);
      for (const row of rows) cities.add(row.member_city_id);
    }
    return [...cities];
  }
}
