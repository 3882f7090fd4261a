import { Injectable, OnModuleInit } from '@nestjs/common';
import { transactionOf, type Transaction } from '@majlis/persistence';
import { MEETING_STATES } from '@majlis/workflow';
import { EventAudiences, EventSubject, EventSubjects, transitionTopic } from '../outbox';
import { AgendaRepository } from './agenda.repository';
import { meetingCalendarFiles } from './meeting-calendar-file';
import { MeetingRepository } from './meeting.repository';

/** Who is in a meeting (for the events told to everyone there), and what a meeting's own events are about. */
@Injectable()
export class MeetingEvents implements OnModuleInit {
  constructor(
    private readonly audiences: EventAudiences,
    private readonly subjects: EventSubjects,
    private readonly meetings: MeetingRepository,
    private readonly agenda: AgendaRepository,
  ) {}

  onModuleInit(): void {
    this.audiences.define('meetingParticipants', {
      people: `SELECT id FROM person WHERE roles && ARRAY['SECRETARIAT', 'BOARD_MEMBER']::role[]
        UNION SELECT id FROM person WHERE roles @> ARRAY['DELEGATE']::role[] AND member_city_id = {city}
        UNION SELECT member.person_id FROM delegation_member member
          JOIN delegation ON delegation.id = member.delegation_id
         WHERE delegation.meeting_id = {meeting} AND member.person_id IS NOT NULL`,
      // Every city with a delegation at the meeting hears of it on its webhooks too.
      cities: `SELECT DISTINCT member_city_id FROM delegation WHERE meeting_id = {meeting}`,
    });
    this.audiences.define('meetingDelegations', {
      people: `SELECT member.person_id FROM delegation_member member
          JOIN delegation ON delegation.id = member.delegation_id
         WHERE delegation.meeting_id = {meeting} AND member.person_id IS NOT NULL
        UNION SELECT person.id FROM person
          JOIN delegation ON delegation.member_city_id = person.member_city_id
         WHERE delegation.meeting_id = {meeting} AND person.roles @> ARRAY['DELEGATE']::role[]`,
      cities: `SELECT DISTINCT member_city_id FROM delegation WHERE meeting_id = {meeting}`,
    });
    this.subjects.register(
      MEETING_STATES.map((state) => transitionTopic('meeting', state)),
      (manager, { entityId, to }) => this.subject(transactionOf(manager), entityId, to === 'agendaPublished'),
    );
  }

  /**
   * An event of a meeting concerns the meeting and its host city; once its agenda is published, its
   * e-mails carry the meeting's calendar file in the reader's language. Null when the meeting is gone.
   */
  private async subject(tx: Transaction, meetingId: string, withCalendar: boolean): Promise<EventSubject | null> {
    const meeting = await this.meetings.findById(meetingId, tx);
    if (meeting === null) return null;
    const attachment = withCalendar
      ? {
          filename: 'meeting.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          content: meetingCalendarFiles(
            meeting,
            await this.meetings.requireHost(meeting.hostCityId, 'hostCityId', tx),
            await this.agenda.itemsOf([meeting.id], tx),
            ['ar', 'en'],
          ),
        }
      : null;
    return {
      entityType: 'meeting',
      entityId: meeting.id,
      proposal: null,
      ownerCityId: meeting.hostCityId,
      meeting,
      ballot: null,
      actionItem: null,
      plan: null,
      attachment,
    };
  }
}
