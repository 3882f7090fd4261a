import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  BALLOT_STATES,
  type BallotResult as BallotResultValue,
  type BallotState as BallotStateValue,
  type MajorityRule as MajorityRuleValue,
  type TieBreak as TieBreakValue,
  type VoteChoice as VoteChoiceValue,
} from '@majlis/workflow';
import { ConnectionOf } from '../graphql/connection.model';
import { enumOf } from '../graphql/enum-of';

export const BallotState = enumOf(BALLOT_STATES, 'BallotState', "Where a ballot stands in the ballot's workflow.");
export const BallotResult = enumOf<BallotResultValue>(
  ['passed', 'failed', 'noQuorum'],
  'BallotResult',
  'A closed ballot’s outcome.',
);
export const MajorityRule = enumOf<MajorityRuleValue>(
  ['SIMPLE', 'ABSOLUTE', 'TWO_THIRDS', 'UNANIMOUS'],
  'MajorityRule',
  'SIMPLE: yes > no; ABSOLUTE: yes > half of the eligible; TWO_THIRDS: of votes cast; UNANIMOUS: no one against.',
);
export const TieBreak = enumOf<TieBreakValue>(
  ['CHAIR', 'NONE'],
  'TieBreak',
  "On a tie, the chair's vote decides, or nothing.",
);
export const VoteChoice = enumOf<VoteChoiceValue>(['YES', 'NO', 'ABSTAIN'], 'VoteChoice', 'A board member’s vote.');

@InputType('BallotRulesInput')
export class BallotRulesInputModel {
  @Field(() => Float, { description: 'Share of eligible voters (0 to 1) who must take part; abstaining counts.' })
  quorum!: number;

  @Field(() => MajorityRule)
  majority!: MajorityRuleValue;

  @Field(() => Boolean, { nullable: true, description: 'For TWO_THIRDS and UNANIMOUS: abstentions count as cast.' })
  abstentionsCountAsCast?: boolean | null;

  @Field(() => TieBreak, { nullable: true, description: 'NONE when absent.' })
  tieBreak?: TieBreakValue | null;

  @Field(() => Boolean, { nullable: true, description: 'A secret ballot never shows who chose what.' })
  secret?: boolean | null;
}

@ObjectType('BallotRules')
export class BallotRulesModel {
  @Field(() => Float)
  quorum!: number;

  @Field(() => MajorityRule)
  majority!: MajorityRuleValue;

  @Field()
  abstentionsCountAsCast!: boolean;

  @Field(() => TieBreak)
  tieBreak!: TieBreakValue;

  @Field()
  secret!: boolean;
}

@ObjectType('BallotTally')
export class BallotTallyModel {
  @Field(() => Int)
  yes!: number;

  @Field(() => Int)
  no!: number;

  @Field(() => Int)
  abstain!: number;
}

@InputType('BallotFilter')
export class BallotFilterModel {
  @Field(() => BallotState, { nullable: true })
  state?: BallotStateValue | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: ballots you may vote on (eligible, not recused); false: the others.',
  })
  eligibleToVote?: boolean | null;
}

@ObjectType('BallotVote', { description: 'Who chose what, on a named ballot.' })
export class BallotVoteModel {
  @Field(() => ID)
  voterId!: string;

  @Field(() => VoteChoice)
  choice!: VoteChoiceValue;
}

@ObjectType('Ballot', { description: "The board's vote on a proposal." })
export class BallotModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => BallotState)
  state!: BallotStateValue;

  @Field(() => BallotRulesModel)
  rules!: BallotRulesModel;

  @Field(() => Date, { nullable: true })
  closesAt!: Date | null;

  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => BallotResult, { nullable: true })
  result!: BallotResultValue | null;

  @Field({ description: "True when the chair's vote broke a tie." })
  decidedByChair!: boolean;

  @Field(() => Int)
  version!: number;
}

export const BallotConnection = ConnectionOf(BallotModel, 'Ballot');

@ObjectType('BallotProgress', {
  description: 'What you may see of a ballot: turnout always, choices as the rules allow.',
})
export class BallotProgressModel {
  @Field(() => Int)
  eligible!: number;

  @Field(() => Int)
  cast!: number;

  @Field(() => BallotTallyModel, {
    nullable: true,
    description: 'Frozen at close for all; live only to the secretariat on a named ballot.',
  })
  tally!: BallotTallyModel | null;

  @Field(() => [BallotVoteModel], {
    nullable: true,
    description: 'Named ballots only: after close for all, live to the secretariat.',
  })
  votes!: BallotVoteModel[] | null;

  @Field(() => VoteChoice, { nullable: true, description: 'Your own vote.' })
  myVote!: VoteChoiceValue | null;

  @Field({ description: 'Whether you may vote on it.' })
  eligibleToVote!: boolean;
}

@ObjectType('VoteReceipt', { description: 'The answer to castVote; the same key always gets this same answer.' })
export class VoteReceiptModel {
  @Field(() => ID)
  ballotId!: string;

  @Field(() => VoteChoice)
  choice!: VoteChoiceValue;

  @Field()
  castAt!: Date;
}

@ObjectType('ConflictDeclaration')
export class ConflictDeclarationModel {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  reason!: string;

  @Field()
  declaredAt!: Date;
}
