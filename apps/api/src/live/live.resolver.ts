import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Actor, BallotService, IdentityService, LiveTopics, LiveUpdates, ProposalService } from '@majlis/domain';
import { AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { readForSubscriber } from './subscriber-check';
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
  ) {}

  @Subscription(() => BallotModel, {
    description: 'A ballot after each vote, conflict declaration and close: turnout live, choices as the rules allow.',
    filter: (payload: LiveTopics['ballotUpdated'], variables: { ballotId: string }) =>
      payload.id === variables.ballotId,
    resolve(this: LiveResolver, payload: LiveTopics['ballotUpdated'], _args: unknown, context: GraphqlContext) {
      return readForSubscriber(this.identity, context, (actor) => this.ballots.ballot(actor, payload.id));
    },
  })
  @AnyRole()
  async ballotUpdated(
    @CurrentActor() actor: Actor,
    @Args('ballotId', { type: () => ID }) ballotId: string,
  ): Promise<AsyncIterableIterator<LiveTopics['ballotUpdated']>> {
    // Refuses an unknown ballot, or one of a proposal the subscriber may not see, before listening.
    await this.ballots.ballot(actor, ballotId);
    return this.live.iterator('ballotUpdated');
  }

  @Subscription(() => ProposalModel, {
    description: 'A proposal after each transition of its workflow.',
    filter: (payload: LiveTopics['proposalUpdated'], variables: { id: string }) => payload.id === variables.id,
    resolve(this: LiveResolver, payload: LiveTopics['proposalUpdated'], _args: unknown, context: GraphqlContext) {
      return readForSubscriber(this.identity, context, (actor) => this.proposals.proposal(actor, payload.id));
    },
  })
  @AnyRole()
  async proposalUpdated(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AsyncIterableIterator<LiveTopics['proposalUpdated']>> {
    await this.proposals.proposal(actor, id);
    return this.live.iterator('proposalUpdated');
  }
}
