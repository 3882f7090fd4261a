import { describeWorkflow } from './workflow-description';
import {
  isWorkflowEventType,
  isWorkflowState,
  WORKFLOW_KINDS,
  workflowEventTypes,
  type WorkflowKind,
} from './workflow-definitions';
import { nextState } from './workflow-step';
import { workflowPolicy } from './workflow-policy';
import { validEvents, validInputs } from './workflow-examples.fixture';

describe('describeWorkflow', () => {
  function describesTheMachine<K extends WorkflowKind>(kind: K): void {
    const description = describeWorkflow(kind);

    it(`accepts exactly the described ${kind} transitions in nextState`, () => {
      for (const { name, transitions } of description.states) {
        if (!isWorkflowState(kind, name)) throw new Error(`Described state ${name} is not a ${kind} state.`);
        for (const event of workflowEventTypes(kind)) {
          const described = transitions.find((transition) => transition.event === event);
          const result = nextState(kind, name, validEvents[kind][event], validInputs[kind]);
          expect({ from: name, event, ok: result.ok, state: result.ok ? result.state : undefined }).toEqual({
            from: name,
            event,
            ok: described !== undefined,
            state: described?.target,
          });
        }
      }
    });

    it(`marks final exactly the ${kind} states nextState reports as final`, () => {
      const finalByName = new Map(description.states.map((state) => [state.name, state.final]));
      for (const { name, final, transitions } of description.states) {
        if (!isWorkflowState(kind, name)) throw new Error(`Described state ${name} is not a ${kind} state.`);
        if (final) expect(transitions).toEqual([]);
        for (const transition of transitions) {
          if (!isWorkflowEventType(kind, transition.event)) throw new Error(`Unknown event ${transition.event}.`);
          const result = nextState(kind, name, validEvents[kind][transition.event], validInputs[kind]);
          expect(result.ok && result.final).toBe(finalByName.get(transition.target));
        }
      }
      expect([...finalByName.values()]).toContain(true);
    });

    it(`lists every ${kind} event once with its policy`, () => {
      expect(description.events.map((event) => event.name)).toEqual(workflowEventTypes(kind));
      const policy = workflowPolicy(kind);
      for (const event of description.events) {
        if (!isWorkflowEventType(kind, event.name)) throw new Error(`Unknown event ${event.name}.`);
        expect(event.allowed).toEqual(policy[event.name]);
      }
      const used = new Set(description.states.flatMap((state) => state.transitions.map((t) => t.event)));
      expect(used).toEqual(new Set(workflowEventTypes(kind)));
    });

    it(`is plain JSON for ${kind}`, () => {
      expect(JSON.parse(JSON.stringify(description))).toEqual(description);
      expect(description.kind).toBe(kind);
    });
  }

  for (const kind of WORKFLOW_KINDS) describesTheMachine(kind);

  it('names the initial state and the guards', () => {
    const proposal = describeWorkflow('proposal');
    expect(proposal.initial).toBe('draft');
    const guarded = proposal.states.flatMap((state) =>
      state.transitions.filter((t) => t.guard !== undefined).map((t) => `${state.name} ${t.event} ${t.guard}`),
    );
    expect(guarded).toEqual([
      'draft SUBMIT hasRevision',
      'inReview REQUEST_CHANGES hasComment',
      'changesRequested SUBMIT hasRevision',
    ]);
    expect(describeWorkflow('meeting').initial).toBe('planned');
    expect(describeWorkflow('ballot').initial).toBe('pending');
    expect(describeWorkflow('actionItem').initial).toBe('planned');
  });
});
