import {
  ACTION_ITEM_STATES,
  MEETING_STATES,
  PROPOSAL_STATES,
  type BallotCloseReason,
  type BallotResult,
  type BallotState,
  type MajorityRule,
  type WorkflowEventType,
  type WorkflowKind,
  type WorkflowState,
} from '@majlis/workflow';

/** A value an event's payload may hold: what comes back from jsonb unchanged. */
export type EventValue = string | number | boolean | null;

/**
 * What every transition tells (proposal, meeting, action item, ballot): the same keys the transition
 * rows and webhook bodies have always carried.
 */
export type TransitionPayload<K extends WorkflowKind = WorkflowKind> = {
  entityType: K;
  entityId: string;
  /** The person who sent the event; null for the platform (a ballot's deadline, its result). */
  actorId: string | null;
  from: WorkflowState<K>;
  to: WorkflowState<K>;
  event: WorkflowEventType<K>;
  /** The aggregate's version after the step. */
  version: number;
  comment?: string;
};

/** The aggregates whose every state is announced as `${kind}.${state}`. */
type StateTopicKind = Exclude<WorkflowKind, 'ballot'>;

type StateTopics<K extends StateTopicKind> = { [S in WorkflowState<K> as `${K}.${S}`]: TransitionPayload<K> };

type BallotFacts = { ballotId: string; proposalId: string };

/**
 * Every event majlis records in its outbox, and its payload: the one contract between the code that
 * writes events (through OutboxWriter) and the code that reacts to them. The only place topic names
 * are written.
 */
export interface EventContract extends StateTopics<'proposal'>, StateTopics<'meeting'>, StateTopics<'actionItem'> {
  /** The secretariat opened a ballot; its voters were snapshotted. */
  'ballot.opened': TransitionPayload<'ballot'> &
    BallotFacts & {
      eligible: number;
      recused: number;
      quorum: number;
      majority: MajorityRule;
      secret: boolean;
      /** ISO instant, or null for a ballot without a deadline. */
      closesAt: string | null;
    };
  /** A day before its deadline, the ballot is still open (recorded once per ballot). */
  'ballot.closingSoon': BallotFacts & {
    /** As PostgreSQL writes a timestamptz to JSON, e.g. `2026-12-01T09:00:00+00:00`. */
    closesAt: string;
  };
  /** The ballot closed (by hand or at its deadline) with its frozen result. */
  'ballot.closed': TransitionPayload<'ballot'> &
    BallotFacts & {
      result: BallotResult;
      eligible: number;
      cast: number;
      yes: number;
      no: number;
      abstain: number;
      decidedByChair: boolean;
      reason: BallotCloseReason;
    };
  /** The secretariat cancelled a pending or open ballot; its proposal was deferred. */
  'ballot.cancelled': TransitionPayload<'ballot'> & BallotFacts;
  /** An action item got its owner city (created, or moved to another city). */
  'actionItem.assigned': ActionItemFacts;
  /** An open item's due date is near (`DUE_SOON_DAYS`). */
  'actionItem.dueSoon': ActionItemFacts & { daysOverdue: number };
  /** An open item's due date has passed. */
  'actionItem.overdue': ActionItemFacts & { daysOverdue: number };
  /** An open item is overdue past the grace period: the secretariat hears of it. */
  'actionItem.escalated': ActionItemFacts & { daysOverdue: number };
  /** A person's daily digest e-mail was recorded (its delivery waits on this row). */
  'notifications.digest': { personId: string; date: string; items: number };
  /** An admin sent a failed delivery again (its delivery waits on this row). */
  'notifications.retry': { deliveryId: string; by: string };
}

type ActionItemFacts = {
  actionItemId: string;
  planId: string;
  ownerCityId: string;
  /** A calendar date, YYYY-MM-DD. */
  dueDate: string;
};

export type Topic = keyof EventContract;
export type EventPayload<T extends Topic> = EventContract[T];

/** The ballot's states that are announced, and the topic of each (past tense, as they always were). */
const BALLOT_TOPICS = {
  open: 'ballot.opened',
  closed: 'ballot.closed',
  cancelled: 'ballot.cancelled',
} as const satisfies Partial<Record<BallotState, Topic>>;

type BallotTopicState = keyof typeof BALLOT_TOPICS;

/** The states of `K` that are announced: every state, but a ballot's `pending`. */
export type TopicState<K extends WorkflowKind> = K extends 'ballot' ? BallotTopicState : WorkflowState<K>;

/** The topic announcing that an aggregate of kind `K` entered state `S`. */
export type TransitionTopic<K extends WorkflowKind, S extends TopicState<K> = TopicState<K>> = K extends 'ballot'
  ? (typeof BALLOT_TOPICS)[S & BallotTopicState]
  : `${K}.${S & string}`;

/** What a transition event carries besides the transition itself (a ballot's counts), for the recorder's caller. */
export type TransitionExtras<K extends WorkflowKind, S extends TopicState<K>> = Omit<
  EventPayload<TransitionTopic<K, S> & Topic>,
  keyof TransitionPayload
>;

/** The topic of a transition: `${kind}.${state}`, a ballot's in its past-tense form. */
export function transitionTopic<K extends WorkflowKind, S extends TopicState<K>>(
  kind: K,
  to: S,
): TransitionTopic<K, S> {
  const topic = kind === 'ballot' ? BALLOT_TOPICS[to as BallotTopicState] : `${kind}.${to}`;
  return topic as TransitionTopic<K, S>;
}

type CamelStateTopics<K extends StateTopicKind> = {
  readonly [S in WorkflowState<K> as `${K}${Capitalize<S>}`]: `${K}.${S}`;
};

function stateTopics<K extends StateTopicKind>(kind: K, states: readonly WorkflowState<K>[]): CamelStateTopics<K> {
  const entries = states.map((state) => [`${kind}${state[0].toUpperCase()}${state.slice(1)}`, `${kind}.${state}`]);
  return Object.fromEntries(entries) as CamelStateTopics<K>;
}

/** Every topic by a name code can use: `TOPICS.proposalSubmitted === 'proposal.submitted'`. */
export const TOPICS = {
  ...stateTopics('proposal', PROPOSAL_STATES),
  ...stateTopics('meeting', MEETING_STATES),
  ...stateTopics('actionItem', ACTION_ITEM_STATES),
  ballotOpened: BALLOT_TOPICS.open,
  ballotClosingSoon: 'ballot.closingSoon',
  ballotClosed: BALLOT_TOPICS.closed,
  ballotCancelled: BALLOT_TOPICS.cancelled,
  actionItemAssigned: 'actionItem.assigned',
  actionItemDueSoon: 'actionItem.dueSoon',
  actionItemOverdue: 'actionItem.overdue',
  actionItemEscalated: 'actionItem.escalated',
  notificationsDigest: 'notifications.digest',
  notificationsRetry: 'notifications.retry',
} as const satisfies Record<string, Topic>;

type NamedTopic = (typeof TOPICS)[keyof typeof TOPICS];

/** Every topic of the contract; a topic left out of TOPICS makes this a compile error. */
export const ALL_TOPICS: ReadonlyArray<Topic> & ([Exclude<Topic, NamedTopic>] extends [never] ? unknown : never) =
  Object.values(TOPICS);

const TOPIC_SET: ReadonlySet<string> = new Set(ALL_TOPICS);

export const isTopic = (topic: string): topic is Topic => TOPIC_SET.has(topic);

/** The ballot topics that became transitions: their rows written before then lack the transition keys. */
type BallotTransitionTopic = (typeof BALLOT_TOPICS)[BallotTopicState];

/**
 * A payload as a reader of the outbox may find it: rows written before ballots had transitions (still
 * in flight at the upgrade) carry a ballot event's own keys only. Readers use this, writers EventPayload.
 */
export type StoredPayload<T extends Topic> = T extends BallotTransitionTopic
  ? Omit<EventPayload<T>, keyof TransitionPayload> & Partial<TransitionPayload<'ballot'>>
  : EventPayload<T>;

/** The keys a transition adds to an event's payload. */
const TRANSITION_KEYS: ReadonlySet<string> = new Set<keyof TransitionPayload>([
  'entityType',
  'entityId',
  'actorId',
  'from',
  'to',
  'event',
  'version',
  'comment',
]);

/** Ballot events that were sent to webhooks before ballots had transitions. */
const WEBHOOK_V1_TOPICS: ReadonlySet<string> = new Set<Topic>([TOPICS.ballotOpened, TOPICS.ballotClosed]);

/**
 * An event's `data` in a webhook body: its payload, except that ballot events told before ballots became
 * transitions leave out the transition keys they gained, so their receivers get the same bytes as ever.
 */
export function webhookData<P extends Record<string, EventValue>>(topic: string, payload: P): Partial<P> {
  if (!WEBHOOK_V1_TOPICS.has(topic)) return payload;
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !TRANSITION_KEYS.has(key))) as Partial<P>;
}
