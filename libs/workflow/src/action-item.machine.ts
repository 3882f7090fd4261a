import { setup } from 'xstate';
import { isNonBlank } from './non-blank';

export const ACTION_ITEM_STATES = ['planned', 'inProgress', 'blocked', 'done', 'verified', 'cancelled'] as const;
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];

export type ActionItemEvent =
  | { readonly type: 'START' }
  | { readonly type: 'BLOCK'; readonly reason: string }
  | { readonly type: 'UNBLOCK' }
  | { readonly type: 'COMPLETE' }
  | { readonly type: 'VERIFY' }
  | { readonly type: 'CANCEL' };
export type ActionItemEventType = ActionItemEvent['type'];

/** The action item's guards need no facts beyond the event. */
export type ActionItemInput = Readonly<Record<string, never>>;
export type ActionItemContext = ActionItemInput;

export function actionItemContext(_input?: ActionItemInput): ActionItemContext {
  return {};
}

/** Action item guards all read the event, so none can be judged from the context alone. */
export const actionItemContextGuards = {};

export const actionItemMachine = setup({
  types: {
    context: {} as ActionItemContext,
    events: {} as ActionItemEvent,
    input: {} as ActionItemInput | undefined,
  },
  guards: {
    hasReason: ({ event }) => event.type === 'BLOCK' && isNonBlank(event.reason),
  },
}).createMachine({
  id: 'actionItem',
  initial: 'planned',
  context: ({ input }) => actionItemContext(input),
  states: {
    planned: {
      on: { START: 'inProgress', CANCEL: 'cancelled' },
    },
    inProgress: {
      on: {
        BLOCK: { target: 'blocked', guard: 'hasReason' },
        COMPLETE: 'done',
        CANCEL: 'cancelled',
      },
    },
    blocked: {
      on: { UNBLOCK: 'inProgress', CANCEL: 'cancelled' },
    },
    done: {
      on: { VERIFY: 'verified' },
    },
    verified: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
