import type { Locale } from '@majlis/config';
import type { Digits, LocalizedText } from '@majlis/language';
import type { FormOfAddress } from '../identity';
import type { EventAudiences, EventSubject, EventSubjects } from '../outbox';
import type { MemberCity } from '../partnership';
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

/** The SQL of `sql` with the subject's `{city}`, `{ballot}`, `{meeting}` as numbered parameters in `params`. */
export function bound(sql: string, facts: EventFacts, params: Array<string | null>): string {
  const values = { city: facts.ownerCityId, ballot: facts.ballot?.id ?? null, meeting: facts.meeting?.id ?? null };
  return sql.replace(/\{(city|ballot|meeting)\}/g, (_, name: keyof typeof values) => {
    params.push(values[name]);
    return `$${params.length}::uuid`;
  });
}

/** The audiences the rule table names for this event. */
export const audiencesOf = (facts: EventFacts): readonly Audience[] => NOTIFICATION_RULES[facts.topic];
