import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { nextState, type StepResult } from './workflow-step';
import { PROPOSAL_STATES, proposalMachine, type ProposalEvent, type ProposalState } from './proposal.machine';
import { validEvents, validInputs } from './workflow-examples.fixture';

const events: ProposalEvent[] = Object.values(validEvents.proposal);
const finals: readonly ProposalState[] = ['approved', 'rejected', 'withdrawn'];

describe('proposalMachine', () => {
  describe('paths', () => {
    const shortest = getShortestPaths(proposalMachine, { input: validInputs.proposal, events });
    const simple = getSimplePaths(proposalMachine, { input: validInputs.proposal, events });

    it('reaches every state from draft', () => {
      expect(new Set(shortest.map((path) => path.state.value))).toEqual(new Set(PROPOSAL_STATES));
    });

    it('is done exactly in approved, rejected and withdrawn', () => {
      for (const path of shortest) {
        expect({ state: path.state.value, done: path.state.status === 'done' }).toEqual({
          state: path.state.value,
          done: finals.some((final) => final === path.state.value),
        });
      }
    });

    it('takes every step of every simple path through nextState alike', () => {
      expect(simple.length).toBeGreaterThan(PROPOSAL_STATES.length);
      for (const path of simple) {
        let state: ProposalState = 'draft';
        for (const step of path.steps.slice(1)) {
          const result: StepResult<'proposal'> = nextState('proposal', state, step.event, validInputs.proposal);
          expect(result).toMatchObject({ ok: true, state: step.state.value });
          if (result.ok) state = result.state;
        }
      }
    });

    it('reaches only draft and withdrawn while the proposal has no revision', () => {
      const paths = getShortestPaths(proposalMachine, { input: { revisionCount: 0 }, events });
      expect(new Set(paths.map((path) => path.state.value))).toEqual(new Set(['draft', 'withdrawn']));
    });
  });

  describe('guards', () => {
    it.each(['', '   ', '\n\t'])('refuses REQUEST_CHANGES with the blank comment %j', (comment) => {
      expect(nextState('proposal', 'inReview', { type: 'REQUEST_CHANGES', comment }, validInputs.proposal)).toEqual({
        ok: false,
        reason: 'guardFailed',
        guard: 'hasComment',
        allowedEvents: ['REQUEST_CHANGES', 'ACCEPT', 'WITHDRAW'],
      });
    });

    it('refuses REQUEST_CHANGES whose comment is missing from the data', () => {
      const event: ProposalEvent = JSON.parse('{"type":"REQUEST_CHANGES"}');
      expect(nextState('proposal', 'inReview', event, validInputs.proposal)).toMatchObject({
        ok: false,
        guard: 'hasComment',
      });
    });

    it.each(['draft', 'changesRequested'] as const)('refuses SUBMIT from %s without a revision', (from) => {
      expect(nextState('proposal', from, { type: 'SUBMIT' }, { revisionCount: 0 })).toEqual({
        ok: false,
        reason: 'guardFailed',
        guard: 'hasRevision',
        allowedEvents: ['WITHDRAW'],
      });
    });

    it('accepts SUBMIT once a revision exists', () => {
      expect(nextState('proposal', 'changesRequested', { type: 'SUBMIT' }, { revisionCount: 2 })).toMatchObject({
        ok: true,
        state: 'submitted',
      });
    });
  });
});
