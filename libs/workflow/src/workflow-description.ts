import type { PolicyGrant } from './policy-grant';
import { workflowDefinition, workflowEventTypes, type WorkflowKind } from './workflow-definitions';
import { guardName } from './workflow-step';

export interface TransitionDescription {
  readonly event: string;
  readonly target: string;
  readonly guard?: string;
}

export interface StateDescription {
  readonly name: string;
  readonly final: boolean;
  readonly transitions: readonly TransitionDescription[];
}

export interface EventDescription {
  readonly name: string;
  /** Any one of these grants allows an actor to send the event. */
  readonly allowed: readonly PolicyGrant[];
}

/** A workflow as plain JSON-able data, for the API to serve and the web client to draw. */
export interface WorkflowDescription {
  readonly kind: WorkflowKind;
  readonly initial: string;
  readonly states: readonly StateDescription[];
  readonly events: readonly EventDescription[];
}

/** Reads the machine's own state nodes, so the description cannot drift from the machine. */
export function describeWorkflow(kind: WorkflowKind): WorkflowDescription {
  const { machine, policy } = workflowDefinition(kind);
  const [initial] = machine.root.initial.target;
  if (initial === undefined) throw new Error(`The ${kind} machine has no initial state.`);
  const states = Object.values(machine.root.states).map((node): StateDescription => ({
    name: node.key,
    final: node.type === 'final',
    transitions: [...node.transitions.values()].flat().flatMap((transition): TransitionDescription[] => {
      const guard = guardName(transition.guard);
      return (transition.target ?? []).map((target) => ({
        event: transition.eventType,
        target: target.key,
        ...(guard === undefined ? {} : { guard }),
      }));
    }),
  }));
  const events = workflowEventTypes(kind).map((name): EventDescription => ({ name, allowed: policy[name] }));
  return { kind, initial: initial.key, states, events };
}
