import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase, type Transaction } from '@majlis/persistence';
import { NotificationMode, NotificationPreference } from './notification-preference.entity';

/** The zones that decide a person's dates and digest hour: their own, and their city's. */
export interface PersonTimeZones {
  own: string | null;
  city: string | null;
}

/** How each person wants to hear of each kind of event, and the time zones their digests follow. */
@Injectable()
export class NotificationPreferenceRepository extends RepositoryBase {
  /** A person's chosen modes by topic (a topic without a row is `immediate`). */
  async modesOf(personId: string): Promise<Map<string, NotificationMode>> {
    const rows = await this.db().findBy(NotificationPreference, { personId });
    return new Map(rows.map((row) => [row.topic, row.mode]));
  }

  /** The modes these people chose for one topic, by person. */
  async modesFor(tx: Transaction, topic: string, personIds: readonly string[]): Promise<Map<string, NotificationMode>> {
    const rows = await this.db(tx).find(NotificationPreference, {
      where: { topic, personId: In([...personIds]) },
    });
    return new Map(rows.map((row) => [row.personId, row.mode]));
  }

  /** Sets a person's mode of each topic named; their other topics keep theirs. */
  async choose(
    tx: Transaction,
    personId: string,
    preferences: ReadonlyArray<{ topic: string; mode: NotificationMode }>,
  ): Promise<void> {
    if (preferences.length === 0) return;
    await this.db(tx)
      .createQueryBuilder()
      .insert()
      .into(NotificationPreference)
      .values(preferences.map(({ topic, mode }) => ({ personId, topic, mode })))
      .orUpdate(['mode', 'updated_at'], ['person_id', 'topic'])
      .execute();
  }

  /** A person's own time zone and their city's; null when there is no such person. */
  async timeZonesOf(personId: string): Promise<PersonTimeZones | null> {
    const [row] = (await this.db().query(
      `SELECT person.time_zone AS own, city.time_zone AS city
         FROM person LEFT JOIN member_city city ON city.id = person.member_city_id
        WHERE person.id = $1`,
      [personId],
    )) as PersonTimeZones[];
    return row ?? null;
  }

  /** The zones of everyone who takes a digest of something, or has items waiting for one. */
  async digestTimeZones(): Promise<string[]> {
    const rows: Array<{ time_zone: string }> = await this.db().query(
      `SELECT DISTINCT COALESCE(person.time_zone, city.time_zone, 'UTC') AS time_zone
         FROM person LEFT JOIN member_city city ON city.id = person.member_city_id
        WHERE person.active AND (
              EXISTS (SELECT 1 FROM notification_preference p WHERE p.person_id = person.id AND p.mode = 'digest')
           OR EXISTS (SELECT 1 FROM notification_delivery d WHERE d.recipient_id = person.id AND d.status = 'digest'))`,
    );
    return rows.map((row) => row.time_zone);
  }
}
