import { setup } from 'xstate';

export const MEETING_STATES = ['planned', 'agendaPublished', 'inSession', 'adjourned', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export type MeetingEvent =
  | { readonly type: 'PUBLISH_AGENDA' }
  | { readonly type: 'OPEN' }
  | { readonly type: 'ADJOURN' }
  | { readonly type: 'APPROVE_MINUTES' }
  | { readonly type: 'CANCEL' };
export type MeetingEventType = MeetingEvent['type'];

/** Facts about the meeting the service loads before stepping the machine. */
export interface MeetingInput {
  readonly agendaItemCount: number;
}
export type MeetingContext = MeetingInput;

export function meetingContext(input?: MeetingInput): MeetingContext {
  return { agendaItemCount: input?.agendaItemCount ?? 0 };
}

/** Guards that read only the context, so they can be judged before the event's payload exists. */
export const meetingContextGuards = {
  hasAgendaItems: (context: MeetingContext): boolean => context.agendaItemCount > 0,
};

export const meetingMachine = setup({
  types: {
    context: {} as MeetingContext,
    events: {} as MeetingEvent,
    input: {} as MeetingInput | undefined,
  },
  guards: {
    hasAgendaItems: ({ context }) => meetingContextGuards.hasAgendaItems(context),
  },
}).createMachine({
  id: 'meeting',
  initial: 'planned',
  context: ({ input }) => meetingContext(input),
  states: {
    planned: {
      on: { PUBLISH_AGENDA: { target: 'agendaPublished', guard: 'hasAgendaItems' }, CANCEL: 'cancelled' },
    },
    agendaPublished: {
      on: { OPEN: 'inSession', CANCEL: 'cancelled' },
    },
    inSession: {
      on: { ADJOURN: 'adjourned' },
    },
    adjourned: {
      on: { APPROVE_MINUTES: 'closed' },
    },
    closed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
