import type { EntityManager } from 'typeorm';
import type { Locale } from '@majlis/config';
import type { Digits, LocalizedText } from '@majlis/language';
import { digitsOf, type FormOfAddress } from '../identity';
import type { EventAudiences, EventSubject, EventSubjects, OutboxMessage } from '../outbox';
import { MemberCity } from '../partnership';
import { checkTemplates } from './message-templates';
import { Audience, NOTIFICATION_RULES, NOTIFIED_AUDIENCES, NOTIFIED_TOPICS, NotifiedTopic } from './notification-rules';

/** What an event is about, read once for all its recipients. */
export interface EventFacts extends EventSubject {
  topic: NotifiedTopic;
  /** The member city the event concerns, when it still exists. */
  ownerCity: MemberCity | null;
}

/** A person who hears of an event, with what it takes to write to them in their language. */
export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  /** Their own digits, else their language's. */
  digits: Digits;
  /** The digits they chose, if they chose. */
  chosenDigits: Digits | null;
  name: LocalizedText;
  formOfAddress: FormOfAddress | null;
  /** Their own time zone, else their city's, else UTC. */
  timeZone: string;
}

/** The audiences notifications itself knows: people by their role, and the concerned city's delegates. */
export const ROLE_AUDIENCES = {
  secretariat: { people: `SELECT id FROM person WHERE roles @> ARRAY['SECRETARIAT']::role[]` },
  board: { people: `SELECT id FROM person WHERE roles @> ARRAY['BOARD_MEMBER']::role[]` },
  ownerCityDelegates: {
    people: `SELECT id FROM person WHERE roles @> ARRAY['DELEGATE']::role[] AND member_city_id = {city}`,
  },
} as const satisfies Partial<Record<Audience, { people: string }>>;

/**
 * Every notified topic has a feature that says what it is about, every audience of the rules is
 * defined, and every message is in the catalogue in both languages; throws naming the gaps. Run at start-up where events are dispatched.
 */
export function checkEveryEventTold(subjects: EventSubjects, audiences: EventAudiences): void {
  const unknownSubjects = NOTIFIED_TOPICS.filter((topic) => !subjects.has(topic));
  const unknownAudiences = audiences.undefinedOf(NOTIFIED_AUDIENCES);
  if (unknownSubjects.length > 0 || unknownAudiences.length > 0)
    throw new Error(
      `Notifications cannot tell of every event: no subject for [${unknownSubjects.join(', ')}], ` +
        `no definition of the audiences [${unknownAudiences.join(', ')}]`,
    );
  checkTemplates();
}

/** Reads what the event is about (the owning feature's finder); null when it is gone, so nobody is told. */
export async function eventFacts(
  manager: EntityManager,
  subjects: EventSubjects,
  topic: NotifiedTopic,
  message: Pick<OutboxMessage, 'topic' | 'payload'>,
): Promise<EventFacts | null> {
  const subject = await subjects.find(manager, message);
  if (subject === null) return null;
  const ownerCity = await manager.findOneBy(MemberCity, { id: subject.ownerCityId });
  return { ...subject, topic, ownerCity };
}

/** The SQL of `sql` with the subject's `{city}`, `{ballot}`, `{meeting}` as numbered parameters in `params`. */
function bound(sql: string, facts: EventFacts, params: Array<string | null>): string {
  const values = { city: facts.ownerCityId, ballot: facts.ballot?.id ?? null, meeting: facts.meeting?.id ?? null };
  return sql.replace(/\{(city|ballot|meeting)\}/g, (_, name: keyof typeof values) => {
    params.push(values[name]);
    return `$${params.length}::uuid`;
  });
}

const audiencesOf = (facts: EventFacts): readonly Audience[] => NOTIFICATION_RULES[facts.topic];

/** Everyone the rule table names for this event: active people only, each once. */
export async function recipientsOf(
  manager: EntityManager,
  audiences: EventAudiences,
  facts: EventFacts,
): Promise<Recipient[]> {
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
  }> = await manager.query(
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
export async function citiesOf(
  manager: EntityManager,
  audiences: EventAudiences,
  facts: EventFacts,
): Promise<string[]> {
  const cities = new Set([facts.ownerCityId]);
  for (const audience of audiencesOf(facts)) {
    const sql = audiences.query(audience).cities;
    if (sql === undefined) continue;
    const params: Array<string | null> = [];
    const rows: Array<{ member_city_id: string }> = await manager.query(bound(sql, facts, params), params);
    for (const row of rows) cities.add(row.member_city_id);
  }
  return [...cities];
}
