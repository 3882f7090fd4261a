import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@majlis/demo';
import { ApiHarness, Caller, codeOf, GraphqlResponse, ok, startApi } from './api-harness';

/**
 * The follow-up of approved decisions over GraphQL: who may change what (each refusal changing nothing),
 * who may read what, and the input GraphQL itself refuses. The rules (roll-up, views, bad input, the
 * progress history, positions, the plan opened by the approval) are FollowupService's spec's.
 */

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'VERSION_CONFLICT';
type Vars = Record<string, unknown>;
/** A demo account by the part of its e-mail before the @ (e.g. `delegate.dammam`), or NOBODY. */
type Who = string;
type Refusal = readonly [Who, Code];

const NOBODY: Who = 'nobody signed in';
const EVERYONE: Who[] = DEMO_ACCOUNTS.map((account) => account.email.split('@')[0]);
/** Far enough ahead that nothing dated so is overdue or behind schedule. */
const START = '2040-01-01';
const DUE = '2040-12-31';
const BLOCK_REASON = 'Waiting for the venue contract';

const CLOSE_BALLOT = `mutation($id: ID!) { closeBallot(ballotId: $id) { result } }`;
const ITEM = 'id parentId kind state version progress weight blockedReason startDate dueDate title { text }';
const CREATE = `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { ${ITEM} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { ${ITEM} } }`;
const TRANSITION = `mutation($id: ID!, $event: String!, $version: Int!, $comment: String) {
  transitionActionItem(id: $id, event: $event, expectedVersion: $version, comment: $comment) { ${ITEM} }
}`;
const REPORT = `mutation($id: ID!, $percent: Int!, $note: String) {
  reportProgress(actionItemId: $id, percent: $percent, note: $note) { ${ITEM} }
}`;
const PROGRAMME = `mutation($id: ID!, $programme: LocalizedTextInput) {
  setImplementationPlanProgramme(id: $id, programme: $programme) { id version programme { text } }
}`;
/** Everything a refused change could touch: the plan, and each item's state, version, progress and reports. */
const PLAN_STATE = `query($id: ID!) {
  implementationPlan(id: $id) {
    version programme { text } summary { itemCount progress status }
    allItems { ${ITEM} progressReports { id percent } }
  }
}`;

const PROPOSAL_TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { version }
}`;

interface Ref {
  id: string;
}
interface ItemData extends Ref {
  parentId: string | null;
  kind: string;
  state: string;
  version: number;
  progress: number;
  weight: number | null;
  blockedReason: string | null;
  startDate: string;
  dueDate: string;
  title: { text: string };
}

/** The path from `planned` to each state, as the secretariat takes it. */
const PATH: Record<string, Array<[string, string?]>> = {
  planned: [],
  inProgress: [['START']],
  blocked: [['START'], ['BLOCK', BLOCK_REASON]],
  done: [['START'], ['COMPLETE']],
  verified: [['START'], ['COMPLETE'], ['VERIFY']],
  cancelled: [['CANCEL']],
};

describe('follow-up of approved decisions over GraphQL', () => {
  let api: ApiHarness;
  const callers = new Map<Who, Caller>();
  const cityIds = new Map<string, string>();
  let meetingId: string;

  const callerOf = (who: Who): Caller => {
    const call = callers.get(who);
    if (call === undefined) throw new Error(`no caller for ${who}`);
    return call;
  };
  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Vars = {}) =>
    callerOf(who)<T>(query, variables);
  /** The data of a request that must succeed. */
  const read = <T = Record<string, unknown>>(who: Who, query: string, variables: Vars = {}): Promise<T> =>
    ok<T>(callerOf(who), query, variables);

  /** Refused with exactly one error carrying `code` (and naming `field`, when given), and no data. */
  function expectCode(result: GraphqlResponse, code: Code, field?: string): void {
    expect(result.errors).toHaveLength(1);
    expect(codeOf(result)).toBe(code);
    if (field !== undefined) expect(result.errors?.[0].extensions?.field).toBe(field);
    expect(result.data ?? null).toBeNull();
  }

  const city = (code: string): string => {
    const id = cityIds.get(code);
    if (id === undefined) throw new Error(`no city ${code}`);
    return id;
  };

  const planState = (planId: string) => read('secretariat', PLAN_STATE, { id: planId });

  /** `attempt` is refused with `code` (naming `field`), and the plan reads the same before and after. */
  async function expectRefused(
    planId: string,
    attempt: () => Promise<GraphqlResponse>,
    code: Code,
    field?: string,
  ): Promise<void> {
    const before = await planState(planId);
    expectCode(await attempt(), code, field);
    expect(await planState(planId)).toEqual(before);
  }

  /** A new Dammam proposal through review and scheduling to a ballot of one vote (YES), closed: approved. */
  async function approvedPlan(title: string): Promise<string> {
    const { createProposal } = await read<{ createProposal: Ref }>(
      'delegate.dammam',
      `mutation($title: String!) { createProposal(input: { category: PROGRAMME, title: { en: $title } }) { id } }`,
      { title },
    );
    const id = createProposal.id;
    let version = 1;
    for (const [who, event] of [
      ['delegate.dammam', 'SUBMIT'],
      ['secretariat', 'START_REVIEW'],
      ['secretariat', 'ACCEPT'],
    ]) {
      const moved = await read<{ transitionProposal: { version: number } }>(who, PROPOSAL_TRANSITION, {
        id,
        event,
        version,
      });
      version = moved.transitionProposal.version;
    }
    await read(
      'secretariat',
      `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state } }`,
      { id, meeting: meetingId },
    );
    const { openBallot } = await read<{ openBallot: Ref }>(
      'secretariat',
      `mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0, majority: SIMPLE }) { id } }`,
      { id },
    );
    await read(
      'board.dammam',
      `mutation($id: ID!, $key: String!) { castVote(ballotId: $id, choice: YES, idempotencyKey: $key) { choice } }`,
      { id: openBallot.id, key: randomUUID() },
    );
    await read('secretariat', CLOSE_BALLOT, { id: openBallot.id });
    const data = await read<{ implementationPlans: Ref[] }>(
      'secretariat',
      `query($id: ID!) { implementationPlans(proposalId: $id) { id } }`,
      { id },
    );
    expect(data.implementationPlans).toHaveLength(1);
    return data.implementationPlans[0].id;
  }

  /** A Dammam task due in 2040 unless `fields` say otherwise, added by the secretariat. */
  async function addItem(planId: string, title: string, fields: Vars = {}): Promise<ItemData> {
    const data = await read<{ createActionItem: ItemData }>('secretariat', CREATE, {
      input: { planId, title: { en: title }, ownerCityId: city('dammam'), startDate: START, dueDate: DUE, ...fields },
    });
    return data.createActionItem;
  }

  const versionOf = async (id: string): Promise<number> =>
    (
      await read<{ actionItem: { version: number } }>(
        'secretariat',
        `query($id: ID!) { actionItem(id: $id) { version } }`,
        { id },
      )
    ).actionItem.version;

  /** `who` sends `event` at the item's current version. */
  const send = async (who: Who, id: string, event: string, comment?: string) =>
    gql<{ transitionActionItem: ItemData }>(who, TRANSITION, { id, event, version: await versionOf(id), comment });

  async function sent(who: Who, id: string, event: string, comment?: string): Promise<ItemData> {
    const result = await send(who, id, event, comment);
    expect(result.errors).toBeUndefined();
    return result.data!.transitionActionItem;
  }

  const report = (who: Who, id: string, percent: number, note?: string) =>
    gql<{ reportProgress: ItemData }>(who, REPORT, { id, percent, note });

  async function reported(who: Who, id: string, percent: number, note?: string): Promise<ItemData> {
    const result = await report(who, id, percent, note);
    expect(result.errors).toBeUndefined();
    return result.data!.reportProgress;
  }

  /** A new item taken by the secretariat from planned to `state`. */
  async function itemIn(planId: string, state: string, title: string, fields: Vars = {}): Promise<ItemData> {
    let item = await addItem(planId, title, fields);
    for (const [event, comment] of PATH[state]) item = await sent('secretariat', item.id, event, comment);
    expect(item.state).toBe(state);
    return item;
  }

  beforeAll(async () => {
    api = await startApi();
    callers.set(NOBODY, api.caller(null));
    for (const who of EVERYONE) callers.set(who, await api.as(who));
    const cities = await read<{ memberCities: Array<Ref & { code: string }> }>(
      'secretariat',
      '{ memberCities { id code } }',
    );
    for (const { id, code } of cities.memberCities) cityIds.set(code, id);
    const meetings = await read<{ meetings: { edges: Array<{ node: Ref }> } }>(
      'secretariat',
      '{ meetings(filter: { kind: ANNUAL, state: planned }) { edges { node { id } } } }',
    );
    meetingId = meetings.meetings.edges[0].node.id;
  });

  afterAll(() => api?.close());

  describe('who may change what: the secretariat manages, the owner city reports and moves its own items', () => {
    let planId: string;
    /** Dammam items, one per state an event starts from; the refused attempts aim at these. */
    const targets = new Map<string, ItemData>();
    const target = (state: string): string => targets.get(state)?.id ?? '';

    /** Everyone who may neither manage a plan nor touch a Dammam item, with the code they get. */
    const STRANGERS: Refusal[] = [
      ['delegate.houston', 'FORBIDDEN'],
      ['admin', 'FORBIDDEN'],
      ['board.dammam', 'FORBIDDEN'],
      ['board.aberdeen', 'FORBIDDEN'],
      ['observer.dammam', 'FORBIDDEN'],
      [NOBODY, 'UNAUTHENTICATED'],
    ];
    const NOT_SECRETARIAT: Refusal[] = [['delegate.dammam', 'FORBIDDEN'], ...STRANGERS];
    /** The state each event is sent from. */
    const FROM: Record<string, string> = {
      START: 'planned',
      BLOCK: 'inProgress',
      UNBLOCK: 'blocked',
      COMPLETE: 'inProgress',
      VERIFY: 'done',
      CANCEL: 'planned',
    };
    const TO: Record<string, string> = {
      START: 'inProgress',
      BLOCK: 'blocked',
      UNBLOCK: 'inProgress',
      COMPLETE: 'done',
      VERIFY: 'verified',
      CANCEL: 'cancelled',
    };
    const reason = (event: string): string | undefined => (event === 'BLOCK' ? BLOCK_REASON : undefined);

    const attempts: Record<string, (who: Who) => Promise<GraphqlResponse>> = {
      createActionItem: (who) =>
        gql(who, CREATE, {
          input: {
            planId,
            title: { en: `Added by ${who}` },
            ownerCityId: city('dammam'),
            startDate: START,
            dueDate: DUE,
          },
        }),
      updateActionItem: async (who) =>
        gql(who, UPDATE, {
          id: target('planned'),
          input: { expectedVersion: await versionOf(target('planned')), title: { en: `Renamed by ${who}` }, weight: 5 },
        }),
      reportProgress: (who) => report(who, target('inProgress'), 55, `Reported by ${who}`),
      setImplementationPlanProgramme: (who) => gql(who, PROGRAMME, { id: planId, programme: { en: `Set by ${who}` } }),
      ...Object.fromEntries(
        Object.keys(FROM).map((event) => [
          `transitionActionItem ${event}`,
          (who: Who) => send(who, target(FROM[event]), event, reason(event)),
        ]),
      ),
    };

    const refusals = [
      ...['createActionItem', 'updateActionItem', 'setImplementationPlanProgramme'].flatMap((operation) =>
        NOT_SECRETARIAT.map(([who, code]) => [who, operation, code] as const),
      ),
      ...['reportProgress', 'START', 'BLOCK', 'UNBLOCK', 'COMPLETE'].flatMap((operation) =>
        STRANGERS.map(
          ([who, code]) =>
            [who, operation === 'reportProgress' ? operation : `transitionActionItem ${operation}`, code] as const,
        ),
      ),
      ...['VERIFY', 'CANCEL'].flatMap((event) =>
        NOT_SECRETARIAT.map(([who, code]) => [who, `transitionActionItem ${event}`, code] as const),
      ),
    ];

    beforeAll(async () => {
      planId = await approvedPlan('Access');
      for (const state of ['planned', 'inProgress', 'blocked', 'done'])
        targets.set(state, await itemIn(planId, state, `Target ${state}`));
      await reported('secretariat', target('inProgress'), 10, 'First steps');
    });

    it.each(refusals)('%s may not %s (%s), and nothing changes', (who, operation, code) =>
      expectRefused(planId, () => attempts[operation](who), code),
    );

    it('secretariat may createActionItem, updateActionItem and setImplementationPlanProgramme', async () => {
      const created = await addItem(planId, 'By the secretariat', { ownerCityId: city('houston'), weight: 2 });
      expect(created).toMatchObject({ state: 'planned', version: 1, progress: 0, weight: 2, parentId: null });
      const updated = await read<{ updateActionItem: ItemData }>('secretariat', UPDATE, {
        id: created.id,
        input: { expectedVersion: 1, title: { en: 'Renamed' }, dueDate: '2040-06-30', weight: null },
      });
      expect(updated.updateActionItem).toMatchObject({
        title: { text: 'Renamed' },
        dueDate: '2040-06-30',
        weight: null,
        version: 2,
      });
      const programme = await read<{
        setImplementationPlanProgramme: { version: number; programme: { text: string } };
      }>('secretariat', PROGRAMME, { id: planId, programme: { en: 'Training exchange' } });
      expect(programme.setImplementationPlanProgramme).toMatchObject({
        version: 2,
        programme: { text: 'Training exchange' },
      });
      const cleared = await read<{ setImplementationPlanProgramme: { programme: null } }>('secretariat', PROGRAMME, {
        id: planId,
        programme: null,
      });
      expect(cleared.setImplementationPlanProgramme).toMatchObject({ version: 3, programme: null });
    });

    it.each([
      ['secretariat', 'dammam'],
      ['delegate.dammam', 'dammam'],
      ['delegate.houston', 'houston'], // a delegate of its owner city, though not its head
    ])('%s may reportProgress on a %s item', async (who, owner) => {
      const item = await itemIn(planId, 'inProgress', `Reported by ${who}`, { ownerCityId: city(owner) });
      const after = await reported(who, item.id, 35, 'Halfway to the first milestone');
      expect(after).toMatchObject({ progress: 35, version: item.version + 1, state: 'inProgress' });
      const history = await read<{
        actionItem: { progressReports: Array<{ percent: number; reportedBy: { email: string } }> };
      }>(
        'secretariat',
        `query($id: ID!) { actionItem(id: $id) { progressReports { percent reportedBy { email } } } }`,
        { id: item.id },
      );
      expect(history.actionItem.progressReports).toEqual([
        { percent: 35, reportedBy: { email: `${who}@demo.majlis` } },
      ]);
    });

    it.each([
      ...['START', 'BLOCK', 'UNBLOCK', 'COMPLETE'].flatMap((event) => [
        ['secretariat', event, 'dammam'],
        ['delegate.dammam', event, 'dammam'],
      ]),
      ['delegate.houston', 'START', 'houston'],
      ['delegate.houston', 'COMPLETE', 'houston'],
      ['secretariat', 'VERIFY', 'dammam'],
      ['secretariat', 'CANCEL', 'dammam'],
    ])('%s may transitionActionItem %s on a %s item', async (who, event, owner) => {
      const item = await itemIn(planId, FROM[event], `${event} by ${who}`, { ownerCityId: city(owner) });
      const moved = await sent(who, item.id, event, reason(event));
      expect(moved).toMatchObject({
        state: TO[event],
        version: item.version + 1,
        blockedReason: event === 'BLOCK' ? BLOCK_REASON : null,
      });
      const stored = await read<{ actionItem: ItemData }>(
        'secretariat',
        `query($id: ID!) { actionItem(id: $id) { ${ITEM} } }`,
        {
          id: item.id,
        },
      );
      expect(stored.actionItem).toEqual(moved);
    });

    it.each([
      ['secretariat', ['BLOCK', 'CANCEL', 'COMPLETE']],
      ['delegate.dammam', ['BLOCK', 'COMPLETE']],
      ['delegate.houston', []],
      ['admin', []],
      ['board.dammam', []],
      ['observer.dammam', []],
    ])('%s is offered %j on a Dammam item in progress', async (who, events) => {
      const data = await read<{ actionItem: { availableEvents: string[] } }>(
        who,
        `query($id: ID!) { actionItem(id: $id) { availableEvents } }`,
        { id: target('inProgress') },
      );
      expect([...data.actionItem.availableEvents].sort()).toEqual(events);
    });

    describe('reads: every role', () => {
      const READS: Record<string, { query: string; check: (data: Record<string, unknown>) => void }> = {
        implementationPlans: {
          query: '{ implementationPlans { id proposalId } }',
          check: (data) =>
            expect(data.implementationPlans).toContainEqual({ id: planId, proposalId: expect.any(String) }),
        },
        implementationPlan: {
          query: 'query($id: ID!) { implementationPlan(id: $id) { id title { text } allItems { id } } }',
          check: (data) => expect(data.implementationPlan).toMatchObject({ id: planId, title: { text: 'Access' } }),
        },
        actionItems: {
          query:
            'query($id: ID!) { actionItems(filter: { planId: $id }, first: 100) { totalCount edges { node { id state } } } }',
          check: (data) => expect(data.actionItems).toMatchObject({ totalCount: expect.any(Number) }),
        },
        actionItem: {
          query: `query($target: ID!) { actionItem(id: $target) { id state progress progressReports { percent note } } }`,
          check: (data) =>
            expect(data.actionItem).toEqual({
              id: target('inProgress'),
              state: 'inProgress',
              progress: 10,
              progressReports: [{ percent: 10, note: 'First steps' }],
            }),
        },
        followupByCity: {
          query:
            'query($id: ID) { followupByCity(planId: $id) { memberCityId summary { itemCount progress status } } }',
          check: (data) =>
            expect(data.followupByCity).toContainEqual(expect.objectContaining({ memberCityId: city('dammam') })),
        },
      };
      const variables = (): Vars => ({ id: planId, target: target('inProgress') });
      const queryFor = (operation: string): { query: string; vars: Vars } => {
        const { query } = READS[operation];
        const all = variables();
        const vars = Object.fromEntries(Object.entries(all).filter(([name]) => query.includes(`$${name}`)));
        return { query, vars };
      };

      it.each(EVERYONE.flatMap((who) => Object.keys(READS).map((operation) => [who, operation] as const)))(
        '%s may read %s, and reads what the secretariat reads',
        async (who, operation) => {
          const { query, vars } = queryFor(operation);
          const data = await read<Record<string, unknown>>(who, query, vars);
          READS[operation].check(data);
          expect(data).toEqual(await read('secretariat', query, vars));
        },
      );

      it.each(Object.keys(READS))(`${NOBODY} may not read %s (UNAUTHENTICATED)`, async (operation) => {
        const { query, vars } = queryFor(operation);
        expectCode(await gql(NOBODY, query, vars), 'UNAUTHENTICATED');
      });
    });
  });

  describe('bad input: refused naming the field, changing nothing', () => {
    let planId: string;
    let leaf: ItemData;

    beforeAll(async () => {
      planId = await approvedPlan('Bad input');
      leaf = await itemIn(planId, 'inProgress', 'Leaf');
      await reported('delegate.dammam', leaf.id, 20);
    });

    it('refuses a percentage that is no whole number (50.5) before it reaches the service', async () => {
      const before = await planState(planId);
      const result = await report('delegate.dammam', leaf.id, 50.5);
      expectCode(result, 'BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('$percent');
      expect(await planState(planId)).toEqual(before);
    });
  });

  describe('progress history', () => {
    it('refuses a language that majlis does not speak, changing nothing', async () => {
      const planId = await approvedPlan('Note language refused');
      const item = await itemIn(planId, 'inProgress', 'Exchange');
      const before = await planState(planId);
      const result = await gql(
        'secretariat',
        `mutation($id: ID!) { reportProgress(actionItemId: $id, percent: 5, note: "x", language: fr) { id } }`,
        { id: item.id },
      );
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await planState(planId)).toEqual(before);
    });
  });
});
