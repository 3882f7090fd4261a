import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalizedText } from '@majlis/language';
import { isTopic, type StoredPayload, type Topic } from './event.contract';
import type { OutboxMessage, OutboxPayload } from './outbox-message.entity';

/**
 * What an event is about, as the feature that owns the event finds it: enough to say who hears of it,
 * to write the message (titles, dates) and to link to its page.
 */
export interface EventSubject {
  entityType: 'proposal' | 'ballot' | 'actionItem' | 'meeting';
  entityId: string;
  /** The proposal it is about; null for an event of a meeting itself (its agenda published). */
  proposal: { id: string; title: LocalizedText; ownerCityId: string } | null;
  /** The member city the event concerns: the proposal's owner, the action item's, or the meeting's host. */
  ownerCityId: string;
  meeting: { id: string; title: LocalizedText; startsAt: Date } | null;
  ballot: { id: string; closesAt: Date | null } | null;
  actionItem: { id: string; title: LocalizedText; dueDate: string } | null;
  plan: { id: string; title: LocalizedText } | null;
  /** A file sent with the event's e-mails, written in each reader's language (a meeting's calendar). */
  attachment?: EventAttachment | null;
}

/** A file attached to an event's e-mails, in both languages. */
export interface EventAttachment {
  filename: string;
  contentType: string;
  content: { ar: string; en: string };
}

/** Reads what an event is about; null when it is gone (deleted since), so nobody is told. */
export type SubjectFinder<T extends Topic> = (
  manager: EntityManager,
  payload: StoredPayload<T>,
) => Promise<EventSubject | null>;

type AnyFinder = (manager: EntityManager, payload: OutboxPayload) => Promise<EventSubject | null>;

/**
 * Who may hear of an event, by name: the notification rules name them, the feature that knows the
 * people defines each (`EventAudiences.define`).
 */
export type Audience =
  /** Everyone with the SECRETARIAT role. */
  | 'secretariat'
  /** Delegates (role DELEGATE) of the member city that owns the proposal. */
  | 'ownerCityDelegates'
  /** Everyone with the BOARD_MEMBER role. */
  | 'board'
  /** The ballot's eligible voters, as snapshotted when it opened. */
  | 'eligibleVoters'
  /** Eligible voters who have not cast a vote yet. */
  | 'votersYetToVote'
  /**
   * Everyone in the proposal's meeting: the secretariat, the board, the owning city's delegates, and every
   * member of the meeting's delegations who has an account.
   */
  | 'meetingParticipants'
  /**
   * The meeting's delegations: every member with an account, and the delegates of each city that sends a
   * delegation.
   */
  | 'meetingDelegations';

/**
 * An audience as SQL. `{city}`, `{ballot}` and `{meeting}` stand for the subject's owner city, ballot and
 * meeting (uuid parameters, null when the subject has none).
 */
export interface AudienceQuery {
  /** Returns one column: the ids of the people. */
  people: string;
  /** Returns `member_city_id`: cities whose webhooks also hear of the event (beyond the owner city). */
  cities?: string;
}

/** How features tell notifications what their events are about: by topic, without notifications knowing them. */
@Injectable()
export class EventSubjects {
  private readonly finders = new Map<Topic, AnyFinder>();

  /** Registers the one finder of these topics' subjects. */
  register<T extends Topic>(topics: readonly T[], finder: SubjectFinder<T>): void {
    for (const topic of topics) {
      if (this.finders.has(topic)) throw new Error(`The subject of "${topic}" events is registered twice`);
      this.finders.set(topic, finder as unknown as AnyFinder);
    }
  }

  has(topic: Topic): boolean {
    return this.finders.has(topic);
  }

  /** What the message is about; null for a topic without a finder, or a subject that is gone. */
  find(manager: EntityManager, message: Pick<OutboxMessage, 'topic' | 'payload'>): Promise<EventSubject | null> {
    const finder = isTopic(message.topic) ? this.finders.get(message.topic) : undefined;
    return finder === undefined ? Promise.resolve(null) : finder(manager, message.payload);
  }
}

/** The SQL of each audience, defined by the feature that knows those people. */
@Injectable()
export class EventAudiences {
  private readonly queries = new Map<Audience, AudienceQuery>();

  define(audience: Audience, query: AudienceQuery): void {
    if (this.queries.has(audience)) throw new Error(`The audience "${audience}" is defined twice`);
    this.queries.set(audience, query);
  }

  /** The audiences of `names` nobody has defined (a start-up check). */
  undefinedOf(names: readonly Audience[]): Audience[] {
    return names.filter((name) => !this.queries.has(name));
  }

  query(audience: Audience): AudienceQuery {
    const query = this.queries.get(audience);
    if (query === undefined) throw new Error(`The audience "${audience}" is not defined`);
    return query;
  }
}
