/**
 * Who hears what: each event the partnership is told about, and the people it goes to. An event whose
 * topic is not here (a proposal entering review, say) notifies nobody. Webhooks hear every event here:
 * a member city's endpoints those about the city, the partnership's endpoints all of them.
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
  | 'meetingParticipants';

export const NOTIFICATION_RULES = {
  'proposal.submitted': ['secretariat'],
  'proposal.changesRequested': ['ownerCityDelegates'],
  'proposal.scheduled': ['ownerCityDelegates', 'board'],
  'ballot.opened': ['eligibleVoters'],
  'ballot.closingSoon': ['votersYetToVote'],
  'ballot.closed': ['meetingParticipants'],
  'actionItem.assigned': ['ownerCityDelegates'],
  'actionItem.dueSoon': ['ownerCityDelegates'],
  'actionItem.overdue': ['ownerCityDelegates'],
  'actionItem.escalated': ['secretariat'],
} as const satisfies Record<string, readonly Audience[]>;

export type NotifiedTopic = keyof typeof NOTIFICATION_RULES;

export const NOTIFIED_TOPICS = Object.keys(NOTIFICATION_RULES) as NotifiedTopic[];

export const isNotifiedTopic = (topic: string): topic is NotifiedTopic => Object.hasOwn(NOTIFICATION_RULES, topic);

/** How many days before its due date an open action item's city is reminded. */
export const DUE_SOON_DAYS = 3;

/** How long before a ballot's deadline the members yet to vote are reminded. */
export const CLOSING_SOON_MS = 24 * 60 * 60 * 1000;
