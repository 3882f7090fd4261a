import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { MeetingKind } from '@majlis/domain';
import type { MeetingState as MeetingStateValue } from '@majlis/workflow';
import { LocalizedTextInputModel } from '../graphql/localized-string.model';
import { MeetingState } from './meeting.model';

@InputType('CreateMeetingInput')
export class CreateMeetingInputModel {
  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => LocalizedTextInputModel)
  title!: LocalizedTextInputModel;

  @Field(() => ID)
  hostCityId!: string;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  venue?: LocalizedTextInputModel | null;

  @Field({ description: 'ISO 8601 with an offset, e.g. 2026-10-12T09:00:00-05:00.' })
  startsAt!: Date;

  @Field({ description: 'Must come after startsAt.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: "IANA time zone; the host city's when absent." })
  timeZone?: string | null;
}

@InputType('UpdateMeetingInput', { description: 'Only the fields given change.' })
export class UpdateMeetingInputModel extends PartialType(CreateMeetingInputModel) {}

@InputType('MeetingFilter')
export class MeetingFilterModel {
  @Field(() => MeetingKind, { nullable: true })
  kind?: MeetingKind | null;

  @Field(() => MeetingState, { nullable: true })
  state?: MeetingStateValue | null;

  @Field(() => ID, { nullable: true })
  hostCityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Meetings that start at or after this time.' })
  startsAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Meetings that start before this time.' })
  startsBefore?: Date | null;
}
