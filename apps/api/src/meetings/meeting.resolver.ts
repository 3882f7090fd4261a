import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { Actor, AgendaItem, Delegation, Meeting, MeetingOrder, MeetingService, MemberCity, Role } from '@majlis/domain';
import { Page } from '@majlis/persistence';
import type { MeetingEventType } from '@majlis/workflow';
import { MeetingEvent } from '../workflows/workflow.model';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { Connection, toConnection } from '../graphql/connection.model';
import { CurrentActor } from '../graphql/current-actor.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { Locale, localized, LocalizedString, localizedOrNull } from '../graphql/localized-string.model';
import { MemberCityModel } from '../partnership/member-city.model';
import { AgendaItemModel } from './agenda-item.model';
import { DelegationModel } from './delegation.model';
import { CreateMeetingInputModel, MeetingFilterModel, UpdateMeetingInputModel } from './meeting.inputs';
import { MeetingConnection, MeetingModel } from './meeting.model';

const LocaleArg = () => Args('locale', { type: () => Locale, nullable: true });

@Resolver(() => MeetingModel)
export class MeetingResolver {
  constructor(private readonly meetingService: MeetingService) {}

  @Query(() => MeetingConnection, { description: 'Meetings, latest first unless orderBy says otherwise.' })
  @AnyRole()
  async meetings(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => MeetingFilterModel, nullable: true }) filter: MeetingFilterModel | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('orderBy', { type: () => MeetingOrder, nullable: true, description: 'STARTS_AT_DESC when absent.' })
    orderBy: MeetingOrder | null,
  ): Promise<Connection<Meeting>> {
    const order = orderBy ?? MeetingOrder.STARTS_AT_DESC;
    const page: Page<Meeting> = await this.meetingService.list(actor, filter ?? {}, { first, after }, order);
    return toConnection(page);
  }

  @Query(() => MeetingModel)
  @AnyRole()
  meeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Meeting> {
    return this.meetingService.meeting(actor, id);
  }

  @Mutation(() => MeetingModel, { description: 'Plans a meeting (secretariat).' })
  @Allow(Role.SECRETARIAT)
  createMeeting(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateMeetingInputModel }) input: CreateMeetingInputModel,
  ): Promise<Meeting> {
    return this.meetingService.create(actor, input);
  }

  @Mutation(() => MeetingModel, { description: "Changes a meeting's details (secretariat)." })
  @Allow(Role.SECRETARIAT)
  updateMeeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateMeetingInputModel }) input: UpdateMeetingInputModel,
  ): Promise<Meeting> {
    return this.meetingService.update(actor, id, input);
  }

  @ResolveField(() => [MeetingEvent], { description: 'The events you may send to it now.' })
  availableEvents(@Parent() meeting: Meeting, @CurrentActor() actor: Actor): MeetingEventType[] {
    return this.meetingService.availableEvents(actor, meeting);
  }

  @ResolveField(() => LocalizedString)
  title(@Parent() meeting: Meeting, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localized(meeting.title, locale, context);
  }

  @ResolveField(() => LocalizedString, { nullable: true })
  venue(@Parent() meeting: Meeting, @Context() context: GraphqlContext, @LocaleArg() locale?: LocaleCode) {
    return localizedOrNull(meeting.venue, locale, context);
  }

  @ResolveField(() => MemberCityModel)
  hostCity(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<MemberCity | null> {
    return context.loaders.partnership.memberCity(meeting.hostCityId);
  }

  @ResolveField(() => [DelegationModel])
  delegations(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<Delegation[]> {
    return context.loaders.meetings.delegationsOf(meeting.id);
  }

  @ResolveField(() => [AgendaItemModel], { description: 'The top level of the agenda; each item holds its children.' })
  async agenda(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<AgendaItem[]> {
    return (await context.loaders.meetings.agendaOf(meeting.id)).roots;
  }

  @ResolveField(() => [AgendaItemModel], { description: 'Every agenda item in reading order (1, 1.1, 1.2, 2…).' })
  async agendaItems(@Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<AgendaItem[]> {
    return (await context.loaders.meetings.agendaOf(meeting.id)).ordered;
  }

  @ResolveField(() => String, { description: 'The meeting as an iCalendar file; add ?lang=ar or ?lang=en.' })
  calendarUrl(@Parent() meeting: Meeting): string {
    return `/meetings/${meeting.id}/calendar.ics`;
  }
}
