import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Actor,
  Ballot,
  BallotService,
  BallotView,
  ConflictDeclaration,
  Person,
  Proposal,
  Role,
  VoteAnswer,
} from '@majlis/domain';
import { notFound } from '@majlis/language';
import type { VoteChoice as VoteChoiceValue } from '@majlis/workflow';
import { Allow, AnyRole, SignedIn } from '../graphql/allow.decorator';
import { Connection, toConnection } from '../graphql/connection.model';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { PersonModel } from '../identity/person.model';
import { ProposalModel } from '../proposals/proposal.model';
import {
  BallotConnection,
  BallotFilterModel,
  BallotModel,
  BallotVoteModel,
  BallotProgressModel,
  BallotRulesInputModel,
  ConflictDeclarationModel,
  VoteChoice,
  VoteReceiptModel,
} from './ballot.model';

@Resolver(() => BallotModel)
export class BallotResolver {
  constructor(private readonly service: BallotService) {}

  @Query(() => BallotModel)
  @AnyRole()
  ballot(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Ballot> {
    return this.service.ballot(actor, id);
  }

  @Query(() => BallotConnection, {
    description: 'The ballots you may see, open ones first, then newest first; first 1 to 100 (20 by default).',
  })
  @AnyRole()
  async ballots(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => BallotFilterModel, nullable: true }) filter: BallotFilterModel | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<Ballot>> {
    return toConnection(await this.service.list(actor, filter ?? {}, { first, after }));
  }

  @Mutation(() => ProposalModel, {
    description:
      "Puts a proposal ready for the board onto a meeting's agenda as a decision item, or onto the item already linked to it there (secretariat).",
  })
  @Allow(Role.SECRETARIAT)
  scheduleProposal(
    @CurrentActor() actor: Actor,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<Proposal> {
    return this.service.schedule(actor, proposalId, meetingId);
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
    return this.service.open(actor, proposalId, rules, closesAt ?? null);
  }

  @Mutation(() => VoteReceiptModel, {
    description: 'Casts or changes your vote until the ballot closes; retrying with the same key is safe.',
  })
  // The service admits board members and the voters the ballot snapshotted (whose seat may have ended since).
  @SignedIn()
  castVote(
    @CurrentActor() actor: Actor,
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('choice', { type: () => VoteChoice }) choice: VoteChoiceValue,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<VoteAnswer> {
    return this.service.castVote(actor, ballotId, choice, idempotencyKey);
  }

  @Mutation(() => BallotModel, { description: 'Closes a ballot, freezing its tally and result (secretariat).' })
  @Allow(Role.SECRETARIAT)
  closeBallot(@CurrentActor() actor: Actor, @Args('ballotId', { type: () => ID }) ballotId: string): Promise<Ballot> {
    return this.service.close(actor, ballotId);
  }

  @Mutation(() => BallotModel, {
    description:
      'Cancels a pending or open ballot, its votes uncounted; its proposal is deferred, to be scheduled again (secretariat).',
  })
  @Allow(Role.SECRETARIAT)
  cancelBallot(
    @CurrentActor() actor: Actor,
    @Args('ballotId', { type: () => ID }) ballotId: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Why, for the record and the proposal.' })
    reason: string | null,
  ): Promise<Ballot> {
    return this.service.cancel(actor, ballotId, reason);
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
    return this.service.declareConflict(actor, proposalId, reason);
  }

  @ResolveField(() => BallotProgressModel)
  progress(
    @Parent() ballot: Ballot,
    @CurrentActor() actor: Actor,
    @Context() context: GraphqlContext,
  ): Promise<BallotView> {
    return this.service.view(actor, ballot, context.loaders.ballots);
  }

  @ResolveField(() => ProposalModel, { description: 'The proposal voted on.' })
  async proposal(@Parent() ballot: Ballot, @Context() context: GraphqlContext): Promise<Proposal> {
    const proposal = await context.loaders.proposals.proposal(ballot.proposalId);
    // A ballot is seen only with its proposal, so this is absent only if it was deleted meanwhile.
    if (proposal === null) throw notFound('proposal', ballot.proposalId, 'proposalId');
    return proposal;
  }

  @ResolveField(() => PersonModel, {
    nullable: true,
    description: 'Who holds the casting vote when rules.tieBreak is CHAIR (and the chair may vote); else null.',
  })
  async chair(@Parent() ballot: Ballot, @Context() context: GraphqlContext): Promise<Person | null> {
    const chairId = await this.service.chairOf(ballot, context.loaders.ballots);
    return chairId === null ? null : context.loaders.people.person(chairId, 'chair');
  }
}

@Resolver(() => BallotVoteModel)
export class BallotVoteResolver {
  @ResolveField(() => PersonModel, { description: 'Shown only where the named votes already are.' })
  async voter(@Parent() vote: BallotVoteModel, @Context() context: GraphqlContext): Promise<Person> {
    const person = await context.loaders.people.person(vote.voterId, 'voter');
    if (person === null) throw notFound('person', vote.voterId, 'voterId');
    return person;
  }
}
