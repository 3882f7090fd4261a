import type { WorkflowEvent, WorkflowEventType, WorkflowInput, WorkflowKind } from './workflow-definitions';

export type EventExamples<K extends WorkflowKind> = {
  readonly [E in WorkflowEventType<K>]: Extract<WorkflowEvent<K>, { type: E }>;
};

export const CLOSES_AT = new Date('2030-03-01T12:00:00Z');
export const AFTER_CLOSE = new Date('2030-03-01T12:00:01Z');

/** Inputs under which every context guard passes. */
export const validInputs: { readonly [K in WorkflowKind]: WorkflowInput<K> } = {
  proposal: { revisionCount: 1 },
  meeting: { agendaItemCount: 3 },
  ballot: { closesAt: CLOSES_AT },
  actionItem: {},
};

/** One event of each type with a payload every event guard accepts. */
export const validEvents: { readonly [K in WorkflowKind]: EventExamples<K> } = {
  proposal: {
    SUBMIT: { type: 'SUBMIT' },
    START_REVIEW: { type: 'START_REVIEW' },
    REQUEST_CHANGES: { type: 'REQUEST_CHANGES', comment: 'Please add the budget annex.' },
    ACCEPT: { type: 'ACCEPT' },
    SCHEDULE: { type: 'SCHEDULE' },
    OPEN_VOTE: { type: 'OPEN_VOTE' },
    BALLOT_PASSED: { type: 'BALLOT_PASSED' },
    BALLOT_FAILED: { type: 'BALLOT_FAILED' },
    BALLOT_NO_QUORUM: { type: 'BALLOT_NO_QUORUM' },
    DEFER: { type: 'DEFER' },
    WITHDRAW: { type: 'WITHDRAW' },
  },
  meeting: {
    PUBLISH_AGENDA: { type: 'PUBLISH_AGENDA' },
    OPEN: { type: 'OPEN' },
    ADJOURN: { type: 'ADJOURN' },
    APPROVE_MINUTES: { type: 'APPROVE_MINUTES' },
    CANCEL: { type: 'CANCEL' },
  },
  ballot: {
    OPEN: { type: 'OPEN' },
    CLOSE: { type: 'CLOSE', reason: 'deadline', now: AFTER_CLOSE, result: 'passed' },
    CANCEL: { type: 'CANCEL' },
  },
  actionItem: {
    START: { type: 'START' },
    BLOCK: { type: 'BLOCK', reason: 'Waiting for the partner city to sign.' },
    UNBLOCK: { type: 'UNBLOCK' },
    COMPLETE: { type: 'COMPLETE' },
    VERIFY: { type: 'VERIFY' },
    CANCEL: { type: 'CANCEL' },
  },
};
