import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import {
  Actor,
  BallotService,
  FollowupService,
  IdentityService,
  ImplementationPlan,
  ProposalService,
} from '@majlis/domain';
import { LiveTopics, LiveUpdates } from '@majlis/live';
import { AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { endedForSubscriber, isSessionsEnded, SessionsEnded, untilSessionsEnd } from './sessions-ended';
import { readForSubscriber } from './subscriber-check';
import { ImplementationPlanModel } from '../followup/followup.model';
import { ProposalModel } from '../proposals/proposal.model';
import { BallotModel } from '../voting/ballot.model';

/**
 * Live changes over a WebSocket (graphql-ws at /graphql; pass `authorization: "Bearer …"` in the
 * connection parameters). Each event is re-read for its subscriber as they stand now, so each sees only what
 * they may; one signed out, deactivated or no longer allowed has the socket closed.
 */
@Resolver()
export class LiveResolver {
  constructor(
    private readonly live: LiveUpdates,
    private readonly ballots: BallotService,
    private readonly proposals: ProposalService,
    private readonly identity: IdentityService,
    private readonly followup: FollowupService,
  ) {}

  @Subscription(() => BallotModel, {
    description: 'A ballot after each vote, conflict declaration and close: turnout live, choices as the rules allow.',
    filter: (
      payload: LiveTopics['ballotUpdated'] | SessionsEnded,
      variables: { ballotId: string },
      context: GraphqlContext,
    ) => (isSessionsEnded(payload) ? endedForSubscriber(payload, context) : payload.id === variables.ballotId),
    resolve(
      this: LiveResolver,
      payload: LiveTopics['ballotUpdated'] | SessionsEnded,
      _args: unknown,
      context: GraphqlContext,
    ) {
      return readForSubscriber(this.identity, context, (actor) =>
        this.ballots.ballot(actor, isSessionsEnded(payload) ? '' : payload.id),
      );
    },
  })
  @AnyRole()
  async ballotUpdated(
    @CurrentActor() actor: Actor,
    @Args('ballotId', { type: () => ID }) ballotId: string,
  ): Promise<AsyncIterableIterator<LiveTopics['ballotUpdated'] | SessionsEnded>> {
    // Refuses an unknown ballot, or one of a proposal the subscriber may not see, before listening.
    await this.ballots.ballot(actor, ballotId);
    return untilSessionsEnd(this.live, this.live.iterator('ballotUpdated'));
  }

  @Subscription(() => ProposalModel, {
    description: 'A proposal after each transition of its workflow, each new revision and each review comment.',
    filter: (
      payload: LiveTopics['proposalUpdated'] | SessionsEnded,
      variables: { id: string },
      context: GraphqlContext,
    ) => (isSessionsEnded(payload) ? endedForSubscriber(payload, context) : payload.id === variables.id),
    resolve(
      this: LiveResolver,
      payload: LiveTopics['proposalUpdated'] | SessionsEnded,
      _args: unknown,
      context: GraphqlContext,
    ) {
      return readForSubscriber(this.identity, context, (actor) =>
        this.proposals.proposal(actor, isSessionsEnded(payload) ? '' : payload.id),
      );
    },
  })
  @AnyRole()
  async proposalUpdated(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AsyncIterableIterator<LiveTopics['proposalUpdated'] | SessionsEnded>> {
    await this.proposals.proposal(actor, id);
    return untilSessionsEnd(this.live, this.live.iterator('proposalUpdated'));
  }

  @Subscription(() => ImplementationPlanModel, {
    description:
      'An implementation plan after each change to its items, their states and progress reports: roll-up and city shares follow.',
    filter: (
      payload: LiveTopics['implementationPlanUpdated'] | SessionsEnded,
      variables: { id: string },
      context: GraphqlContext,
    ) => (isSessionsEnded(payload) ? endedForSubscriber(payload, context) : payload.id === variables.id),
    resolve(
      this: LiveResolver,
      payload: LiveTopics['implementationPlanUpdated'] | SessionsEnded,
      _args: unknown,
      context: GraphqlContext,
    ): Promise<ImplementationPlan> {
      return readForSubscriber(this.identity, context, (actor) =>
        this.followup.plan(actor, isSessionsEnded(payload) ? '' : payload.id),
      );
    },
  })
  @AnyRole()
  async implementationPlanUpdated(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AsyncIterableIterator<LiveTopics['implementationPlanUpdated'] | SessionsEnded>> {
    await this.followup.plan(actor, id);
    return untilSessionsEnd(this.live, this.live.iterator('implementationPlanUpdated'));
  }
}
