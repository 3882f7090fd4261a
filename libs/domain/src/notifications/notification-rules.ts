import { TOPICS, type Topic } from '../outbox';
import type { Audience } from '../outbox';

export type { Audience } from '../outbox';

/**
 * Who hears what: each event the partnership is told about, and the people it goes to. An event whose
 * topic is not here (a proposal entering review, say) notifies nobody. Webhooks hear every event here:
 * a member city's endpoints those about the city, the partnership's endpoints all of them.
 */
export const NOTIFICATION_RULES = {
  [TOPICS.proposalSubmitted]: ['secretariat'],
  [TOPICS.proposalChangesRequested]: ['ownerCityDelegates'],
  [TOPICS.proposalScheduled]: ['ownerCityDelegates', 'board'],
  [TOPICS.meetingAgendaPublished]: ['meetingDelegations', 'board'],
  [TOPICS.ballotOpened]: ['eligibleVoters'],
  [TOPICS.ballotClosingSoon]: ['votersYetToVote'],
  [TOPICS.ballotClosed]: ['meetingParticipants'],
  [TOPICS.ballotCancelled]: ['eligibleVoters', 'ownerCityDelegates'],
  [TOPICS.actionItemAssigned]: ['ownerCityDelegates'],
  [TOPICS.actionItemDueSoon]: ['ownerCityDelegates'],
  [TOPICS.actionItemOverdue]: ['ownerCityDelegates'],
  [TOPICS.actionItemEscalated]: ['secretariat'],
} as const satisfies Partial<Record<Topic, readonly Audience[]>>;

/** The topics people are told about: the only ones with templates and preferences. */
export type NotifiedTopic = keyof typeof NOTIFICATION_RULES;

export const NOTIFIED_TOPICS = Object.keys(NOTIFICATION_RULES) as NotifiedTopic[];

export const isNotifiedTopic = (topic: string): topic is NotifiedTopic => Object.hasOwn(NOTIFICATION_RULES, topic);

/** Every audience some rule names (the start-up check asks that each is defined). */
export const NOTIFIED_AUDIENCES: readonly Audience[] = [...new Set(Object.values(NOTIFICATION_RULES).flat())];
