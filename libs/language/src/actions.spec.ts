import { actionWords, isActionName, operationsWithoutWords } from './actions';

describe('actionWords', () => {
  it('names an operation in words from the catalogue, in each language', () => {
    expect(actionWords('castVote', 'ar')).toBe('التصويت في هذا الاقتراع');
    expect(actionWords('castVote', { locale: 'en', digits: 'latn' })).toBe('vote on this ballot');
  });

  it('names a workflow event by its own words, and falls back to the operation’s for one it does not know', () => {
    expect(actionWords('transitionProposal', 'ar', { kind: 'proposal', type: 'SUBMIT' })).toBe('تقديم هذا المقترح');
    expect(actionWords('transitionProposal', 'en', { kind: 'proposal', type: 'UNKNOWN' })).toBe(
      "change this proposal's state",
    );
    expect(actionWords('transitionMeeting', 'en', { kind: 'meeting', type: '../SUBMIT' })).toBe(
      "change this meeting's state",
    );
  });
});

describe('isActionName', () => {
  it('knows the operations and rules of the catalogue, not its groups or other names', () => {
    expect(isActionName('createMeeting')).toBe(true);
    expect(isActionName('openQueueDashboard')).toBe(true);
    expect(isActionName('events')).toBe(false);
    expect(isActionName('noSuchOperation')).toBe(false);
    expect(isActionName('toString')).toBe(false);
  });
});

describe('operationsWithoutWords', () => {
  it('lists the operations the catalogue has no words for', () => {
    expect(operationsWithoutWords(['me', 'zeta', 'castVote', 'alpha'])).toEqual(['alpha', 'zeta']);
  });
});
