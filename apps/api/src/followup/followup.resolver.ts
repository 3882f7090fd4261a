import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import {
  ActionItem,
  Actor,
  Ballot,
  FollowupService,
  FollowupSummary,
  ImplementationPlan,
  isOverdue,
  MemberCity,
  Person,
  ProgressReport,
  Proposal,
  Role,
  todayOf,
} from '@majlis/domain';
import type { ActionItemState as ActionItemStateValue, BallotResult as BallotResultValue } from '@majlis/workflow';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { Connection, toConnection } from '../graphql/connection.model';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import {
  Locale,
  localized,
  LocalizedString,
  localizedOrNull,
  LocalizedTextInputModel,
} from '../graphql/localized-string.model';
import { PersonModel } from '../identity/person.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { ProposalModel } from '../proposals/proposal.model';
import { BallotModel, BallotResult } from '../voting/ballot.model';
import {
  ActionItemConnection,
  ActionItemFilterModel,
  ActionItemModel,
  CityFollowupModel,
  CreateActionItemInputModel,
  FollowupSummaryModel,
  ImplementationPlanModel,
  ProgressReportModel,
  UpdateActionItemInputModel,
} from './followup.model';

const LocaleArg = () => Args('locale', { type: () => Locale, nullable: true });

const summaryModel = (summary: FollowupSummary): FollowupSummaryModel => ({
  ...summary,
  itemsByState: Object.entries(summary.itemsByState).map(([state, count]) => ({
    state: state as ActionItemStateValue,
    count,
  })),
});

const cityModels = (shares: Array<{ memberCityId: string } & FollowupSummary>): CityFollowupModel[] =>
  shares.map(({ memberCityId, ...summary }) => ({ memberCityId, summary: summaryModel(summary) }));

/** Implementation plans and action items: the follow-up of what the board approved. */
@Resolver(() => ImplementationPlanModel)
export class ImplementationPlanResolver {
  constructor(private readonly followup: FollowupService) {}

  @Query(() => [ImplementationPlanModel], { description: 'Implementation plans, newest first.' })
  @AnyRole()
  implementationPlans(
    @CurrentActor() actor: Actor,
    @Args('proposalId', { type: () => ID, nullable: true }) proposalId: string | null | undefined,
  ): Promise<ImplementationPlan[]> {
    return this.followup.plans(actor, { proposalId: proposalId ?? null });
  }

  @Query(() => ImplementationPlanModel)
  @AnyRole()
  implementationPlan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ImplementationPlan> {
    return this.followup.plan(actor, id);
  }

  @Query(() => [CityFollowupModel], {
    description: "Each member city's share of the follow-up: across all plans, or of one plan.",
  })
  @AnyRole()
  async followupByCity(
    @CurrentActor() actor: Actor,
    @Args('planId', { type: () => ID, nullable: true }) planId: string | null | undefined,
  ): Promise<CityFollowupModel[]> {
    return cityModels(await this.followup.citySummaries(actor, planId ?? null));
  }

  @Mutation(() => ImplementationPlanModel, {
    description: 'Sets or clears the programme a plan belongs to (secretariat).',
  })
  @Allow(Role.SECRETARIAT)
  setImplementationPlanProgramme(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('programme', { type: () => LocalizedTextInputModel, nullable: true })
    programme: LocalizedTextInputModel | null,
  ): Promise<ImplementationPlan> {
    return this.followup.setProgramme(actor, id, programme ?? null);
  }

  @ResolveField(() => LocalizedString, { description: "The proposal's title when it was approved." })
  title(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(plan.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  programme(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(plan.programme, locale, context);
  }

  @ResolveField(() => ProposalModel, { nullable: true, description: 'The approved proposal.' })
  proposal(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext): Promise<Proposal | null> {
    return context.loaders.proposals.proposal(plan.proposalId);
  }

  @ResolveField(() => BallotModel, { nullable: true, description: 'The ballot that approved it.' })
  ballot(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext): Promise<Ballot | null> | null {
    return plan.ballotId === null ? null : context.loaders.ballots.latestOf(plan.proposalId);
  }

  @ResolveField(() => BallotResult, { nullable: true, description: "The ballot's result." })
  result(@Parent() plan: ImplementationPlan): BallotResultValue | null {
    return plan.result;
  }

  @ResolveField(() => [ActionItemModel], { description: 'The top-level items, in order; each has its `children`.' })
  items(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext): Promise<ActionItem[]> {
    return context.loaders.followup.children(plan.id, null);
  }

  @ResolveField(() => [ActionItemModel], { description: 'Every item of the plan, parents before their children.' })
  allItems(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext): Promise<ActionItem[]> {
    return context.loaders.followup.items(plan.id);
  }

  @ResolveField(() => [CityFollowupModel], {
    description: "Each member city's share of this plan: its items, summarized (the same as followupByCity(planId)).",
  })
  async cityShares(
    @Parent() plan: ImplementationPlan,
    @Context() context: GraphqlContext,
  ): Promise<CityFollowupModel[]> {
    return cityModels(this.followup.cityShares(await context.loaders.followup.items(plan.id)));
  }

  @ResolveField(() => FollowupSummaryModel)
  async summary(@Parent() plan: ImplementationPlan, @Context() context: GraphqlContext): Promise<FollowupSummaryModel> {
    return summaryModel(this.followup.summarize(await context.loaders.followup.items(plan.id)));
  }
}

@Resolver(() => ActionItemModel)
export class ActionItemResolver {
  constructor(private readonly followup: FollowupService) {}

  @Query(() => ActionItemConnection, {
    description: 'Action items by plan, city, state, overdue, due date; soonest due first.',
  })
  @AnyRole()
  async actionItems(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => ActionItemFilterModel, nullable: true }) filter: ActionItemFilterModel | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<ActionItem>> {
    return toConnection(await this.followup.items(actor, filter ?? {}, { first, after }));
  }

  @Query(() => ActionItemModel)
  @AnyRole()
  actionItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ActionItem> {
    return this.followup.item(actor, id);
  }

  @Mutation(() => ActionItemModel, { description: 'Adds a milestone or task to a plan (secretariat).' })
  @Allow(Role.SECRETARIAT)
  createActionItem(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateActionItemInputModel }) input: CreateActionItemInputModel,
  ): Promise<ActionItem> {
    return this.followup.createItem(actor, input);
  }

  @Mutation(() => ActionItemModel, {
    description: "Changes an action item's details or place in the tree (secretariat).",
  })
  @Allow(Role.SECRETARIAT)
  updateActionItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateActionItemInputModel }) input: UpdateActionItemInputModel,
  ): Promise<ActionItem> {
    return this.followup.updateItem(actor, id, input);
  }

  @Mutation(() => ActionItemModel, {
    description:
      "Moves an action item through its workflow: START, BLOCK (with a reason in `comment`), UNBLOCK, COMPLETE — the secretariat or the owner city's delegates; VERIFY, CANCEL — the secretariat.",
  })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  transitionActionItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('event') event: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null | undefined,
  ): Promise<ActionItem> {
    return this.followup.transitionItem(actor, id, { event, expectedVersion, comment: comment ?? null });
  }

  @Mutation(() => ActionItemModel, {
    description: "Reports a task's progress, 0–100, with a note (the secretariat or the owner city's delegates).",
  })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  reportProgress(
    @CurrentActor() actor: Actor,
    @Args('actionItemId', { type: () => ID }) actionItemId: string,
    @Args('percent', { type: () => Int }) percent: number,
    @Args('note', { type: () => String, nullable: true }) note: string | null | undefined,
    @Args('language', {
      type: () => Locale,
      nullable: true,
      description: "The note's language; else read from its letters, else the writer's own.",
    })
    language: LocaleCode | null | undefined,
  ): Promise<ActionItem> {
    return this.followup.reportProgress(actor, actionItemId, percent, note ?? null, language);
  }

  @ResolveField(() => LocalizedString)
  title(@Parent() item: ActionItem, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(item.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  description(@Parent() item: ActionItem, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(item.description, locale, context);
  }

  @ResolveField(() => [ActionItemModel], { description: 'The items under it, in order.' })
  children(@Parent() item: ActionItem, @Context() context: GraphqlContext): Promise<ActionItem[]> {
    return context.loaders.followup.children(item.planId, item.id);
  }

  @ResolveField(() => MemberCityModel, { nullable: true })
  ownerCity(@Parent() item: ActionItem, @Context() context: GraphqlContext): Promise<MemberCity | null> {
    return context.loaders.partnership.memberCity(item.ownerCityId);
  }

  @ResolveField(() => PersonModel, { nullable: true })
  assignee(@Parent() item: ActionItem, @Context() context: GraphqlContext): Promise<Person | null> | null {
    return item.assigneeId === null ? null : context.loaders.people.person(item.assigneeId, 'assignee');
  }

  @ResolveField(() => Boolean, { description: 'Past its due date and not done, verified or cancelled (derived).' })
  overdue(@Parent() item: ActionItem): boolean {
    return isOverdue(item, todayOf(new Date()));
  }

  @ResolveField(() => [String], { description: 'The events the caller may send to it now.' })
  availableEvents(@Parent() item: ActionItem, @CurrentActor() actor: Actor): string[] {
    return this.followup.availableEvents(actor, item);
  }

  @ResolveField(() => [ProgressReportModel], { description: 'Its progress reports, newest first.' })
  progressReports(@Parent() item: ActionItem, @Context() context: GraphqlContext): Promise<ProgressReport[]> {
    return context.loaders.followup.reportsOf(item.id);
  }
}

@Resolver(() => ProgressReportModel)
export class ProgressReportResolver {
  @ResolveField(() => PersonModel, { nullable: true })
  reportedBy(@Parent() report: ProgressReport, @Context() context: GraphqlContext): Promise<Person | null> {
    return context.loaders.people.person(report.reportedById, 'reporter');
  }
}

@Resolver(() => ProposalModel)
export class ProposalFollowupResolver {
  @ResolveField(() => ImplementationPlanModel, {
    nullable: true,
    description: 'Its implementation plan, once the board has approved it.',
  })
  implementationPlan(
    @Parent() proposal: Proposal,
    @Context() context: GraphqlContext,
  ): Promise<ImplementationPlan | null> {
    return context.loaders.followup.planOf(proposal.id);
  }
}
