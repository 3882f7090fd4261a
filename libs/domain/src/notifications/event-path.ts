import type { EventFacts } from './event-audience';

/**
 * The web client's page an event leads to: the one rule for a notification's `path` and its e-mail's
 * link. A ballot's event opens the ballot, an action item's its implementation plan, a meeting's the
 * meeting, others the proposal.
 */
export function eventPath(facts: Pick<EventFacts, 'entityType' | 'entityId' | 'proposal' | 'plan'>): string {
  switch (facts.entityType) {
    case 'ballot':
      return `/ballots/${facts.entityId}`;
    case 'actionItem':
      if (facts.plan !== null) return `/implementation-plans/${facts.plan.id}`;
      return facts.proposal === null ? '/' : `/proposals/${facts.proposal.id}`;
    case 'proposal':
      return `/proposals/${facts.proposal?.id ?? facts.entityId}`;
    case 'meeting':
      return `/meetings/${facts.entityId}`;
  }
}

/** The event's page as an address for e-mails and webhooks: the public URL and `eventPath`. */
export const eventLink = (publicUrl: string, facts: Parameters<typeof eventPath>[0]): string =>
  `${publicUrl.replace(/\/$/, '')}${eventPath(facts)}`;
