import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeetingKind, MeetingOrder } from '@majlis/domain';
import { MEETING_STATES, type MeetingState as MeetingStateValue } from '@majlis/workflow';
import { ConnectionOf } from '../graphql/connection.model';
import { enumOf } from '../graphql/enum-of';

registerEnumType(MeetingKind, { name: 'MeetingKind', description: 'Annual meeting, board meeting or extraordinary.' });
registerEnumType(MeetingOrder, {
  name: 'MeetingOrder',
  description: 'STARTS_AT_DESC: latest start first; STARTS_AT_ASC: soonest first (upcoming meetings).',
});
export const MeetingState = enumOf(MEETING_STATES, 'MeetingState', "Where a meeting stands in the meeting's workflow.");

@ObjectType('Meeting', { description: 'A meeting of the partnership, with its delegations and agenda.' })
export class MeetingModel {
  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field({ description: 'When it starts (UTC).' })
  startsAt!: Date;

  @Field({ description: 'When it ends (UTC).' })
  endsAt!: Date;

  @Field({ description: 'IANA time zone the meeting is held in, e.g. America/Chicago.' })
  timeZone!: string;

  @Field(() => MeetingState)
  state!: MeetingStateValue;

  @Field(() => Int, { description: 'Raised by every change.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const MeetingConnection = ConnectionOf(MeetingModel, 'Meeting');
