import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { MEETING_STATES, meetingMachine, type MeetingEvent, type MeetingState } from './meeting.machine';
import { nextState, type StepResult } from './workflow-step';
import { validEvents, validInputs } from './workflow-examples.fixture';

const events: MeetingEvent[] = Object.values(validEvents.meeting);
const finals: readonly MeetingState[] = ['closed', 'cancelled'];

describe('meetingMachine', () => {
  describe('paths', () => {
    const shortest = getShortestPaths(meetingMachine, { input: validInputs.meeting, events });
    const simple = getSimplePaths(meetingMachine, { input: validInputs.meeting, events });

    it('reaches every state from planned', () => {
      expect(new Set(shortest.map((path) => path.state.value))).toEqual(new Set(MEETING_STATES));
    });

    it('is done exactly in closed and cancelled', () => {
      for (const path of shortest) {
        expect({ state: path.state.value, done: path.state.status === 'done' }).toEqual({
          state: path.state.value,
          done: finals.some((final) => final === path.state.value),
        });
      }
    });

    it('takes every step of every simple path through nextState alike', () => {
      expect(simple.length).toBeGreaterThanOrEqual(MEETING_STATES.length);
      for (const path of simple) {
        let state: MeetingState = 'planned';
        for (const step of path.steps.slice(1)) {
          const result: StepResult<'meeting'> = nextState('meeting', state, step.event, validInputs.meeting);
          expect(result).toMatchObject({ ok: true, state: step.state.value });
          if (result.ok) state = result.state;
        }
      }
    });

    it('reaches only planned and cancelled with an empty agenda', () => {
      const paths = getShortestPaths(meetingMachine, { input: { agendaItemCount: 0 }, events });
      expect(new Set(paths.map((path) => path.state.value))).toEqual(new Set(['planned', 'cancelled']));
    });
  });

  describe('guards', () => {
    it('refuses PUBLISH_AGENDA with an empty agenda', () => {
      expect(nextState('meeting', 'planned', { type: 'PUBLISH_AGENDA' }, { agendaItemCount: 0 })).toEqual({
        ok: false,
        reason: 'guardFailed',
        guard: 'hasAgendaItems',
        allowedEvents: ['CANCEL'],
      });
    });

    it('accepts PUBLISH_AGENDA with one agenda item', () => {
      expect(nextState('meeting', 'planned', { type: 'PUBLISH_AGENDA' }, { agendaItemCount: 1 })).toMatchObject({
        ok: true,
        state: 'agendaPublished',
      });
    });
  });
});
