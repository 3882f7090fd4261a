import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor,
  Ballot,
  BallotService,
  BallotView,
  ConflictDeclaration,
  Proposal,
  Role,
  VoteAnswer,
} from '@majlis/domain';
import type { VoteChoice as VoteChoiceValue } from '@majlis/workflow';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { ProposalModel } from '../proposals/proposal.model';
import {
  BallotModel,
  BallotProgressModel,
  BallotRulesInputModel,
  ConflictDeclarationModel,
  VoteChoice,
  VoteReceiptModel,
} from './ballot.model';

@Resolver(() => BallotModel)
export class BallotResolver {
  constructor(private readonly ballots: BallotService) {}

  @Query(() => BallotModel)
  @AnyRole()
  ballot(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Ballot> {
    return this.ballots.ballot(actor, id);
  }

  @Mutation(() => ProposalModel, {
    description: "Puts a proposal ready for the board onto a meeting's agenda as a decision item (secretariat).",
  })
  @Allow(Role.SECRETARIAT)
  scheduleProposal(
    @CurrentActor() actor: Actor,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<Proposal> {
    return this.ballots.schedule(actor, proposalId, meetingId);
  }

  @Mutation(() => BallotModel, {
    description: "Opens the board's vote on a scheduled proposal (secretariat); optional deadline closesAt.",
  })
  @Allow(Role.SECRETARIAT)
  openBallot(
    @CurrentActor() actor: Actor,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('rules', { type: () => BallotRulesInputModel }) rules: BallotRulesInputModel,
    @Args('closesAt', { type: () => Date, nullable: true }) closesAt: Date | null,
  ): Promise<Ballot> {
    return this.ballots.open(actor, proposalId, rules, closesAt ?? null);
  }

  @Mutation(() => VoteReceiptModel, {
    description: 'Casts or changes your vote until the ballot closes; retrying with the same key is safe.',
  })
  @Allow(Role.BOARD_MEMBER)
  castVote(
    @CurrentActor() actor: Actor,
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('choice', { type: () => VoteChoice }) choice: VoteChoiceValue,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<VoteAnswer> {
    return this.ballots.castVote(actor, ballotId, choice, idempotencyKey);
  }

  @Mutation(() => BallotModel, { description: 'Closes a ballot, freezing its tally and result (secretariat).' })
  @Allow(Role.SECRETARIAT)
  closeBallot(@CurrentActor() actor: Actor, @Args('ballotId', { type: () => ID }) ballotId: string): Promise<Ballot> {
    return this.ballots.close(actor, ballotId);
  }

  @Mutation(() => ConflictDeclarationModel, {
    description: 'Declares your conflict of interest on a proposal before voting: you are left out of its ballot.',
  })
  @Allow(Role.BOARD_MEMBER)
  declareConflict(
    @CurrentActor() actor: Actor,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('reason') reason: string,
  ): Promise<ConflictDeclaration> {
    return this.ballots.declareConflict(actor, proposalId, reason);
  }

  @ResolveField(() => BallotProgressModel)
  progress(
    @Parent() ballot: Ballot,
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<BallotView> {
    return this.ballots.view(actor, ballot, context.loaders.ballots);
  }
}
