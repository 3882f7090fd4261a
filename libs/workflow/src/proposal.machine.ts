import { setup } from 'xstate';
import { isNonBlank } from './non-blank';

export const PROPOSAL_STATES = [
  'draft',
  'submitted',
  'inReview',
  'changesRequested',
  'readyForBoard',
  'scheduled',
  'voting',
  'approved',
  'rejected',
  'deferred',
  'withdrawn',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export type ProposalEvent =
  | { readonly type: 'SUBMIT' }
  | { readonly type: 'START_REVIEW' }
  | { readonly type: 'REQUEST_CHANGES'; readonly comment: string }
  | { readonly type: 'ACCEPT' }
  | { readonly type: 'SCHEDULE' }
  | { readonly type: 'OPEN_VOTE' }
  | { readonly type: 'BALLOT_PASSED' }
  | { readonly type: 'BALLOT_FAILED' }
  | { readonly type: 'BALLOT_NO_QUORUM' }
  | { readonly type: 'DEFER' }
  | { readonly type: 'WITHDRAW' };
export type ProposalEventType = ProposalEvent['type'];

/** Facts about the proposal the service loads before stepping the machine. */
export interface ProposalInput {
  readonly revisionCount: number;
}
export type ProposalContext = ProposalInput;

export function proposalContext(input?: ProposalInput): ProposalContext {
  return { revisionCount: input?.revisionCount ?? 0 };
}

/** Guards that read only the context, so they can be judged before the event's payload exists. */
export const proposalContextGuards = {
  hasRevision: (context: ProposalContext): boolean => context.revisionCount > 0,
};

export const proposalMachine = setup({
  types: {
    context: {} as ProposalContext,
    events: {} as ProposalEvent,
    input: {} as ProposalInput | undefined,
  },
  guards: {
    hasRevision: ({ context }) => proposalContextGuards.hasRevision(context),
    hasComment: ({ event }) => event.type === 'REQUEST_CHANGES' && isNonBlank(event.comment),
  },
}).createMachine({
  id: 'proposal',
  initial: 'draft',
  context: ({ input }) => proposalContext(input),
  states: {
    draft: {
      on: { SUBMIT: { target: 'submitted', guard: 'hasRevision' }, WITHDRAW: 'withdrawn' },
    },
    submitted: {
      on: { START_REVIEW: 'inReview', WITHDRAW: 'withdrawn' },
    },
    inReview: {
      on: {
        REQUEST_CHANGES: { target: 'changesRequested', guard: 'hasComment' },
        ACCEPT: 'readyForBoard',
        WITHDRAW: 'withdrawn',
      },
    },
    changesRequested: {
      on: { SUBMIT: { target: 'submitted', guard: 'hasRevision' }, WITHDRAW: 'withdrawn' },
    },
    readyForBoard: {
      on: { SCHEDULE: 'scheduled', WITHDRAW: 'withdrawn' },
    },
    scheduled: {
      on: { OPEN_VOTE: 'voting', WITHDRAW: 'withdrawn' },
    },
    voting: {
      on: {
        BALLOT_PASSED: 'approved',
        BALLOT_FAILED: 'rejected',
        BALLOT_NO_QUORUM: 'deferred',
        DEFER: 'deferred',
      },
    },
    deferred: {
      on: { SCHEDULE: 'scheduled', WITHDRAW: 'withdrawn' },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
