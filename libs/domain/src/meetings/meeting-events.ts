import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventAudiences } from '../outbox';

/** Who is in a meeting, for the events told to everyone there (a ballot's result). */
@Injectable()
export class MeetingEvents implements OnModuleInit {
  constructor(private readonly audiences: EventAudiences) {}

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
  }
}
