import { availableEvents, nextState, UnknownWorkflowStateError } from './workflow-step';
import {
  isWorkflowState,
  workflowEventTypes,
  type WorkflowEventType,
  type WorkflowKind,
  type WorkflowState,
} from './workflow-definitions';
import { type ProposalEvent } from './proposal.machine';
import { validEvents, validInputs } from './workflow-examples.fixture';

/** The transitions each machine must have, written from the design rather than read from the machine. */
type TransitionTable<K extends WorkflowKind> = {
  readonly [S in WorkflowState<K>]: Partial<Record<WorkflowEventType<K>, WorkflowState<K>>>;
};

interface MachineSpec<K extends WorkflowKind> {
  readonly table: TransitionTable<K>;
  readonly finals: readonly WorkflowState<K>[];
}

const proposalSpec: MachineSpec<'proposal'> = {
  table: {
    draft: { SUBMIT: 'submitted', WITHDRAW: 'withdrawn' },
    submitted: { START_REVIEW: 'inReview', WITHDRAW: 'withdrawn' },
    inReview: { REQUEST_CHANGES: 'changesRequested', ACCEPT: 'readyForBoard', WITHDRAW: 'withdrawn' },
    changesRequested: { SUBMIT: 'submitted', WITHDRAW: 'withdrawn' },
    readyForBoard: { SCHEDULE: 'scheduled', WITHDRAW: 'withdrawn' },
    scheduled: { OPEN_VOTE: 'voting', WITHDRAW: 'withdrawn' },
    voting: { BALLOT_PASSED: 'approved', BALLOT_FAILED: 'rejected', BALLOT_NO_QUORUM: 'deferred', DEFER: 'deferred' },
    deferred: { SCHEDULE: 'scheduled', WITHDRAW: 'withdrawn' },
    approved: {},
    rejected: {},
    withdrawn: {},
  },
  finals: ['approved', 'rejected', 'withdrawn'],
};

const meetingSpec: MachineSpec<'meeting'> = {
  table: {
    planned: { PUBLISH_AGENDA: 'agendaPublished', CANCEL: 'cancelled' },
    agendaPublished: { OPEN: 'inSession', CANCEL: 'cancelled' },
    inSession: { ADJOURN: 'adjourned' },
    adjourned: { APPROVE_MINUTES: 'closed' },
    closed: {},
    cancelled: {},
  },
  finals: ['closed', 'cancelled'],
};

const ballotSpec: MachineSpec<'ballot'> = {
  table: {
    pending: { OPEN: 'open', CANCEL: 'cancelled' },
    open: { CLOSE: 'closed', CANCEL: 'cancelled' },
    closed: {},
    cancelled: {},
  },
  finals: ['closed', 'cancelled'],
};

const actionItemSpec: MachineSpec<'actionItem'> = {
  table: {
    planned: { START: 'inProgress', CANCEL: 'cancelled' },
    inProgress: { BLOCK: 'blocked', COMPLETE: 'done', CANCEL: 'cancelled' },
    blocked: { UNBLOCK: 'inProgress', CANCEL: 'cancelled' },
    done: { VERIFY: 'verified' },
    verified: {},
    cancelled: {},
  },
  finals: ['verified', 'cancelled'],
};

function statesOf<K extends WorkflowKind>(kind: K, spec: MachineSpec<K>): WorkflowState<K>[] {
  return Object.keys(spec.table).filter((state) => isWorkflowState(kind, state));
}

function expectedEvents<K extends WorkflowKind>(kind: K, spec: MachineSpec<K>, state: WorkflowState<K>): string[] {
  return workflowEventTypes(kind)
    .filter((event) => spec.table[state][event] !== undefined)
    .sort();
}

function describeTransitionTable<K extends WorkflowKind>(kind: K, spec: MachineSpec<K>): void {
  const pairs = statesOf(kind, spec).flatMap((state) => workflowEventTypes(kind).map((event) => ({ state, event })));

  describe(kind, () => {
    it('covers every state of the machine', () => {
      expect(pairs.length).toBe(statesOf(kind, spec).length * workflowEventTypes(kind).length);
      expect(statesOf(kind, spec)).toHaveLength(Object.keys(spec.table).length);
    });

    it.each(pairs)('answers $event in $state as the design says', ({ state, event }) => {
      const target = spec.table[state][event];
      const result = nextState(kind, state, validEvents[kind][event], validInputs[kind]);
      if (target === undefined) {
        expect(result).toEqual({ ok: false, reason: 'notAllowedInState', allowedEvents: expect.any(Array) });
        if (!result.ok) expect([...result.allowedEvents].sort()).toEqual(expectedEvents(kind, spec, state));
      } else {
        expect(result).toMatchObject({ ok: true, state: target, final: spec.finals.includes(target) });
      }
    });
  });
}

describe('nextState', () => {
  describeTransitionTable('proposal', proposalSpec);
  describeTransitionTable('meeting', meetingSpec);
  describeTransitionTable('ballot', ballotSpec);
  describeTransitionTable('actionItem', actionItemSpec);

  it('reports the refusing guard and the events still open', () => {
    expect(nextState('proposal', 'inReview', { type: 'REQUEST_CHANGES', comment: '  ' }, validInputs.proposal)).toEqual(
      {
        ok: false,
        reason: 'guardFailed',
        guard: 'hasComment',
        allowedEvents: ['REQUEST_CHANGES', 'ACCEPT', 'WITHDRAW'],
      },
    );
  });

  it('judges allowed events against the same context as the refused event', () => {
    expect(nextState('proposal', 'draft', { type: 'SUBMIT' }, { revisionCount: 0 })).toEqual({
      ok: false,
      reason: 'guardFailed',
      guard: 'hasRevision',
      allowedEvents: ['WITHDRAW'],
    });
  });

  it('refuses context guards when no input is given', () => {
    expect(nextState('proposal', 'draft', { type: 'SUBMIT' })).toMatchObject({ ok: false, guard: 'hasRevision' });
    expect(nextState('meeting', 'planned', { type: 'PUBLISH_AGENDA' })).toMatchObject({
      ok: false,
      guard: 'hasAgendaItems',
    });
  });

  it('returns the context after the step', () => {
    const result = nextState(
      'ballot',
      'open',
      { type: 'CLOSE', reason: 'secretariat', now: new Date('2030-01-01T00:00:00Z'), result: 'noQuorum' },
      validInputs.ballot,
    );
    expect(result).toEqual({
      ok: true,
      state: 'closed',
      final: true,
      context: { closesAt: validInputs.ballot.closesAt, result: 'noQuorum' },
    });
  });

  it('refuses an event type the machine does not know', () => {
    const event: ProposalEvent = JSON.parse('{"type":"PUBLISH"}');
    expect(nextState('proposal', 'draft', event, validInputs.proposal)).toEqual({
      ok: false,
      reason: 'notAllowedInState',
      allowedEvents: ['SUBMIT', 'WITHDRAW'],
    });
  });

  it('throws a coded error for a state the machine does not have', () => {
    const stored: string = 'archived';
    const run = (): unknown => nextState('proposal', stored as WorkflowState<'proposal'>, { type: 'SUBMIT' });
    expect(run).toThrow(UnknownWorkflowStateError);
    expect(run).toThrow(expect.objectContaining({ code: 'WORKFLOW_UNKNOWN_STATE' }));
  });

  it('refuses everything in a final state', () => {
    expect(nextState('meeting', 'closed', { type: 'OPEN' }, validInputs.meeting)).toEqual({
      ok: false,
      reason: 'notAllowedInState',
      allowedEvents: [],
    });
  });
});

describe('availableEvents', () => {
  it('lists every transition of the state when no input is given', () => {
    expect(availableEvents('proposal', 'draft')).toEqual(['SUBMIT', 'WITHDRAW']);
    expect(availableEvents('meeting', 'planned')).toEqual(['PUBLISH_AGENDA', 'CANCEL']);
  });

  it('leaves out events whose context guard fails when input is given', () => {
    expect(availableEvents('proposal', 'changesRequested', { revisionCount: 0 })).toEqual(['WITHDRAW']);
    expect(availableEvents('meeting', 'planned', { agendaItemCount: 0 })).toEqual(['CANCEL']);
    expect(availableEvents('meeting', 'planned', { agendaItemCount: 1 })).toEqual(['PUBLISH_AGENDA', 'CANCEL']);
  });

  it('keeps events whose guard needs the payload still to be sent', () => {
    expect(availableEvents('proposal', 'inReview', validInputs.proposal)).toEqual([
      'REQUEST_CHANGES',
      'ACCEPT',
      'WITHDRAW',
    ]);
    expect(availableEvents('ballot', 'open', { closesAt: null })).toEqual(['CLOSE', 'CANCEL']);
    expect(availableEvents('actionItem', 'inProgress', {})).toEqual(['BLOCK', 'COMPLETE', 'CANCEL']);
  });

  it('lists nothing in a final state', () => {
    expect(availableEvents('ballot', 'closed')).toEqual([]);
    expect(availableEvents('actionItem', 'verified')).toEqual([]);
  });

  function itMatchesTheDesign<K extends WorkflowKind>(kind: K, spec: MachineSpec<K>): void {
    it(`matches the design table in every ${kind} state`, () => {
      for (const state of statesOf(kind, spec)) {
        expect([...availableEvents(kind, state, validInputs[kind])].sort()).toEqual(expectedEvents(kind, spec, state));
      }
    });
  }
  itMatchesTheDesign('proposal', proposalSpec);
  itMatchesTheDesign('meeting', meetingSpec);
  itMatchesTheDesign('ballot', ballotSpec);
  itMatchesTheDesign('actionItem', actionItemSpec);
});
