import { grantsAllow, type PolicyActor, type PolicyTable } from './policy-grant';
import {
  isWorkflowEventType,
  workflowDefinition,
  type WorkflowEventType,
  type WorkflowInput,
  type WorkflowKind,
  type WorkflowState,
} from './workflow-definitions';
import { availableEvents } from './workflow-step';

export function workflowPolicy<K extends WorkflowKind>(kind: K): PolicyTable<WorkflowEventType<K>> {
  return workflowDefinition(kind).policy;
}

export function maySend<K extends WorkflowKind>(kind: K, event: WorkflowEventType<K>, actor: PolicyActor): boolean {
  return isWorkflowEventType(kind, event) && grantsAllow(workflowPolicy(kind)[event], actor);
}

/** The events the state accepts that this actor may send; input is judged as in availableEvents. */
export function eventsActorMaySend<K extends WorkflowKind>(
  kind: K,
  state: WorkflowState<K>,
  actor: PolicyActor,
  input?: WorkflowInput<K>,
): WorkflowEventType<K>[] {
  return availableEvents(kind, state, input).filter((event) => maySend(kind, event, actor));
}
