import type { AnyStateMachine } from 'xstate';
import {
  ACTION_ITEM_STATES,
  actionItemContext,
  actionItemContextGuards,
  actionItemMachine,
  type ActionItemContext,
  type ActionItemEvent,
  type ActionItemInput,
  type ActionItemState,
} from './action-item.machine';
import { actionItemPolicy } from './action-item.policy';
import {
  BALLOT_STATES,
  ballotContext,
  ballotContextGuards,
  ballotMachine,
  type BallotContext,
  type BallotEvent,
  type BallotInput,
  type BallotState,
} from './ballot.machine';
import { ballotPolicy } from './ballot.policy';
import {
  MEETING_STATES,
  meetingContext,
  meetingContextGuards,
  meetingMachine,
  type MeetingContext,
  type MeetingEvent,
  type MeetingInput,
  type MeetingState,
} from './meeting.machine';
import { meetingPolicy } from './meeting.policy';
import type { PolicyTable } from './policy-grant';
import {
  PROPOSAL_STATES,
  proposalContext,
  proposalContextGuards,
  proposalMachine,
  type ProposalContext,
  type ProposalEvent,
  type ProposalInput,
  type ProposalState,
} from './proposal.machine';
import { proposalPolicy } from './proposal.policy';

export interface WorkflowTypes {
  proposal: { state: ProposalState; event: ProposalEvent; input: ProposalInput; context: ProposalContext };
  meeting: { state: MeetingState; event: MeetingEvent; input: MeetingInput; context: MeetingContext };
  ballot: { state: BallotState; event: BallotEvent; input: BallotInput; context: BallotContext };
  actionItem: { state: ActionItemState; event: ActionItemEvent; input: ActionItemInput; context: ActionItemContext };
}

export type WorkflowKind = keyof WorkflowTypes;
export type WorkflowState<K extends WorkflowKind> = WorkflowTypes[K]['state'];
export type WorkflowEvent<K extends WorkflowKind> = WorkflowTypes[K]['event'];
export type WorkflowEventType<K extends WorkflowKind> = WorkflowEvent<K>['type'];
export type WorkflowInput<K extends WorkflowKind> = WorkflowTypes[K]['input'];
export type WorkflowContext<K extends WorkflowKind> = WorkflowTypes[K]['context'];

export const WORKFLOW_KINDS: readonly WorkflowKind[] = ['proposal', 'meeting', 'ballot', 'actionItem'];

export interface WorkflowDefinition<K extends WorkflowKind> {
  readonly machine: AnyStateMachine;
  readonly states: readonly WorkflowState<K>[];
  readonly context: (input?: WorkflowInput<K>) => WorkflowContext<K>;
  /** Guards that read only the context; every other guard needs the event's payload. */
  readonly contextGuards: Readonly<Partial<Record<string, (context: WorkflowContext<K>) => boolean>>>;
  readonly policy: PolicyTable<WorkflowEventType<K>>;
}

const definitions: { readonly [K in WorkflowKind]: WorkflowDefinition<K> } = {
  proposal: {
    machine: proposalMachine,
    states: PROPOSAL_STATES,
    context: proposalContext,
    contextGuards: proposalContextGuards,
    policy: proposalPolicy,
  },
  meeting: {
    machine: meetingMachine,
    states: MEETING_STATES,
    context: meetingContext,
    contextGuards: meetingContextGuards,
    policy: meetingPolicy,
  },
  ballot: {
    machine: ballotMachine,
    states: BALLOT_STATES,
    context: ballotContext,
    contextGuards: ballotContextGuards,
    policy: ballotPolicy,
  },
  actionItem: {
    machine: actionItemMachine,
    states: ACTION_ITEM_STATES,
    context: actionItemContext,
    contextGuards: actionItemContextGuards,
    policy: actionItemPolicy,
  },
};

export function workflowDefinition<K extends WorkflowKind>(kind: K): WorkflowDefinition<K> {
  return definitions[kind];
}

export function isWorkflowState<K extends WorkflowKind>(kind: K, value: string): value is WorkflowState<K> {
  return definitions[kind].states.some((state) => state === value);
}

export function isWorkflowEventType<K extends WorkflowKind>(kind: K, value: string): value is WorkflowEventType<K> {
  return Object.hasOwn(definitions[kind].policy, value);
}

/** Every event type of the workflow, in the order of its policy table. */
export function workflowEventTypes<K extends WorkflowKind>(kind: K): WorkflowEventType<K>[] {
  return Object.keys(definitions[kind].policy).filter((value) => isWorkflowEventType(kind, value));
}
