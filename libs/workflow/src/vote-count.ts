export type MajorityRule = 'SIMPLE' | 'ABSOLUTE' | 'TWO_THIRDS' | 'UNANIMOUS';
export type TieBreak = 'CHAIR' | 'NONE';
export type VoteChoice = 'YES' | 'NO' | 'ABSTAIN';
export type BallotResult = 'passed' | 'failed' | 'noQuorum';

export interface VoteRules {
  /** Share of eligible voters (0..1) who must take part; abstentions count as taking part. */
  readonly quorum: number;
  readonly majority: MajorityRule;
  /** For TWO_THIRDS and UNANIMOUS: whether abstentions are in the denominator. */
  readonly abstentionsCountAsCast: boolean;
  readonly tieBreak: TieBreak;
  readonly secret: boolean;
}

/** A member who may vote on the ballot; recused members are left out by the caller. */
export interface EligibleVoter {
  readonly voterId: string;
  readonly isChair: boolean;
}

export interface CastVote {
  readonly voterId: string;
  readonly choice: VoteChoice;
}

export interface VoteTally {
  readonly eligible: number;
  readonly cast: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** cast / eligible, 0 when nobody is eligible. */
  readonly turnout: number;
}

export interface VoteCount {
  readonly tally: VoteTally;
  readonly result: BallotResult;
  readonly decidedByChair: boolean;
  readonly quorumMet: boolean;
}

export interface VoteCountInput {
  readonly rules: VoteRules;
  readonly eligible: readonly EligibleVoter[];
  /** In the order they were cast: a member who changed their vote appears again later. */
  readonly votes: readonly CastVote[];
}

export class InvalidVoteRulesError extends Error {
  readonly code = 'INVALID_VOTE_RULES';

  constructor(message: string) {
    super(message);
    this.name = InvalidVoteRulesError.name;
  }
}

// 0.1 * 30 is 3.0000000000000004 in floating point; a share given to a few decimals must not round up past it.
const QUORUM_TOLERANCE = 1e-9;

export function requiredForQuorum(quorum: number, eligible: number): number {
  return Math.max(0, Math.ceil(quorum * eligible - QUORUM_TOLERANCE));
}

export function countVotes({ rules, eligible, votes }: VoteCountInput): VoteCount {
  if (!(rules.quorum >= 0 && rules.quorum <= 1)) {
    throw new InvalidVoteRulesError(`Quorum must be a share between 0 and 1, got ${rules.quorum}.`);
  }
  const eligibleIds = new Set(eligible.map((voter) => voter.voterId));
  const choices = new Map<string, VoteChoice>();
  for (const vote of votes) {
    if (eligibleIds.has(vote.voterId)) choices.set(vote.voterId, vote.choice);
  }
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const choice of choices.values()) {
    if (choice === 'YES') yes += 1;
    else if (choice === 'NO') no += 1;
    else abstain += 1;
  }
  const eligibleCount = eligibleIds.size;
  const cast = yes + no + abstain;
  const tally: VoteTally = {
    eligible: eligibleCount,
    cast,
    yes,
    no,
    abstain,
    turnout: eligibleCount === 0 ? 0 : cast / eligibleCount,
  };

  // With nobody eligible only a zero quorum can be met, and then nothing passes for want of a yes.
  const quorumMet = eligibleCount === 0 ? rules.quorum === 0 : cast >= requiredForQuorum(rules.quorum, eligibleCount);
  if (!quorumMet) return { tally, result: 'noQuorum', decidedByChair: false, quorumMet };

  if (rules.majority === 'SIMPLE' && rules.tieBreak === 'CHAIR' && yes === no && yes > 0) {
    const chair = eligible.find((voter) => voter.isChair);
    const chairChoice = chair === undefined ? undefined : choices.get(chair.voterId);
    // The chair's own vote decides a tie; a chair who abstained or stayed away leaves it failed.
    return { tally, result: chairChoice === 'YES' ? 'passed' : 'failed', decidedByChair: true, quorumMet };
  }
  return { tally, result: majorityReached(rules, tally) ? 'passed' : 'failed', decidedByChair: false, quorumMet };
}

function majorityReached(rules: VoteRules, { eligible, yes, no, abstain }: VoteTally): boolean {
  switch (rules.majority) {
    // More yes than no; abstentions do not count either way.
    case 'SIMPLE':
      return yes > no;
    // More than half of all eligible voters said yes, whoever else voted.
    case 'ABSOLUTE':
      return yes * 2 > eligible;
    // At least two thirds of the votes cast said yes, compared in integers so exactly 2/3 passes.
    case 'TWO_THIRDS': {
      const denominator = yes + no + (rules.abstentionsCountAsCast ? abstain : 0);
      return yes > 0 && yes * 3 >= denominator * 2;
    }
    // Nobody said no (nor abstained, when abstentions count) and at least one said yes.
    case 'UNANIMOUS':
      return yes > 0 && no === 0 && (!rules.abstentionsCountAsCast || abstain === 0);
  }
}
