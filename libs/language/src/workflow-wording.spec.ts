import {
  ACTION_ITEM_STATES,
  BALLOT_STATES,
  MEETING_STATES,
  PROPOSAL_STATES,
  WORKFLOW_KINDS,
  workflowEventTypes,
  type WorkflowKind,
} from '@majlis/workflow';
import { CATALOGUE_LANGUAGES, hasMessage, message, type MessageKey } from './catalogue';

/** The forms an event needs: the button's label, an option in a list, the act done to this record. */
const EVENT_FORMS = ['label', 'option', 'onIt'] as const;

const STATES: Record<WorkflowKind, readonly string[]> = {
  proposal: PROPOSAL_STATES,
  meeting: MEETING_STATES,
  ballot: BALLOT_STATES,
  actionItem: ACTION_ITEM_STATES,
};

describe('every workflow state and event has words in both languages', () => {
  for (const kind of WORKFLOW_KINDS) {
    const states = STATES[kind];

    it.each(states.flatMap((state) => CATALOGUE_LANGUAGES.map((locale) => [kind, state, locale])))(
      '%s state %s is named in %s',
      (kindName, state, locale) => {
        expect(hasMessage(locale as 'ar' | 'en', `states:${kindName}.${state}` as MessageKey)).toBe(true);
      },
    );

    it.each(
      workflowEventTypes(kind).flatMap((event) =>
        EVENT_FORMS.flatMap((form) => CATALOGUE_LANGUAGES.map((locale) => [kind, event, form, locale])),
      ),
    )('%s event %s has its %s form in %s', (kindName, event, form, locale) => {
      expect(hasMessage(locale as 'ar' | 'en', `events:${kindName}.${event}.${form}` as MessageKey)).toBe(true);
    });

    it(`${kind} is named as an entity`, () => {
      expect(message('ar', `entities:${kind}.this`)).not.toBe('');
      expect(message('en', `entities:${kind}.this`)).not.toBe('');
    });
  }

  it('names a state as its badge does', () => {
    expect(message('ar', 'states:proposal.approved')).toBe('معتمد');
    expect(message('en', 'states:proposal.inReview')).toBe('In review');
    expect(message('ar', 'events:proposal.SUBMIT.label')).toBe('تقديم');
    expect(message('en', 'events:proposal.SUBMIT.label')).toBe('Submit');
  });
});
