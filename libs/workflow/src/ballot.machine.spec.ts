import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { BALLOT_STATES, ballotMachine, type BallotEvent, type BallotState } from './ballot.machine';
import { nextState, type StepResult } from './workflow-step';
import { type BallotResult } from './vote-count';
import { AFTER_CLOSE, CLOSES_AT, validEvents, validInputs } from './workflow-examples.fixture';

const BEFORE_CLOSE = new Date('2030-03-01T11:59:59Z');
const results: readonly BallotResult[] = ['passed', 'failed', 'noQuorum'];
const events: BallotEvent[] = [
  ...Object.values(validEvents.ballot),
  ...results.map((result): BallotEvent => ({ type: 'CLOSE', reason: 'secretariat', now: BEFORE_CLOSE, result })),
];
const finals: readonly BallotState[] = ['closed', 'cancelled'];

describe('ballotMachine', () => {
  describe('paths', () => {
    const shortest = getShortestPaths(ballotMachine, { input: validInputs.ballot, events });
    const simple = getSimplePaths(ballotMachine, { input: validInputs.ballot, events });

    it('reaches every state from pending', () => {
      expect(new Set(shortest.map((path) => path.state.value))).toEqual(new Set(BALLOT_STATES));
    });

    it('is done exactly in closed and cancelled', () => {
      for (const path of shortest) {
        expect({ state: path.state.value, done: path.state.status === 'done' }).toEqual({
          state: path.state.value,
          done: finals.some((final) => final === path.state.value),
        });
      }
    });

    it('reaches closed with each result frozen in the context', () => {
      const frozen = shortest.filter((path) => path.state.value === 'closed').map((path) => path.state.context.result);
      expect(new Set(frozen)).toEqual(new Set(results));
    });

    it('takes every step of every simple path through nextState alike', () => {
      expect(simple.length).toBeGreaterThan(BALLOT_STATES.length);
      for (const path of simple) {
        let state: BallotState = 'pending';
        for (const step of path.steps.slice(1)) {
          const result: StepResult<'ballot'> = nextState('ballot', state, step.event, validInputs.ballot);
          expect(result).toMatchObject({ ok: true, state: step.state.value, context: step.state.context });
          if (result.ok) state = result.state;
        }
      }
    });
  });

  describe('guards', () => {
    const deadlineClose = (now: Date): BallotEvent => ({ type: 'CLOSE', reason: 'deadline', now, result: 'failed' });

    it('refuses a deadline close before closesAt', () => {
      expect(nextState('ballot', 'open', deadlineClose(BEFORE_CLOSE), { closesAt: CLOSES_AT })).toEqual({
        ok: false,
        reason: 'guardFailed',
        guard: 'closeIsDue',
        allowedEvents: ['CLOSE', 'CANCEL'],
      });
    });

    it('accepts a deadline close at closesAt exactly and after it', () => {
      for (const now of [CLOSES_AT, AFTER_CLOSE]) {
        expect(nextState('ballot', 'open', deadlineClose(now), { closesAt: CLOSES_AT })).toEqual({
          ok: true,
          state: 'closed',
          final: true,
          context: { closesAt: CLOSES_AT, result: 'failed' },
        });
      }
    });

    it('refuses a deadline close of a ballot without a deadline', () => {
      expect(nextState('ballot', 'open', deadlineClose(AFTER_CLOSE), { closesAt: null })).toMatchObject({
        ok: false,
        guard: 'closeIsDue',
      });
    });

    it('accepts a close by the secretariat before closesAt', () => {
      const close: BallotEvent = { type: 'CLOSE', reason: 'secretariat', now: BEFORE_CLOSE, result: 'passed' };
      expect(nextState('ballot', 'open', close, { closesAt: CLOSES_AT })).toMatchObject({
        ok: true,
        state: 'closed',
        context: { result: 'passed' },
      });
    });
  });
});
