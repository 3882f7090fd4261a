import { describe, expect, it } from 'vitest';
import { requiredForQuorum, rulesInWords, type BallotRulesParts } from './rules-in-words';

const simple: BallotRulesParts = {
  quorum: 0.4,
  majority: 'SIMPLE',
  abstentionsCountAsCast: false,
  tieBreak: 'NONE',
  secret: false,
};

describe(rulesInWords.name, () => {
  it('names how many members must take part for the quorum, rounded up', () => {
    expect(rulesInWords(simple, 7)[0]).toEqual({
      key: 'rules.quorum',
      values: { required: 3, eligible: 7, share: 0.4 },
    });
  });

  it('does not round a quorum up past a whole number of members', () => {
    expect(requiredForQuorum(0.1, 30)).toBe(3);
  });

  it('says when no quorum is needed', () => {
    expect(rulesInWords({ ...simple, quorum: 0 }, 7)[0]?.key).toBe('rules.quorumNone');
  });

  it('explains a simple majority, neutral abstentions and a tie that fails', () => {
    expect(rulesInWords(simple, 7).map((s) => s.key)).toEqual([
      'rules.quorum',
      'rules.majoritySimple',
      'rules.abstentionsNeutral',
      'rules.tieFails',
      'rules.named',
    ]);
  });

  it('gives the chair the casting vote on a tie when the rules say so', () => {
    expect(rulesInWords({ ...simple, tieBreak: 'CHAIR' }, 7).map((s) => s.key)).toContain('rules.tieChair');
  });

  it('counts the yes votes an absolute majority needs', () => {
    const sentence = rulesInWords({ ...simple, majority: 'ABSOLUTE' }, 7).find(
      (s) => s.key === 'rules.majorityAbsolute',
    );
    expect(sentence?.values).toEqual({ required: 4, eligible: 7 });
    expect(
      rulesInWords({ ...simple, majority: 'ABSOLUTE' }, 8).find((s) => s.key === 'rules.majorityAbsolute')?.values
        .required,
    ).toBe(5);
  });

  it('says whether abstentions count as votes cast for two thirds', () => {
    const keys = (counted: boolean) =>
      rulesInWords({ ...simple, majority: 'TWO_THIRDS', abstentionsCountAsCast: counted }, 7).map((s) => s.key);
    expect(keys(true)).toContain('rules.abstentionsCounted');
    expect(keys(false)).toContain('rules.abstentionsNotCounted');
  });

  it('says whether an abstention blocks a unanimous decision', () => {
    const keys = (counted: boolean) =>
      rulesInWords({ ...simple, majority: 'UNANIMOUS', abstentionsCountAsCast: counted }, 7).map((s) => s.key);
    expect(keys(true)).toContain('rules.abstentionBlocks');
    expect(keys(false)).toContain('rules.abstentionDoesNotBlock');
  });

  it('says a secret ballot shows no one how anyone voted', () => {
    expect(rulesInWords({ ...simple, secret: true }, 7).at(-1)?.key).toBe('rules.secret');
  });
});
