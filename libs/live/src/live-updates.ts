/** What changed; subscribers reload what they may see of it. */
export interface LiveTopics {
  ballotUpdated: { id: string };
  proposalUpdated: { id: string };
  /** A change to an implementation plan: its items, their states, progress reports, its programme. */
  implementationPlanUpdated: { id: string };
  /** A new in-app notification; only its recipient's subscription passes it on. */
  notificationAdded: { id: string; recipientId: string };
  /** Every session of this person ended (deactivated, password reset): their sockets close. */
  sessionsEnded: { personId: string };
}
export type LiveTopic = keyof LiveTopics;

/**
 * Tells subscribers that something changed, after the change has committed. Payloads carry ids only:
 * each subscriber's view is read for that subscriber, so a secret ballot leaks nothing through here.
 * The port the domain publishes through; the applications provide the adapter (LiveModule).
 */
export abstract class LiveUpdates {
  /** Best effort: a lost live update costs a refresh, never the change itself. */
  abstract publish<T extends LiveTopic>(topic: T, payload: LiveTopics[T]): Promise<void>;

  abstract iterator<T extends LiveTopic>(topic: T): AsyncIterableIterator<LiveTopics[T]>;
}
