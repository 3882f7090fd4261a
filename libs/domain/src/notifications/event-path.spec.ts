import type { EventSubject } from '../outbox';
import { eventLink, eventPath } from './event-path';

const proposal = { id: 'p-1' } as EventSubject['proposal'];
const plan = { id: 'plan-1' } as EventSubject['plan'];

describe(eventPath.name, () => {
  it('leads a proposal event to the proposal', () => {
    expect(eventPath({ entityType: 'proposal', entityId: 'p-1', proposal, plan: null })).toBe('/proposals/p-1');
  });

  it('leads a ballot event to the ballot', () => {
    expect(eventPath({ entityType: 'ballot', entityId: 'b-1', proposal, plan: null })).toBe('/ballots/b-1');
  });

  it('leads an action item event to its implementation plan', () => {
    expect(eventPath({ entityType: 'actionItem', entityId: 'a-1', proposal, plan })).toBe(
      '/implementation-plans/plan-1',
    );
  });
});

describe(eventLink.name, () => {
  it.each(['https://majlis.example.org', 'https://majlis.example.org/'])('puts the path after %s once', (url) => {
    expect(eventLink(url, { entityType: 'ballot', entityId: 'b-1', proposal, plan: null })).toBe(
      'https://majlis.example.org/ballots/b-1',
    );
  });
});
