import { describe, expect, it } from 'vitest';
import { languageOfText, threadsOf } from './threads';

const at = (minute: number) => `2027-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('review threads', () => {
  it('gathers answers, and answers to answers, under the comment that began the thread', () => {
    const threads = threadsOf([
      { id: 'b', parentId: null, createdAt: at(2) },
      { id: 'a2', parentId: 'a1', createdAt: at(4) },
      { id: 'a', parentId: null, createdAt: at(1) },
      { id: 'a1', parentId: 'a', createdAt: at(3) },
      { id: 'b1', parentId: 'b', createdAt: at(5) },
    ]);
    expect(threads.map((thread) => [thread.root.id, thread.replies.map((reply) => reply.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('starts a thread with an answer whose comment is not there', () => {
    expect(threadsOf([{ id: 'x', parentId: 'gone', createdAt: at(1) }]).map((thread) => thread.root.id)).toEqual(['x']);
  });

  it('tells Arabic from other text', () => {
    expect(languageOfText('يرجى توضيح الميزانية')).toBe('ar');
    expect(languageOfText('Please state the budget.')).toBe('en');
  });
});
