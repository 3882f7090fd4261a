import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, AgendaItem, AgendaService, Delegation, Meeting, Proposal, Role } from '@majlis/domain';
import { Allow } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString, localizedOrNull } from '../graphql/localized-string.model';
import { ProposalModel } from '../proposals/proposal.model';
import { AddAgendaItemInputModel, UpdateAgendaItemInputModel } from './agenda-item.inputs';
import { AgendaItemModel } from './agenda-item.model';
import { DelegationModel } from './delegation.model';
import { MeetingModel } from './meeting.model';

const LocaleArg = () => Args('locale', { type: () => Locale, nullable: true });

@Resolver(() => AgendaItemModel)
export class AgendaItemResolver {
  constructor(private readonly agenda: AgendaService) {}

  @Mutation(() => AgendaItemModel, { description: 'Adds an item to a meeting’s agenda (secretariat).' })
  @Allow(Role.SECRETARIAT)
  addAgendaItem(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => AddAgendaItemInputModel }) input: AddAgendaItemInputModel,
  ): Promise<AgendaItem> {
    return this.agenda.add(actor, input);
  }

  @Mutation(() => AgendaItemModel, { description: 'Changes an agenda item (secretariat).' })
  @Allow(Role.SECRETARIAT)
  updateAgendaItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateAgendaItemInputModel }) input: UpdateAgendaItemInputModel,
  ): Promise<AgendaItem> {
    return this.agenda.update(actor, id, input);
  }

  @Mutation(() => AgendaItemModel, {
    description: 'Moves an item and its sub-items under a new parent (null: the top level) at a 0-based position.',
  })
  @Allow(Role.SECRETARIAT)
  moveAgendaItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('parentId', { type: () => ID, nullable: true }) parentId: string | null,
    @Args('position', { type: () => Int }) position: number,
  ): Promise<AgendaItem> {
    return this.agenda.move(actor, id, parentId ?? null, position);
  }

  @Mutation(() => MeetingModel, { description: 'Removes an item and its sub-items; returns the meeting.' })
  @Allow(Role.SECRETARIAT)
  removeAgendaItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Meeting> {
    return this.agenda.remove(actor, id);
  }

  @ResolveField(() => String, { description: 'Its number in the agenda, e.g. 2.1.' })
  number(@Parent() item: AgendaItem, @Context() context: GraphqlContext): Promise<string> {
    return context.loaders.meetings.numberOf(item);
  }

  @ResolveField(() => LocalizedString)
  title(@Parent() item: AgendaItem, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(item.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  description(@Parent() item: AgendaItem, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(item.description, locale, context);
  }

  @ResolveField(() => [AgendaItemModel])
  children(@Parent() item: AgendaItem, @Context() context: GraphqlContext): Promise<AgendaItem[]> {
    return context.loaders.meetings.childrenOf(item);
  }

  @ResolveField(() => DelegationModel, { nullable: true, description: 'The presenting delegation.' })
  presenterDelegation(
    @Parent() item: AgendaItem,
    @Context() context: GraphqlContext,
  ): Promise<Delegation | null> | null {
    return item.presenterDelegationId === null ? null : context.loaders.meetings.delegation(item.presenterDelegationId);
  }

  @ResolveField(() => ProposalModel, {
    nullable: true,
    description: 'The proposal the item is about; null also when it is a draft you may not see.',
  })
  proposal(@Parent() item: AgendaItem, @Context() context: GraphqlContext): Promise<Proposal | null> | null {
    return item.proposalId === null ? null : context.loaders.proposals.proposal(item.proposalId);
  }
}
