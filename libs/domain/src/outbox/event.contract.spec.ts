import { ACTION_ITEM_STATES, MEETING_STATES, PROPOSAL_STATES } from '@majlis/workflow';
import { ALL_TOPICS, isTopic, TOPICS, transitionTopic } from './event.contract';

describe(transitionTopic.name, () => {
  it('names a transition `${kind}.${state}`, as the rows and webhooks always had it', () => {
    expect(transitionTopic('proposal', 'changesRequested')).toBe('proposal.changesRequested');
    expect(transitionTopic('meeting', 'agendaPublished')).toBe('meeting.agendaPublished');
    expect(transitionTopic('actionItem', 'inProgress')).toBe('actionItem.inProgress');
  });

  it('keeps the past tense of a ballot’s topics', () => {
    expect(transitionTopic('ballot', 'open')).toBe('ballot.opened');
    expect(transitionTopic('ballot', 'closed')).toBe('ballot.closed');
    expect(transitionTopic('ballot', 'cancelled')).toBe('ballot.cancelled');
  });
});

describe('TOPICS', () => {
  it('names every state of the proposal, meeting and action item workflows', () => {
    const kinds = [
      ['proposal', PROPOSAL_STATES],
      ['meeting', MEETING_STATES],
      ['actionItem', ACTION_ITEM_STATES],
    ] as const;
    for (const [kind, states] of kinds) for (const state of states) expect(ALL_TOPICS).toContain(`${kind}.${state}`);
    expect(TOPICS.proposalSubmitted).toBe('proposal.submitted');
    expect(TOPICS.actionItemAssigned).toBe('actionItem.assigned');
  });

  it('lists each topic once, and knows no other', () => {
    expect(new Set(ALL_TOPICS).size).toBe(ALL_TOPICS.length);
    expect(ALL_TOPICS.every(isTopic)).toBe(true);
    expect(isTopic('proposal.reviewed')).toBe(false);
    expect(isTopic('account.invitation')).toBe(false);
  });
});
