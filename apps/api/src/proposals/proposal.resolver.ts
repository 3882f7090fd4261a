import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import {
  Actor,
  Meeting,
  MemberCity,
  Person,
  Proposal,
  ProposalHistoryEntry,
  ProposalOrder,
  ProposalRevision,
  ProposalService,
  ProposalWorkingCopy,
  ReviewComment,
  RevisionDiff,
  Role,
  Ballot,
} from '@majlis/domain';
import { BallotModel } from '../voting/ballot.model';
import type { ProposalEventType } from '@majlis/workflow';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { Connection, toConnection } from '../graphql/connection.model';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString, localizedOrNull } from '../graphql/localized-string.model';
import { PersonModel } from '../identity/person.model';
import { MeetingModel } from '../meetings/meeting.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { ProposalEvent } from '../workflows/workflow.model';
import {
  CreateProposalInputModel,
  ProposalFilterModel,
  SaveProposalDraftInputModel,
  SaveProposalWorkingCopyInputModel,
} from './proposal.inputs';
import {
  ProposalConnection,
  ProposalHistoryEntryModel,
  ProposalModel,
  ProposalRevisionModel,
  ProposalWorkingCopyModel,
  ReviewCommentModel,
  RevisionDiffModel,
} from './proposal.model';

const LocaleArg = () => Args('locale', { type: () => Locale, nullable: true });

@Resolver(() => ProposalModel)
export class ProposalResolver {
  constructor(private readonly proposalService: ProposalService) {}

  @Query(() => ProposalConnection, {
    description: 'Proposals you may see, newest first unless orderBy says otherwise.',
  })
  @AnyRole()
  async proposals(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => ProposalFilterModel, nullable: true }) filter: ProposalFilterModel | null,
    @Args('first', { type: () => Int, nullable: true, description: '1 to 100; 20 when absent.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('orderBy', { type: () => ProposalOrder, nullable: true, description: 'CREATED_AT_DESC when absent.' })
    orderBy: ProposalOrder | null,
  ): Promise<Connection<Proposal>> {
    const order = orderBy ?? ProposalOrder.CREATED_AT_DESC;
    return toConnection(await this.proposalService.list(actor, filter ?? {}, { first, after }, order));
  }

  @Query(() => ProposalModel, { description: "A proposal; another city's draft is not found." })
  @AnyRole()
  proposal(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Proposal> {
    return this.proposalService.proposal(actor, id);
  }

  @Mutation(() => ProposalModel, {
    description: "Drafts a proposal of your city (delegates); with parentId it amends another city's proposal.",
  })
  @Allow(Role.DELEGATE)
  createProposal(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateProposalInputModel }) input: CreateProposalInputModel,
  ): Promise<Proposal> {
    return this.proposalService.create(actor, input);
  }

  @Mutation(() => ProposalModel, {
    description:
      "Saves the next revision of your city's draft (delegates): its working copy with the fields and languages given changed.",
  })
  @Allow(Role.DELEGATE)
  saveProposalDraft(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => SaveProposalDraftInputModel }) input: SaveProposalDraftInputModel,
  ): Promise<Proposal> {
    return this.proposalService.saveDraft(actor, id, input);
  }

  @Mutation(() => ProposalModel, {
    description:
      "Autosave (delegates): keeps the changes in your city's draft's working copy without making a revision; saveProposalDraft or SUBMIT makes it one.",
  })
  @Allow(Role.DELEGATE)
  saveProposalWorkingCopy(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => SaveProposalWorkingCopyInputModel }) input: SaveProposalWorkingCopyInputModel,
  ): Promise<Proposal> {
    return this.proposalService.saveWorkingCopy(actor, id, input);
  }

  @Mutation(() => ProposalModel, {
    description: "Adds a co-sponsoring city to your city's draft (delegates; at most 20, never the owning city).",
  })
  @Allow(Role.DELEGATE)
  addProposalCosponsor(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('memberCityId', { type: () => ID }) memberCityId: string,
  ): Promise<Proposal> {
    return this.proposalService.addCosponsor(actor, id, memberCityId);
  }

  @Mutation(() => ProposalModel, { description: "Removes a co-sponsoring city from your city's draft (delegates)." })
  @Allow(Role.DELEGATE)
  removeProposalCosponsor(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('memberCityId', { type: () => ID }) memberCityId: string,
  ): Promise<Proposal> {
    return this.proposalService.removeCosponsor(actor, id, memberCityId);
  }

  @ResolveField(() => [ProposalEvent], { description: 'The events you may send to it now.' })
  availableEvents(@Parent() proposal: Proposal, @CurrentActor() actor: Actor): ProposalEventType[] {
    return this.proposalService.availableEvents(actor, proposal);
  }

  @ResolveField(() => BallotModel, { nullable: true, description: 'Its latest ballot, if the board has voted on it.' })
  ballot(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<Ballot | null> {
    return context.loaders.ballots.latestOf(proposal.id);
  }

  @ResolveField(() => LocalizedString, { description: "The latest revision's title." })
  title(@Parent() proposal: Proposal, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(proposal.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true, description: "The latest revision's summary." })
  summary(@Parent() proposal: Proposal, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(proposal.summary, locale, context);
  }

  @ResolveField(() => MemberCityModel)
  ownerCity(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<MemberCity | null> {
    return context.loaders.partnership.memberCity(proposal.ownerCityId);
  }

  @ResolveField(() => [MemberCityModel])
  async cosponsors(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<MemberCity[]> {
    return context.loaders.partnership.memberCities(await context.loaders.proposals.cosponsorIdsOf(proposal));
  }

  @ResolveField(() => MeetingModel, { nullable: true, description: 'The meeting it is meant for.' })
  meeting(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<Meeting | null> | null {
    return proposal.meetingId === null ? null : context.loaders.meetings.meeting(proposal.meetingId);
  }

  @ResolveField(() => ProposalModel, { nullable: true, description: 'The proposal this one amends.' })
  parent(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<Proposal | null> | null {
    return proposal.parentId === null ? null : context.loaders.proposals.proposal(proposal.parentId);
  }

  @ResolveField(() => [ProposalModel], { description: 'Amendments you may see.' })
  amendments(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<Proposal[]> {
    return context.loaders.proposals.amendmentsOf(proposal);
  }

  @ResolveField(() => PersonModel)
  createdBy(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<Person | null> {
    return context.loaders.people.person(proposal.createdById, 'creator');
  }

  @ResolveField(() => [ProposalRevisionModel], { description: 'Every revision, oldest first.' })
  revisions(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<ProposalRevision[]> {
    return context.loaders.proposals.revisionsOf(proposal);
  }

  @ResolveField(() => RevisionDiffModel, { description: 'Word by word, what changed between two revision numbers.' })
  diff(
    @Parent() proposal: Proposal,
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<RevisionDiff> {
    return this.proposalService.diff(actor, proposal.id, from, to);
  }

  @ResolveField(() => ProposalWorkingCopyModel, {
    nullable: true,
    description:
      "The text autosave keeps, not yet a revision; null when there is none. Only the owning city's delegates read it.",
  })
  workingCopy(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<ProposalWorkingCopy | null> {
    return context.loaders.proposals.workingCopyOf(proposal);
  }

  @ResolveField(() => [ProposalHistoryEntryModel], {
    description: 'Its workflow steps, oldest first: who did what, when, with their comment.',
  })
  history(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<ProposalHistoryEntry[]> {
    return context.loaders.proposals.historyOf(proposal);
  }

  @ResolveField(() => [ReviewCommentModel], {
    description: 'The review threads, oldest first; only the secretariat and the owning city see them.',
  })
  reviewComments(@Parent() proposal: Proposal, @Context() context: GraphqlContext): Promise<ReviewComment[]> {
    return context.loaders.proposals.reviewCommentsOf(proposal);
  }
}

@Resolver(() => ProposalRevisionModel)
export class ProposalRevisionResolver {
  @ResolveField(() => LocalizedString)
  title(@Parent() revision: ProposalRevision, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(revision.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  summary(@Parent() revision: ProposalRevision, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(revision.summary, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  body(@Parent() revision: ProposalRevision, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(revision.body, locale, context);
  }

  @ResolveField(() => PersonModel)
  author(@Parent() revision: ProposalRevision, @Context() context: GraphqlContext): Promise<Person | null> {
    return context.loaders.people.person(revision.authorId, 'author');
  }
}

@Resolver(() => ProposalWorkingCopyModel)
export class ProposalWorkingCopyResolver {
  @ResolveField(() => LocalizedString)
  title(@Parent() copy: ProposalWorkingCopy, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(copy.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  summary(@Parent() copy: ProposalWorkingCopy, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(copy.summary, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  body(@Parent() copy: ProposalWorkingCopy, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(copy.body, locale, context);
  }

  @ResolveField(() => PersonModel, { description: 'Who saved it last.' })
  savedBy(@Parent() copy: ProposalWorkingCopy, @Context() context: GraphqlContext): Promise<Person | null> {
    return context.loaders.people.person(copy.savedById, 'author');
  }
}

@Resolver(() => ProposalHistoryEntryModel)
export class ProposalHistoryEntryResolver {
  @ResolveField(() => PersonModel, { nullable: true, description: 'Who took the step; null when the platform did.' })
  actor(@Parent() entry: ProposalHistoryEntry, @Context() context: GraphqlContext): Promise<Person | null> | null {
    return entry.actorId === null ? null : context.loaders.people.person(entry.actorId, 'actor');
  }
}
