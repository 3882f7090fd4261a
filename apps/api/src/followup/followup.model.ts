import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Locale as LocaleCode } from '@majlis/config';
import { ActionItemKind, AT_RISK_BEHIND_POINTS, type TrackStatus as TrackStatusValue } from '@majlis/domain';
import { ACTION_ITEM_STATES, type ActionItemState as ActionItemStateValue } from '@majlis/workflow';
import { ConnectionOf } from '../graphql/connection.model';
import { enumOf } from '../graphql/enum-of';
import { Locale, LocalizedTextInputModel } from '../graphql/localized-string.model';

export const ActionItemState = enumOf(
  ACTION_ITEM_STATES,
  'ActionItemState',
  "Where an action item stands in the action item's workflow.",
);
export const TrackStatus = enumOf<TrackStatusValue>(
  ['onTrack', 'atRisk', 'late'],
  'TrackStatus',
  `late: an open item is past its due date; atRisk: none is, but one is blocked or more than ${AT_RISK_BEHIND_POINTS} points behind schedule (its progress lags the share of its time already gone); onTrack: otherwise.`,
);
registerEnumType(ActionItemKind, { name: 'ActionItemKind', description: 'A milestone (groups tasks) or a task.' });

@ObjectType('ImplementationPlan', {
  description: 'How an approved proposal is carried out: created when the board approves it; owned by the secretariat.',
})
export class ImplementationPlanModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;
}

@ObjectType('ActionItem', { description: 'A milestone or task of an implementation plan; items form a tree.' })
export class ActionItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => Int, { description: 'Order among its siblings.' })
  position!: number;

  @Field(() => ActionItemKind)
  kind!: ActionItemKind;

  @Field({ description: 'YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  dueDate!: string;

  @Field(() => Int, { nullable: true, description: 'Its share in its parent’s progress; none counts as 1.' })
  weight!: number | null;

  @Field(() => Int, {
    description: 'Per cent: reported for a task, the weighted mean of the children for an item that has some.',
  })
  progress!: number;

  @Field(() => ActionItemState)
  state!: ActionItemStateValue;

  @Field(() => String, { nullable: true, description: 'Why it is blocked, while it is.' })
  blockedReason!: string | null;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const ActionItemConnection = ConnectionOf(ActionItemModel, 'ActionItem');

@ObjectType('ProgressReport', { description: 'One report of an action item’s progress.' })
export class ProgressReportModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  percent!: number;

  @Field(() => Int, { description: 'The progress before this report.' })
  previousPercent!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Locale, { description: 'The language the note was written in.' })
  language!: LocaleCode;

  @Field()
  reportedAt!: Date;

  reportedById!: string;
}

@ObjectType('StateCount')
export class StateCountModel {
  @Field(() => ActionItemState)
  state!: ActionItemStateValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType('FollowupSummary', { description: 'A set of action items at a glance.' })
export class FollowupSummaryModel {
  @Field(() => [StateCountModel])
  itemsByState!: StateCountModel[];

  @Field(() => Int)
  itemCount!: number;

  @Field(() => Int, { description: 'Open items past their due date.' })
  overdueCount!: number;

  @Field(() => Int, { description: 'Weighted progress of the top-level items, per cent (cancelled ones aside).' })
  progress!: number;

  @Field(() => TrackStatus)
  status!: TrackStatusValue;
}

@ObjectType('CityFollowup', { description: "A member city's share of the follow-up." })
export class CityFollowupModel {
  @Field(() => ID)
  memberCityId!: string;

  @Field(() => FollowupSummaryModel)
  summary!: FollowupSummaryModel;
}

@InputType('ActionItemFilter')
export class ActionItemFilterModel {
  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The owner city.' })
  memberCityId?: string | null;

  @Field(() => ActionItemState, { nullable: true })
  state?: ActionItemStateValue | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue items; false: none of them.' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Due before this date (YYYY-MM-DD).' })
  dueBefore?: string | null;
}

@InputType('CreateActionItemInput')
export class CreateActionItemInputModel {
  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { nullable: true, description: 'The milestone it belongs under; none: the top level.' })
  parentId?: string | null;

  @Field(() => ActionItemKind, { nullable: true, description: 'TASK when absent.' })
  kind?: ActionItemKind | null;

  @Field(() => LocalizedTextInputModel)
  title!: LocalizedTextInputModel;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  description?: LocalizedTextInputModel | null;

  @Field(() => ID)
  ownerCityId!: string;

  @Field(() => ID, { nullable: true, description: 'A person of the owner city (or of the secretariat).' })
  assigneeId?: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  startDate!: string;

  @Field({ description: 'YYYY-MM-DD, not before the start.' })
  dueDate!: string;

  @Field(() => Int, { nullable: true, description: '1–1000; none counts as 1.' })
  weight?: number | null;
}

@InputType('UpdateActionItemInput')
export class UpdateActionItemInputModel {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: 'Moves it under another item of the plan; null: to the top level.' })
  parentId?: string | null;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  title?: LocalizedTextInputModel | null;

  @Field(() => LocalizedTextInputModel, { nullable: true })
  description?: LocalizedTextInputModel | null;

  @Field(() => ID, { nullable: true })
  ownerCityId?: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true })
  startDate?: string | null;

  @Field(() => String, { nullable: true })
  dueDate?: string | null;

  @Field(() => Int, { nullable: true })
  weight?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Its place among its siblings (under the new parent when it moves), from 0; past the end: last. None: kept, or last under a new parent.',
  })
  position?: number | null;
}
