import { assign, setup } from 'xstate';
import type { BallotResult } from './vote-count';

export const BALLOT_STATES = ['pending', 'open', 'closed', 'cancelled'] as const;
export type BallotState = (typeof BALLOT_STATES)[number];

/** The secretariat closes a ballot by hand; the system closes it when its deadline has come. */
export type BallotCloseReason = 'secretariat' | 'deadline';

export type BallotEvent =
  | { readonly type: 'OPEN' }
  | {
      readonly type: 'CLOSE';
      readonly reason: BallotCloseReason;
      readonly now: Date;
      /** Computed by the service with countVotes over the ballot's votes, frozen here. */
      readonly result: BallotResult;
    }
  | { readonly type: 'CANCEL' };
export type BallotEventType = BallotEvent['type'];

/** Facts about the ballot the service loads before stepping the machine. */
export interface BallotInput {
  readonly closesAt: Date | null;
}
export interface BallotContext extends BallotInput {
  readonly result: BallotResult | null;
}

export function ballotContext(input?: BallotInput): BallotContext {
  return { closesAt: input?.closesAt ?? null, result: null };
}

/** Ballot guards all read the event, so none can be judged from the context alone. */
export const ballotContextGuards = {};

export const ballotMachine = setup({
  types: {
    context: {} as BallotContext,
    events: {} as BallotEvent,
    input: {} as BallotInput | undefined,
  },
  guards: {
    // A deadline close is early until closesAt; the secretariat may close whenever it decides.
    closeIsDue: ({ context, event }) =>
      event.type === 'CLOSE' &&
      (event.reason === 'secretariat' ||
        (event.reason === 'deadline' &&
          context.closesAt !== null &&
          event.now.getTime() >= context.closesAt.getTime())),
  },
  actions: {
    recordResult: assign({
      result: ({ context, event }) => (event.type === 'CLOSE' ? event.result : context.result),
    }),
  },
}).createMachine({
  id: 'ballot',
  initial: 'pending',
  context: ({ input }) => ballotContext(input),
  states: {
    pending: {
      on: { OPEN: 'open', CANCEL: 'cancelled' },
    },
    open: {
      on: {
        CLOSE: { target: 'closed', guard: 'closeIsDue', actions: 'recordResult' },
        CANCEL: 'cancelled',
      },
    },
    closed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
