import { transition, type AnyStateNode, type AnyTransitionDefinition } from 'xstate';
import {
  isWorkflowEventType,
  workflowDefinition,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowEventType,
  type WorkflowInput,
  type WorkflowKind,
  type WorkflowState,
} from './workflow-definitions';

export type StepRefusal = 'notAllowedInState' | 'guardFailed';

export interface StepAccepted<K extends WorkflowKind> {
  readonly ok: true;
  readonly state: WorkflowState<K>;
  /** The context after the step, e.g. a closed ballot's frozen result. */
  readonly context: WorkflowContext<K>;
  readonly final: boolean;
}

export interface StepRefused<K extends WorkflowKind> {
  readonly ok: false;
  readonly reason: StepRefusal;
  /** The events the state would accept, judged against the same context as the refused event. */
  readonly allowedEvents: WorkflowEventType<K>[];
  /** The guard that refused the event, when reason is guardFailed. */
  readonly guard?: string;
}

export type StepResult<K extends WorkflowKind> = StepAccepted<K> | StepRefused<K>;

export class UnknownWorkflowStateError extends Error {
  readonly code = 'WORKFLOW_UNKNOWN_STATE';

  constructor(kind: WorkflowKind, state: string) {
    super(`The ${kind} workflow has no state "${state}".`);
    this.name = UnknownWorkflowStateError.name;
  }
}

// Without input the context guards see empty facts (no revision, no agenda item, no deadline) and refuse.
export function nextState<K extends WorkflowKind>(
  kind: K,
  from: WorkflowState<K>,
  event: WorkflowEvent<K>,
  input?: WorkflowInput<K>,
): StepResult<K> {
  const definition = workflowDefinition(kind);
  const node = stateNodeOf(kind, from);
  const context = definition.context(input);
  const candidates = node.transitions.get(event.type) ?? [];
  if (candidates.length === 0) {
    return { ok: false, reason: 'notAllowedInState', allowedEvents: eventsFrom(kind, node, context) };
  }
  const snapshot = definition.machine.resolveState({ value: from, context });
  if (definition.machine.getTransitionData(snapshot, event).length === 0) {
    const guard = candidates.map((candidate) => guardName(candidate.guard)).find((name) => name !== undefined);
    return {
      ok: false,
      reason: 'guardFailed',
      allowedEvents: eventsFrom(kind, node, context),
      ...(guard === undefined ? {} : { guard }),
    };
  }
  const [next] = transition(definition.machine, snapshot, event);
  const state = definition.states.find((candidate) => candidate === next.value);
  if (state === undefined) throw new UnknownWorkflowStateError(kind, String(next.value));
  return { ok: true, state, context: next.context, final: next.status === 'done' };
}

// A payload guard cannot be judged before the event exists, so only context guards (given input) filter.
export function availableEvents<K extends WorkflowKind>(
  kind: K,
  state: WorkflowState<K>,
  input?: WorkflowInput<K>,
): WorkflowEventType<K>[] {
  const node = stateNodeOf(kind, state);
  return eventsFrom(kind, node, input === undefined ? undefined : workflowDefinition(kind).context(input));
}

function eventsFrom<K extends WorkflowKind>(
  kind: K,
  node: AnyStateNode,
  context: WorkflowContext<K> | undefined,
): WorkflowEventType<K>[] {
  const events: WorkflowEventType<K>[] = [];
  for (const [eventType, transitions] of node.transitions) {
    if (!isWorkflowEventType(kind, eventType)) continue;
    if (context === undefined || transitions.some((candidate) => contextAllows(kind, candidate, context))) {
      events.push(eventType);
    }
  }
  return events;
}

function contextAllows<K extends WorkflowKind>(
  kind: K,
  candidate: AnyTransitionDefinition,
  context: WorkflowContext<K>,
): boolean {
  const name = guardName(candidate.guard);
  if (name === undefined) return true;
  const contextGuard = workflowDefinition(kind).contextGuards[name];
  return contextGuard === undefined || contextGuard(context);
}

export function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard && typeof guard.type === 'string') {
    return guard.type;
  }
  if (typeof guard === 'function') return guard.name === '' ? 'inline' : guard.name;
  return undefined;
}

function stateNodeOf(kind: WorkflowKind, state: string): AnyStateNode {
  const nodes = workflowDefinition(kind).machine.root.states;
  if (!Object.hasOwn(nodes, state)) throw new UnknownWorkflowStateError(kind, state);
  return nodes[state];
}
