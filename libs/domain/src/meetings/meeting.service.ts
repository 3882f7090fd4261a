import { Injectable } from '@nestjs/common';
import {
  badInput,
  checkedTimeZone,
  DomainError,
  forbidden,
  LocalizedTextInput,
  message,
  optionalText,
  requiredText,
} from '@majlis/language';
import type { Locale } from '@majlis/config';
import { eventsActorMaySend, maySend, nextState, type MeetingEventType } from '@majlis/workflow';
import { Page, PageRequest, pageSize, requireUuid, toPage, UnitOfWork } from '@majlis/persistence';
import { Actor, ALL_ROLES, requireRole, Role } from '../identity';
import {
  checkVersion,
  eventTypeOf,
  invalidTransition,
  movedVersion,
  policyActor,
  transitionComment,
  TransitionRecorder,
} from '../transitions';
import { AgendaItem } from './agenda-item.entity';
import { AgendaRepository } from './agenda.repository';
import { DelegationRepository } from './delegation.repository';
import { calendarFile } from './meeting-calendar';
import { meetingCalendarEvent, meetingCalendarFile } from './meeting-calendar-file';
import { Meeting, MeetingKind } from './meeting.entity';
import { MeetingLoaders } from './meeting.loaders';
import { MeetingFilter, MeetingOrder, MeetingRepository } from './meeting.repository';

export interface CreateMeetingInput {
  kind: MeetingKind;
  title: LocalizedTextInput;
  hostCityId: string;
  venue?: LocalizedTextInput | null;
  startsAt: Date;
  endsAt: Date;
  /** Defaults to the host city's time zone. */
  timeZone?: string | null;
}

export type UpdateMeetingInput = Partial<CreateMeetingInput>;

const MANAGERS = [Role.SECRETARIAT];

/** The most meetings a calendar feed carries. */
const MAX_FEED_MEETINGS = 500;

function checkedDate(field: string, value: Date): Date {
  // Far-off years are typing mistakes, and calendar files cannot hold years past 9999.
  if (
    !(value instanceof Date) ||
    Number.isNaN(value.getTime()) ||
    value.getUTCFullYear() < 1900 ||
    value.getUTCFullYear() > 2999
  )
    throw badInput(field, 'invalidDate');
  return value;
}

@Injectable()
export class MeetingService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly agenda: AgendaRepository,
    private readonly delegations: DelegationRepository,
    private readonly recorder: TransitionRecorder,
  ) {}

  /** Batched reads for one request. */
  loaders(): MeetingLoaders {
    return new MeetingLoaders(this.meetings, this.delegations, this.agenda);
  }

  async list(
    actor: Actor,
    filter: MeetingFilter,
    request: PageRequest,
    order: MeetingOrder = MeetingOrder.STARTS_AT_DESC,
  ): Promise<Page<Meeting>> {
    requireRole(actor, ALL_ROLES, 'meetings');
    if (filter.hostCityId) requireUuid(filter.hostCityId, 'memberCity', 'hostCityId');
    if (filter.startsAfter) checkedDate('startsAfter', filter.startsAfter);
    if (filter.startsBefore) checkedDate('startsBefore', filter.startsBefore);
    const { size, take, after } = pageSize(request);
    if (after !== null && Number.isNaN(Date.parse(after.key))) throw badInput('after', 'badCursor');
    const [rows, total] = await this.meetings.list(filter, order, take, after);
    return toPage(rows, size, total, (meeting) => meeting.startsAt.toISOString());
  }

  async meeting(actor: Actor, id: string): Promise<Meeting> {
    requireRole(actor, ALL_ROLES, 'meeting');
    return this.meetings.require(id);
  }

  async create(actor: Actor, input: CreateMeetingInput): Promise<Meeting> {
    requireRole(actor, MANAGERS, 'createMeeting');
    const title = requiredText('title', input.title, 'title', actor.locale);
    const venue = optionalText('venue', input.venue, 'venue', actor.locale);
    const startsAt = checkedDate('startsAt', input.startsAt);
    const endsAt = checkedDate('endsAt', input.endsAt);
    if (endsAt <= startsAt) throw badInput('endsAt', 'endBeforeStart');
    const explicitZone = input.timeZone ? checkedTimeZone('timeZone', input.timeZone) : null;
    return this.unitOfWork.run(async (tx) => {
      const host = await this.meetings.requireHost(input.hostCityId, 'hostCityId', tx);
      return this.meetings.insert(tx, {
        kind: input.kind,
        title,
        venue,
        hostCityId: host.id,
        startsAt,
        endsAt,
        timeZone: explicitZone ?? host.timeZone,
        createdById: actor.personId,
      });
    });
  }

  async update(actor: Actor, id: string, input: UpdateMeetingInput): Promise<Meeting> {
    requireRole(actor, MANAGERS, 'updateMeeting');
    return this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.require(id, 'id', tx, 'pessimistic_write');
      if (input.kind) meeting.kind = input.kind;
      if (input.title !== undefined) meeting.title = requiredText('title', input.title, 'title', actor.locale);
      if (input.venue !== undefined) meeting.venue = optionalText('venue', input.venue, 'venue', actor.locale);
      if (input.startsAt) meeting.startsAt = checkedDate('startsAt', input.startsAt);
      if (input.endsAt) meeting.endsAt = checkedDate('endsAt', input.endsAt);
      if (meeting.endsAt <= meeting.startsAt) throw badInput('endsAt', 'endBeforeStart');
      if (input.timeZone) meeting.timeZone = checkedTimeZone('timeZone', input.timeZone);
      if (input.hostCityId)
        meeting.hostCityId = (await this.meetings.requireHost(input.hostCityId, 'hostCityId', tx)).id;
      meeting.version += 1;
      return this.meetings.save(tx, meeting);
    });
  }

  /** Moves a meeting through its workflow (the secretariat); publishing needs an agenda item. */
  async transition(
    actor: Actor,
    id: string,
    request: { event: string; expectedVersion: number; comment?: string | null },
  ): Promise<Meeting> {
    const meeting = await this.meetings.require(id);
    const type = eventTypeOf('meeting', request.event);
    if (!maySend('meeting', type, policyActor(actor, false)))
      throw forbidden('transitionMeeting', { kind: 'meeting', type });
    const comment = transitionComment(request.comment);
    const agendaItemCount = await this.agenda.countOf(meeting.id);
    const step = nextState('meeting', meeting.state, { type }, { agendaItemCount });
    if (!step.ok) {
      if (step.guard === 'hasAgendaItems') throw new DomainError('INVALID_TRANSITION', 'emptyAgenda');
      throw invalidTransition('meeting', meeting.state, type, step.allowedEvents);
    }
    checkVersion(meeting.version, request.expectedVersion);
    return this.unitOfWork.run(async (tx) => {
      const version = movedVersion(
        await this.meetings.moveState(tx, meeting.id, {
          from: meeting.state,
          to: step.state,
          version: request.expectedVersion,
        }),
      );
      await this.recorder.record(tx, {
        kind: 'meeting',
        id: meeting.id,
        from: meeting.state,
        to: step.state,
        event: type,
        actorId: actor.personId,
        version,
        comment,
      });
      return this.meetings.require(meeting.id, 'id', tx);
    });
  }

  /** The events this actor may send to the meeting now (publishing also needs an agenda item). */
  availableEvents(actor: Actor, meeting: Meeting): MeetingEventType[] {
    return eventsActorMaySend('meeting', meeting.state, policyActor(actor, false));
  }

  /** The meeting as an iCalendar file in the reader's language (see meetingCalendarFile). */
  async calendar(actor: Actor, id: string, locale: Locale): Promise<string> {
    const meeting = await this.meeting(actor, id);
    const [host, items] = await Promise.all([
      this.meetings.requireHost(meeting.hostCityId, 'hostCityId'),
      this.agenda.itemsOf([meeting.id]),
    ]);
    return meetingCalendarFile(meeting, host, items, locale);
  }

  /**
   * Every meeting from a year ago on, as one iCalendar file in `locale`, for a person's calendar feed
   * (every role reads every meeting; cancelled ones stay, marked cancelled, so calendars drop them).
   */
  async feedCalendar(locale: Locale, now = new Date()): Promise<string> {
    const since = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
    // Past the cap, the furthest back drop out first: the coming meetings are what a calendar is for.
    const meetings = await this.meetings.endingSince(since, MAX_FEED_MEETINGS);
    if (meetings.length === 0) return calendarFile([], message(locale, 'calendar:feed.name'));
    const [hosts, items] = await Promise.all([
      this.meetings.hostsOf(meetings),
      this.agenda.itemsOf(meetings.map((meeting) => meeting.id)),
    ]);
    const hostOf = new Map(hosts.map((city) => [city.id, city]));
    const itemsOf = new Map<string, AgendaItem[]>();
    for (const item of items) itemsOf.set(item.meetingId, [...(itemsOf.get(item.meetingId) ?? []), item]);
    const events = meetings.reverse().flatMap((meeting) => {
      const host = hostOf.get(meeting.hostCityId);
      return host === undefined ? [] : [meetingCalendarEvent(meeting, host, itemsOf.get(meeting.id) ?? [], locale)];
    });
    return calendarFile(events, message(locale, 'calendar:feed.name'));
  }
}
