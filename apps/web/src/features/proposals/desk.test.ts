import { describe, expect, it } from 'vitest';
import { pathTaken, threadsOf } from './desk';

describe(pathTaken.name, () => {
  it('is the state alone for a proposal that never moved', () => {
    expect(pathTaken('draft', [])).toEqual(['draft']);
  });

  it('starts where the first step left and follows every step, a return included', () => {
    expect(
      pathTaken('submitted', [
        { fromState: 'draft', toState: 'submitted' },
        { fromState: 'submitted', toState: 'inReview' },
        { fromState: 'inReview', toState: 'changesRequested' },
        { fromState: 'changesRequested', toState: 'submitted' },
      ]),
    ).toEqual(['draft', 'submitted', 'inReview', 'changesRequested', 'submitted']);
  });
});

describe(threadsOf.name, () => {
  it('keeps answers, and answers to answers, in the thread they belong to, in order', () => {
    const threads = threadsOf([
      { id: 'a', parentId: null },
      { id: 'b', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'a1x', parentId: 'a1' },
      { id: 'b1', parentId: 'b' },
    ]);
    expect(threads.map((thread) => [thread.root.id, thread.replies.map((reply) => reply.id)])).toEqual([
      ['a', ['a1', 'a1x']],
      ['b', ['b1']],
    ]);
  });

  it('makes an answer whose parent it cannot see a thread of its own', () => {
    expect(threadsOf([{ id: 'x', parentId: 'gone' }]).map((thread) => thread.root.id)).toEqual(['x']);
  });
});
