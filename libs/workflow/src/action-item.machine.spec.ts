import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import {
  ACTION_ITEM_STATES,
  actionItemMachine,
  type ActionItemEvent,
  type ActionItemState,
} from './action-item.machine';
import { nextState, type StepResult } from './workflow-step';
import { validEvents } from './workflow-examples.fixture';

const events: ActionItemEvent[] = Object.values(validEvents.actionItem);
const finals: readonly ActionItemState[] = ['verified', 'cancelled'];

describe('actionItemMachine', () => {
  describe('paths', () => {
    const shortest = getShortestPaths(actionItemMachine, { events });
    const simple = getSimplePaths(actionItemMachine, { events });

    it('reaches every state from planned', () => {
      expect(new Set(shortest.map((path) => path.state.value))).toEqual(new Set(ACTION_ITEM_STATES));
    });

    it('is done exactly in verified and cancelled', () => {
      for (const path of shortest) {
        expect({ state: path.state.value, done: path.state.status === 'done' }).toEqual({
          state: path.state.value,
          done: finals.some((final) => final === path.state.value),
        });
      }
    });

    it('takes every step of every simple path through nextState alike', () => {
      expect(simple.length).toBeGreaterThan(ACTION_ITEM_STATES.length);
      for (const path of simple) {
        let state: ActionItemState = 'planned';
        for (const step of path.steps.slice(1)) {
          const result: StepResult<'actionItem'> = nextState('actionItem', state, step.event);
          expect(result).toMatchObject({ ok: true, state: step.state.value });
          if (result.ok) state = result.state;
        }
      }
    });
  });

  describe('guards', () => {
    it.each(['', '  '])('refuses BLOCK with the blank reason %j', (reason) => {
      expect(nextState('actionItem', 'inProgress', { type: 'BLOCK', reason })).toEqual({
        ok: false,
        reason: 'guardFailed',
        guard: 'hasReason',
        allowedEvents: ['BLOCK', 'COMPLETE', 'CANCEL'],
      });
    });

    it('accepts BLOCK with a reason', () => {
      expect(nextState('actionItem', 'inProgress', { type: 'BLOCK', reason: 'Budget frozen' })).toMatchObject({
        ok: true,
        state: 'blocked',
      });
    });
  });
});
