import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@majlis/domain';
import { WORKFLOW_KINDS, workflowEventTypes, type WorkflowKind as WorkflowKindValue } from '@majlis/workflow';
import { enumOf } from '../graphql/enum-of';

export const WorkflowKind = enumOf<WorkflowKindValue>(WORKFLOW_KINDS, 'WorkflowKind', 'A workflow majlis runs.');
export const ProposalEvent = enumOf(
  workflowEventTypes('proposal'),
  'ProposalEvent',
  "An event of the proposal's workflow.",
);
export const MeetingEvent = enumOf(
  workflowEventTypes('meeting'),
  'MeetingEvent',
  "An event of the meeting's workflow.",
);

@ObjectType('WorkflowTransitionRule', {
  description: 'From a state, an event leads to a target, maybe behind a guard.',
})
export class WorkflowTransitionRuleModel {
  @Field()
  event!: string;

  @Field()
  target!: string;

  @Field(() => String, { nullable: true, description: 'The name of the condition that must hold.' })
  guard?: string;
}

@ObjectType('WorkflowStateDescription')
export class WorkflowStateModel {
  @Field()
  name!: string;

  @Field()
  final!: boolean;

  @Field(() => [WorkflowTransitionRuleModel])
  transitions!: WorkflowTransitionRuleModel[];
}

@ObjectType('PolicyGrant', { description: 'Who may send an event: the platform itself, or a role with relations.' })
export class PolicyGrantModel {
  @Field({ description: 'The platform itself (a deadline, a ballot result), never a person.' })
  system!: boolean;

  @Field(() => Role, { nullable: true })
  role!: Role | null;

  @Field({ description: "The actor's city must own the entity." })
  ownsEntity!: boolean;

  @Field({ description: 'The actor must head their delegation.' })
  isHeadOfDelegation!: boolean;
}

@ObjectType('WorkflowEventDescription')
export class WorkflowEventModel {
  @Field()
  name!: string;

  @Field(() => [PolicyGrantModel])
  allowed!: PolicyGrantModel[];
}

@ObjectType('Workflow', { description: 'A state machine as data, for drawing it.' })
export class WorkflowModel {
  @Field(() => WorkflowKind)
  kind!: WorkflowKindValue;

  @Field()
  initial!: string;

  @Field(() => [WorkflowStateModel])
  states!: WorkflowStateModel[];

  @Field(() => [WorkflowEventModel])
  events!: WorkflowEventModel[];
}

@ObjectType('AuditEntry', { description: 'One accepted step, in the hash-chained, append-only audit log.' })
export class AuditEntryModel {
  @Field({ description: 'Its place in the chain: 1, 2, 3…' })
  seq!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field()
  action!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field({ description: 'What the step recorded (states, event, version, comment), as JSON.' })
  details!: string;

  @Field()
  recordedAt!: Date;

  @Field()
  previousHash!: string;

  @Field()
  hash!: string;
}
