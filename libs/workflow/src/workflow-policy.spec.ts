import { ACTOR_ROLES, type PolicyActor } from './policy-grant';
import { eventsActorMaySend, maySend, workflowPolicy } from './workflow-policy';
import { WORKFLOW_KINDS, workflowEventTypes, type WorkflowEventType, type WorkflowKind } from './workflow-definitions';

/** Who may send each event, written from the design rather than read from the policy tables. */
type Sender = 'secretariat' | 'system' | 'owningDelegate' | 'owningHead' | 'secretariatOrSystem' | 'secretariatOrOwner';

const designedSenders: { readonly [K in WorkflowKind]: Record<WorkflowEventType<K>, Sender> } = {
  proposal: {
    SUBMIT: 'owningDelegate',
    START_REVIEW: 'secretariat',
    REQUEST_CHANGES: 'secretariat',
    ACCEPT: 'secretariat',
    SCHEDULE: 'secretariat',
    OPEN_VOTE: 'secretariat',
    DEFER: 'secretariat',
    BALLOT_PASSED: 'system',
    BALLOT_FAILED: 'system',
    BALLOT_NO_QUORUM: 'system',
    WITHDRAW: 'owningHead',
  },
  meeting: {
    PUBLISH_AGENDA: 'secretariat',
    OPEN: 'secretariat',
    ADJOURN: 'secretariat',
    APPROVE_MINUTES: 'secretariat',
    CANCEL: 'secretariat',
  },
  ballot: { OPEN: 'secretariat', CLOSE: 'secretariatOrSystem', CANCEL: 'secretariat' },
  actionItem: {
    START: 'secretariatOrOwner',
    BLOCK: 'secretariatOrOwner',
    UNBLOCK: 'secretariatOrOwner',
    COMPLETE: 'secretariatOrOwner',
    VERIFY: 'secretariat',
    CANCEL: 'secretariat',
  },
};

function designAllows(sender: Sender, actor: PolicyActor): boolean {
  const secretariat = actor.roles.includes('SECRETARIAT');
  const system = actor.system === true;
  const owningDelegate = actor.roles.includes('DELEGATE') && actor.ownsEntity;
  switch (sender) {
    case 'secretariat':
      return secretariat;
    case 'system':
      return system;
    case 'owningDelegate':
      return owningDelegate;
    case 'owningHead':
      return owningDelegate && actor.isHeadOfDelegation;
    case 'secretariatOrSystem':
      return secretariat || system;
    case 'secretariatOrOwner':
      return secretariat || owningDelegate;
  }
}

const relations = [false, true].flatMap((ownsEntity) =>
  [false, true].map((isHeadOfDelegation) => ({ ownsEntity, isHeadOfDelegation })),
);
const actors: PolicyActor[] = [
  ...ACTOR_ROLES.flatMap((role) => relations.map((relation) => ({ roles: [role], ...relation }))),
  ...relations.map((relation) => ({ roles: [], system: true, ...relation })),
  ...relations.map((relation) => ({ roles: [], ...relation })),
  { roles: ['BOARD_MEMBER', 'DELEGATE'], ownsEntity: true, isHeadOfDelegation: true },
];

function label(actor: PolicyActor): string {
  const who = actor.system === true ? 'system' : actor.roles.length === 0 ? 'nobody' : actor.roles.join('+');
  return `${who}${actor.ownsEntity ? ', owner' : ''}${actor.isHeadOfDelegation ? ', head' : ''}`;
}

const owningHead: PolicyActor = { roles: ['DELEGATE'], ownsEntity: true, isHeadOfDelegation: true };
const secretariat: PolicyActor = { roles: ['SECRETARIAT'], ownsEntity: false, isHeadOfDelegation: false };
const system: PolicyActor = { roles: [], system: true, ownsEntity: false, isHeadOfDelegation: false };

describe('maySend', () => {
  function describePolicy<K extends WorkflowKind>(kind: K): void {
    const cases = workflowEventTypes(kind).flatMap((event) =>
      actors.map((actor) => ({
        event,
        actor,
        who: label(actor),
        allowed: designAllows(designedSenders[kind][event], actor),
      })),
    );
    it.each(cases)(`${kind}: $event by $who is allowed: $allowed`, ({ event, actor, allowed }) => {
      expect(maySend(kind, event, actor)).toBe(allowed);
    });
  }
  describePolicy('proposal');
  describePolicy('meeting');
  describePolicy('ballot');
  describePolicy('actionItem');

  it.each(['ADMIN', 'BOARD_MEMBER', 'OBSERVER'] as const)('lets %s send nothing, even as owner and head', (role) => {
    const actor: PolicyActor = { roles: [role], ownsEntity: true, isHeadOfDelegation: true };
    for (const kind of WORKFLOW_KINDS) {
      expect(workflowEventTypes(kind).filter((event) => maySend(kind, event, actor))).toEqual([]);
    }
  });

  it('refuses WITHDRAW to the head of another city and to an owning delegate who is not head', () => {
    expect(maySend('proposal', 'WITHDRAW', { ...owningHead, ownsEntity: false })).toBe(false);
    expect(maySend('proposal', 'WITHDRAW', { ...owningHead, isHeadOfDelegation: false })).toBe(false);
    expect(maySend('proposal', 'WITHDRAW', owningHead)).toBe(true);
  });

  it('refuses an event type the workflow does not have', () => {
    const event: WorkflowEventType<'ballot'> = JSON.parse('"PUBLISH_AGENDA"');
    expect(maySend('ballot', event, secretariat)).toBe(false);
  });
});

describe('eventsActorMaySend', () => {
  it('intersects the policy with the events the state accepts', () => {
    expect(eventsActorMaySend('proposal', 'inReview', secretariat)).toEqual(['REQUEST_CHANGES', 'ACCEPT']);
    expect(eventsActorMaySend('proposal', 'inReview', owningHead)).toEqual(['WITHDRAW']);
    expect(eventsActorMaySend('proposal', 'voting', system)).toEqual([
      'BALLOT_PASSED',
      'BALLOT_FAILED',
      'BALLOT_NO_QUORUM',
    ]);
    expect(eventsActorMaySend('ballot', 'open', system)).toEqual(['CLOSE']);
  });

  it('judges context guards when input is given', () => {
    expect(eventsActorMaySend('proposal', 'draft', owningHead, { revisionCount: 0 })).toEqual(['WITHDRAW']);
    expect(eventsActorMaySend('proposal', 'draft', owningHead, { revisionCount: 1 })).toEqual(['SUBMIT', 'WITHDRAW']);
  });

  it('offers nothing in a final state', () => {
    expect(eventsActorMaySend('actionItem', 'verified', secretariat)).toEqual([]);
  });
});

describe('workflowPolicy', () => {
  it.each(WORKFLOW_KINDS)('serves the %s policy as JSON data', (kind) => {
    const policy = workflowPolicy(kind);
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
    expect(Object.keys(policy).sort()).toEqual(Object.keys(designedSenders[kind]).sort());
  });
});
