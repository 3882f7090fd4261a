import {
  countVotes,
  InvalidVoteRulesError,
  requiredForQuorum,
  type CastVote,
  type EligibleVoter,
  type VoteChoice,
  type VoteCount,
  type VoteCountInput,
  type VoteRules,
} from './vote-count';

const simple: VoteRules = {
  quorum: 0.5,
  majority: 'SIMPLE',
  abstentionsCountAsCast: false,
  tieBreak: 'NONE',
  secret: false,
};

/** Voters v1..vN; v1 chairs unless told otherwise. */
function board(size: number, chair: string | null = 'v1'): EligibleVoter[] {
  return Array.from({ length: size }, (_, index) => ({ voterId: `v${index + 1}`, isChair: `v${index + 1}` === chair }));
}

/** The i-th choice is cast by v(i+1); null leaves that member away. */
function ballots(...choices: (VoteChoice | null)[]): CastVote[] {
  return choices.flatMap((choice, index) => (choice === null ? [] : [{ voterId: `v${index + 1}`, choice }]));
}

interface Case {
  readonly name: string;
  readonly input: VoteCountInput;
  readonly result: VoteCount['result'];
  readonly decidedByChair?: boolean;
  readonly quorumMet?: boolean;
  readonly tally?: Partial<VoteCount['tally']>;
}

const cases: readonly Case[] = [
  {
    name: 'SIMPLE passes with more yes than no and reports the tally',
    input: { rules: simple, eligible: board(5), votes: ballots('YES', 'YES', 'NO') },
    result: 'passed',
    tally: { eligible: 5, cast: 3, yes: 2, no: 1, abstain: 0, turnout: 0.6 },
  },
  {
    name: 'SIMPLE fails with more no than yes',
    input: { rules: simple, eligible: board(5), votes: ballots('YES', 'NO', 'NO') },
    result: 'failed',
  },
  {
    name: 'SIMPLE ignores abstentions either way',
    input: { rules: simple, eligible: board(5), votes: ballots('YES', 'ABSTAIN', 'ABSTAIN', 'ABSTAIN') },
    result: 'passed',
    tally: { cast: 4, abstain: 3 },
  },
  {
    name: 'SIMPLE fails a tie without a tie-break',
    input: { rules: simple, eligible: board(4), votes: ballots('YES', 'NO', 'YES', 'NO') },
    result: 'failed',
    decidedByChair: false,
  },
  {
    name: 'SIMPLE tie passes when the chair voted yes',
    input: { rules: { ...simple, tieBreak: 'CHAIR' }, eligible: board(4), votes: ballots('YES', 'NO', 'YES', 'NO') },
    result: 'passed',
    decidedByChair: true,
  },
  {
    name: 'SIMPLE tie fails when the chair voted no',
    input: { rules: { ...simple, tieBreak: 'CHAIR' }, eligible: board(4), votes: ballots('NO', 'YES', 'YES', 'NO') },
    result: 'failed',
    decidedByChair: true,
  },
  {
    name: 'SIMPLE tie fails when the chair abstained',
    input: {
      rules: { ...simple, tieBreak: 'CHAIR' },
      eligible: board(5),
      votes: ballots('ABSTAIN', 'YES', 'YES', 'NO', 'NO'),
    },
    result: 'failed',
    decidedByChair: true,
  },
  {
    name: 'SIMPLE tie fails when the chair stayed away',
    input: {
      rules: { ...simple, tieBreak: 'CHAIR' },
      eligible: board(5),
      votes: ballots(null, 'YES', 'NO', 'YES', 'NO'),
    },
    result: 'failed',
    decidedByChair: true,
  },
  {
    name: 'SIMPLE tie fails when the chair is recused and not eligible',
    input: {
      rules: { ...simple, tieBreak: 'CHAIR' },
      eligible: board(4, null),
      votes: [...ballots('YES', 'NO', 'YES', 'NO'), { voterId: 'chair', choice: 'YES' }],
    },
    result: 'failed',
    decidedByChair: true,
    tally: { eligible: 4, cast: 4, yes: 2 },
  },
  {
    name: 'SIMPLE with only abstentions is no tie and fails without the chair',
    input: {
      rules: { ...simple, tieBreak: 'CHAIR' },
      eligible: board(3),
      votes: ballots('ABSTAIN', 'ABSTAIN', 'ABSTAIN'),
    },
    result: 'failed',
    decidedByChair: false,
  },
  {
    name: 'ABSOLUTE fails at exactly half of the eligible',
    input: {
      rules: { ...simple, majority: 'ABSOLUTE' },
      eligible: board(10),
      votes: ballots('YES', 'YES', 'YES', 'YES', 'YES', 'NO'),
    },
    result: 'failed',
  },
  {
    name: 'ABSOLUTE passes with more than half of the eligible',
    input: {
      rules: { ...simple, majority: 'ABSOLUTE' },
      eligible: board(10),
      votes: ballots('YES', 'YES', 'YES', 'YES', 'YES', 'YES'),
    },
    result: 'passed',
  },
  {
    name: 'ABSOLUTE counts the eligible, not the votes cast',
    input: { rules: { ...simple, majority: 'ABSOLUTE', quorum: 0 }, eligible: board(5), votes: ballots('YES', 'YES') },
    result: 'failed',
  },
  {
    name: 'ABSOLUTE passes 3 of 5',
    input: { rules: { ...simple, majority: 'ABSOLUTE' }, eligible: board(5), votes: ballots('YES', 'YES', 'YES') },
    result: 'passed',
  },
  {
    name: 'TWO_THIRDS passes at exactly two thirds',
    input: { rules: { ...simple, majority: 'TWO_THIRDS' }, eligible: board(3), votes: ballots('YES', 'YES', 'NO') },
    result: 'passed',
  },
  {
    name: 'TWO_THIRDS passes at exactly two thirds of a larger board',
    input: {
      rules: { ...simple, majority: 'TWO_THIRDS' },
      eligible: board(9),
      votes: ballots('YES', 'YES', 'YES', 'YES', 'YES', 'YES', 'NO', 'NO', 'NO'),
    },
    result: 'passed',
  },
  {
    name: 'TWO_THIRDS fails just below two thirds',
    input: {
      rules: { ...simple, majority: 'TWO_THIRDS' },
      eligible: board(5),
      votes: ballots('YES', 'YES', 'YES', 'NO', 'NO'),
    },
    result: 'failed',
  },
  {
    name: 'TWO_THIRDS leaves abstentions out of the denominator unless they count',
    input: {
      rules: { ...simple, majority: 'TWO_THIRDS' },
      eligible: board(4),
      votes: ballots('YES', 'YES', 'NO', 'ABSTAIN'),
    },
    result: 'passed',
  },
  {
    name: 'TWO_THIRDS fails when counted abstentions push yes below two thirds',
    input: {
      rules: { ...simple, majority: 'TWO_THIRDS', abstentionsCountAsCast: true },
      eligible: board(4),
      votes: ballots('YES', 'YES', 'NO', 'ABSTAIN'),
    },
    result: 'failed',
  },
  {
    name: 'TWO_THIRDS passes at exactly two thirds with counted abstentions',
    input: {
      rules: { ...simple, majority: 'TWO_THIRDS', abstentionsCountAsCast: true },
      eligible: board(3),
      votes: ballots('YES', 'YES', 'ABSTAIN'),
    },
    result: 'passed',
  },
  {
    name: 'TWO_THIRDS fails with no yes at all',
    input: { rules: { ...simple, majority: 'TWO_THIRDS' }, eligible: board(3), votes: ballots('ABSTAIN', 'ABSTAIN') },
    result: 'failed',
  },
  {
    name: 'UNANIMOUS passes when everyone voting said yes',
    input: { rules: { ...simple, majority: 'UNANIMOUS' }, eligible: board(3), votes: ballots('YES', 'YES', 'YES') },
    result: 'passed',
  },
  {
    name: 'UNANIMOUS fails with a single no',
    input: { rules: { ...simple, majority: 'UNANIMOUS' }, eligible: board(3), votes: ballots('YES', 'YES', 'NO') },
    result: 'failed',
  },
  {
    name: 'UNANIMOUS tolerates abstentions that do not count',
    input: { rules: { ...simple, majority: 'UNANIMOUS' }, eligible: board(3), votes: ballots('YES', 'ABSTAIN', 'YES') },
    result: 'passed',
  },
  {
    name: 'UNANIMOUS fails on an abstention that counts',
    input: {
      rules: { ...simple, majority: 'UNANIMOUS', abstentionsCountAsCast: true },
      eligible: board(3),
      votes: ballots('YES', 'ABSTAIN', 'YES'),
    },
    result: 'failed',
  },
  {
    name: 'UNANIMOUS fails when everyone abstained',
    input: { rules: { ...simple, majority: 'UNANIMOUS' }, eligible: board(2), votes: ballots('ABSTAIN', 'ABSTAIN') },
    result: 'failed',
  },
  {
    name: 'quorum is not met one vote short',
    input: { rules: simple, eligible: board(10), votes: ballots('YES', 'YES', 'YES', 'YES') },
    result: 'noQuorum',
    quorumMet: false,
    tally: { cast: 4, turnout: 0.4 },
  },
  {
    name: 'quorum is met by abstentions too',
    input: { rules: simple, eligible: board(10), votes: ballots('YES', 'YES', 'YES', 'ABSTAIN', 'ABSTAIN') },
    result: 'passed',
    quorumMet: true,
  },
  {
    name: 'quorum of a tenth of 30 needs 3, not 4 from floating error',
    input: { rules: { ...simple, quorum: 0.1 }, eligible: board(30), votes: ballots('YES', 'YES', 'NO') },
    result: 'passed',
    quorumMet: true,
  },
  {
    name: 'quorum of two thirds of 9 is not met by 5',
    input: {
      rules: { ...simple, quorum: 2 / 3 },
      eligible: board(9),
      votes: ballots('YES', 'YES', 'YES', 'YES', 'NO'),
    },
    result: 'noQuorum',
  },
  {
    name: 'quorum of 1 needs every eligible member',
    input: { rules: { ...simple, quorum: 1 }, eligible: board(3), votes: ballots('YES', 'YES', null) },
    result: 'noQuorum',
  },
  {
    name: 'recusal shrinks the eligible count the quorum is measured against',
    input: { rules: simple, eligible: board(4), votes: ballots('YES', 'YES', null, null) },
    result: 'passed',
    tally: { eligible: 4, turnout: 0.5 },
  },
  {
    name: 'votes from ids that are not eligible are ignored',
    input: {
      rules: simple,
      eligible: board(3),
      votes: [...ballots('YES', 'YES'), { voterId: 'recused', choice: 'NO' }, { voterId: 'observer', choice: 'NO' }],
    },
    result: 'passed',
    tally: { eligible: 3, cast: 2, yes: 2, no: 0 },
  },
  {
    name: 'the last vote of a member who changed it counts',
    input: {
      rules: simple,
      eligible: board(3),
      votes: [...ballots('YES', 'NO'), { voterId: 'v1', choice: 'NO' }],
    },
    result: 'failed',
    tally: { cast: 2, yes: 0, no: 2 },
  },
  {
    name: 'nobody eligible never meets a quorum above zero',
    input: { rules: simple, eligible: [], votes: [{ voterId: 'v1', choice: 'YES' }] },
    result: 'noQuorum',
    quorumMet: false,
    tally: { eligible: 0, cast: 0, turnout: 0 },
  },
  {
    name: 'nobody eligible with a zero quorum fails for want of a yes',
    input: { rules: { ...simple, quorum: 0 }, eligible: [], votes: [] },
    result: 'failed',
    quorumMet: true,
    tally: { eligible: 0, cast: 0, turnout: 0 },
  },
  {
    name: 'no votes at all miss the quorum',
    input: { rules: simple, eligible: board(3), votes: [] },
    result: 'noQuorum',
    tally: { cast: 0, turnout: 0 },
  },
  {
    name: 'no votes at all with a zero quorum fail',
    input: { rules: { ...simple, quorum: 0, majority: 'UNANIMOUS' }, eligible: board(3), votes: [] },
    result: 'failed',
    quorumMet: true,
  },
];

describe('countVotes', () => {
  it.each(cases)('$name', ({ input, result, decidedByChair, quorumMet, tally }) => {
    const count = countVotes(input);
    expect(count.result).toBe(result);
    expect(count.decidedByChair).toBe(decidedByChair ?? false);
    expect(count.quorumMet).toBe(quorumMet ?? result !== 'noQuorum');
    if (tally !== undefined) expect(count.tally).toMatchObject(tally);
    expect(count.tally.cast).toBe(count.tally.yes + count.tally.no + count.tally.abstain);
  });

  it.each(cases)('gives the same count when secret: $name', ({ input }) => {
    const named = countVotes({ ...input, rules: { ...input.rules, secret: false } });
    expect(countVotes({ ...input, rules: { ...input.rules, secret: true } })).toEqual(named);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses the quorum %p', (quorum) => {
    const run = (): VoteCount => countVotes({ rules: { ...simple, quorum }, eligible: board(3), votes: [] });
    expect(run).toThrow(InvalidVoteRulesError);
    expect(run).toThrow(expect.objectContaining({ code: 'INVALID_VOTE_RULES' }));
  });
});

describe('requiredForQuorum', () => {
  it.each([
    [0, 10, 0],
    [0.5, 10, 5],
    [0.5, 9, 5],
    [0.1, 30, 3],
    [2 / 3, 9, 6],
    [2 / 3, 10, 7],
    [1, 7, 7],
    [0.5, 0, 0],
  ])('needs ceil(%p of %p) = %p members', (quorum, eligible, required) => {
    expect(requiredForQuorum(quorum, eligible)).toBe(required);
  });
});
