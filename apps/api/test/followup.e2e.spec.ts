import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@majlis/demo';
import { OutboxWriter, TOPICS } from '@majlis/domain';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

/**
 * The follow-up of approved decisions over GraphQL, against the database: approval opens the plan; a
 * parent's progress is the weighted mean of its children, recomputed in the transaction of each change;
 * who may change what (each refusal changing nothing); bad input; the progress history; the views.
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
/** Long past: an open item due then is overdue. */
const PAST_START = '2020-01-01';
const PAST_DUE = '2020-01-10';
const BLOCK_REASON = 'Waiting for the venue contract';
const OPEN = ['planned', 'inProgress', 'blocked'];

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
const ITEMS = `query($filter: ActionItemFilter) { actionItems(filter: $filter, first: 100) { totalCount edges { node { title { text } } } } }`;

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
interface SummaryData {
  itemsByState: Array<{ state: string; count: number }>;
  itemCount: number;
  overdueCount: number;
  progress: number;
  status: string;
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

const countsOf = (summary: SummaryData): Record<string, number> =>
  Object.fromEntries(summary.itemsByState.filter(({ count }) => count > 0).map(({ state, count }) => [state, count]));

describe('follow-up of approved decisions over GraphQL', () => {
  let api: ApiHarness;
  const tokens = new Map<Who, string>();
  const cityIds = new Map<string, string>();
  let meetingId: string;

  const gql = <T = Record<string, unknown>>(who: Who, query: string, variables: Vars = {}, language = 'en') => {
    const token = tokens.get(who);
    if (who !== NOBODY && token === undefined) throw new Error(`no token for ${who}`);
    return api.graphql<T>(query, variables, {
      'accept-language': language,
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    });
  };

  /** The data of a request that must succeed. */
  async function read<T>(who: Who, query: string, variables: Vars = {}, language = 'en'): Promise<T> {
    const result = await gql<T>(who, query, variables, language);
    expect(result.errors).toBeUndefined();
    if (result.data === undefined || result.data === null) throw new Error(`no data: ${JSON.stringify(result)}`);
    return result.data;
  }

  /** Refused with exactly one error carrying `code` (and naming `field`, when given), and no data. */
  function expectCode(result: GraphqlResponse, code: Code, field?: string): void {
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions?.code).toBe(code);
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

  /** A new Dammam proposal through review and scheduling to an open ballot with one vote, not closed yet. */
  async function voted(title: string, choice: 'YES' | 'NO'): Promise<{ id: string; ballotId: string }> {
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
      `mutation($id: ID!, $choice: VoteChoice!, $key: String!) { castVote(ballotId: $id, choice: $choice, idempotencyKey: $key) { choice } }`,
      { id: openBallot.id, choice, key: randomUUID() },
    );
    return { id, ballotId: openBallot.id };
  }

  /** A new Dammam proposal through review and scheduling to a ballot of one vote: approved on YES, rejected on NO. */
  async function decided(title: string, choice: 'YES' | 'NO'): Promise<string> {
    const { id, ballotId } = await voted(title, choice);
    await read('secretariat', CLOSE_BALLOT, { id: ballotId });
    return id;
  }

  /** The implementation plan of a newly approved proposal. */
  async function approvedPlan(title: string): Promise<string> {
    const proposalId = await decided(title, 'YES');
    const data = await read<{ implementationPlans: Ref[] }>(
      'secretariat',
      `query($id: ID!) { implementationPlans(proposalId: $id) { id } }`,
      { id: proposalId },
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

  const report = (who: Who, id: string, percent: number, note?: string, language = 'en') =>
    gql<{ reportProgress: ItemData }>(who, REPORT, { id, percent, note }, language);

  async function reported(who: Who, id: string, percent: number, note?: string, language = 'en'): Promise<ItemData> {
    const result = await report(who, id, percent, note, language);
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
    for (const who of EVERYONE) tokens.set(who, await api.tokenFor(`${who}@demo.majlis`));
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

  describe('approval opens the plan', () => {
    const PROPOSAL_PLAN = `query($id: ID!) {
      proposal(id: $id) {
        state
        implementationPlan { id result ballot { result } title { text } items { id } }
      }
    }`;

    it('gives a proposal approved by a ballot a plan carrying the ballot, its result and the title, with no items yet', async () => {
      const proposalId = await decided('Training exchange programme', 'YES');
      const data = await read<{ proposal: { state: string; implementationPlan: Ref | null } }>(
        'observer.dammam',
        PROPOSAL_PLAN,
        { id: proposalId },
      );
      expect(data.proposal).toEqual({
        state: 'approved',
        implementationPlan: {
          id: expect.any(String),
          result: 'passed',
          ballot: { result: 'passed' },
          title: { text: 'Training exchange programme' },
          items: [],
        },
      });
      const plans = await read<{ implementationPlans: Array<Ref & { proposalId: string }> }>(
        'board.perth',
        '{ implementationPlans { id proposalId } }',
      );
      expect(plans.implementationPlans).toContainEqual({
        id: data.proposal.implementationPlan?.id,
        proposalId,
      });
    });

    it('gives a proposal rejected by a ballot none', async () => {
      const proposalId = await decided('A second headquarters', 'NO');
      const data = await read<{ proposal: unknown }>('secretariat', PROPOSAL_PLAN, { id: proposalId });
      expect(data.proposal).toEqual({ state: 'rejected', implementationPlan: null });
      const plans = await read<{ implementationPlans: Ref[] }>(
        'secretariat',
        `query($id: ID!) { implementationPlans(proposalId: $id) { id } }`,
        { id: proposalId },
      );
      expect(plans.implementationPlans).toEqual([]);
    });

    it('opens the plan in the approving transaction: a reaction to the approval that fails undoes the approval', async () => {
      const { id, ballotId } = await voted('Approved only with its plan', 'YES');
      const failing = new Set([id]);
      // Registered after follow-up's own reaction: the plan is inserted, then this one throws.
      api.app.get(OutboxWriter).react(TOPICS.proposalApproved, async (_manager, approved) => {
        if (failing.has(approved.entityId)) throw new Error('a reaction to the approval failed');
      });
      const ballotState = `query($id: ID!) { proposal(id: $id) { state ballot { state result } implementationPlan { id } } }`;
      expect((await gql('secretariat', CLOSE_BALLOT, { id: ballotId })).errors).toHaveLength(1);
      expect(await read('secretariat', ballotState, { id })).toEqual({
        proposal: { state: 'voting', ballot: { state: 'open', result: null }, implementationPlan: null },
      });

      failing.delete(id);
      await read('secretariat', CLOSE_BALLOT, { id: ballotId });
      expect(await read('secretariat', ballotState, { id })).toEqual({
        proposal: {
          state: 'approved',
          ballot: { state: 'closed', result: 'passed' },
          implementationPlan: { id: expect.any(String) },
        },
      });
      // now() is the transaction's start: the plan and the approving transition share it.
      const [together] = await api.app.get<DataSource>(getDataSourceToken()).query<Array<{ same: boolean }>>(
        `SELECT plan.created_at = step.created_at AS same FROM implementation_plan plan
             JOIN workflow_transition step ON step.entity_id = plan.proposal_id AND step.to_state = 'approved'
            WHERE plan.proposal_id = $1`,
        [id],
      );
      expect(together).toEqual({ same: true });
    });
  });

  describe('views by state, city, due date and overdue', () => {
    let planId: string;

    const titles = async (filter: Vars): Promise<string[]> => {
      const data = await read<{
        actionItems: { totalCount: number; edges: Array<{ node: { title: { text: string } } }> };
      }>('board.aberdeen', ITEMS, { filter });
      expect(data.actionItems.totalCount).toBe(data.actionItems.edges.length);
      return data.actionItems.edges.map((edge) => edge.node.title.text).sort();
    };

    /** Every action item in the database, read without a filter. */
    const everyItem = async (): Promise<Array<{ title: { text: string }; state: string; dueDate: string }>> => {
      const data = await read<{
        actionItems: {
          totalCount: number;
          edges: Array<{ node: { title: { text: string }; state: string; dueDate: string } }>;
        };
      }>('secretariat', '{ actionItems(first: 100) { totalCount edges { node { title { text } state dueDate } } } }');
      expect(data.actionItems.totalCount).toBe(data.actionItems.edges.length);
      return data.actionItems.edges.map((edge) => edge.node);
    };

    beforeAll(async () => {
      planId = await approvedPlan('Views');
      await addItem(planId, 'Dammam permits', { startDate: PAST_START, dueDate: PAST_DUE });
      const venue = await itemIn(planId, 'inProgress', 'Dammam venue');
      await reported('delegate.dammam', venue.id, 30);
      await sent('delegate.dammam', venue.id, 'BLOCK', BLOCK_REASON);
      const milestone = await addItem(planId, 'Houston milestone', { kind: 'MILESTONE', ownerCityId: city('houston') });
      const curriculum = await itemIn(planId, 'inProgress', 'Houston curriculum', {
        parentId: milestone.id,
        ownerCityId: city('houston'),
        startDate: PAST_START,
        dueDate: '2020-02-15',
      });
      await reported('delegate.houston', curriculum.id, 100);
      await sent('delegate.houston', curriculum.id, 'COMPLETE');
      await addItem(planId, 'Houston exchange', { parentId: milestone.id, ownerCityId: city('houston') });
      const visit = await itemIn(planId, 'inProgress', 'Aberdeen visit', { ownerCityId: city('aberdeen') });
      await reported('secretariat', visit.id, 40);
      await sent('secretariat', visit.id, 'BLOCK', BLOCK_REASON);
      await itemIn(planId, 'cancelled', 'Perth study', {
        ownerCityId: city('perth'),
        startDate: PAST_START,
        dueDate: '2020-03-01',
      });
    });

    it('overdue: true gives the open items past their due date, not the done or cancelled ones', async () => {
      expect(await titles({ planId, overdue: true })).toEqual(['Dammam permits']);
      expect(await titles({ planId, overdue: false })).toEqual([
        'Aberdeen visit',
        'Dammam venue',
        'Houston curriculum',
        'Houston exchange',
        'Houston milestone',
        'Perth study',
      ]);
      // Across plans (the demo's too): exactly the open items due before today.
      const today = new Date().toISOString().slice(0, 10);
      const overdue = (await everyItem()).filter((item) => OPEN.includes(item.state) && item.dueDate < today);
      expect(overdue.map((item) => item.title.text)).toContain('Dammam permits');
      expect(await titles({ overdue: true })).toEqual(overdue.map((item) => item.title.text).sort());
    });

    it('state: blocked gives the blocked items', async () => {
      expect(await titles({ planId, state: 'blocked' })).toEqual(['Aberdeen visit', 'Dammam venue']);
    });

    it("memberCityId gives that city's items, nested or not", async () => {
      expect(await titles({ planId, memberCityId: city('houston') })).toEqual([
        'Houston curriculum',
        'Houston exchange',
        'Houston milestone',
      ]);
      expect(await titles({ planId, memberCityId: city('calgary') })).toEqual([]);
    });

    it('planId gives every item of the plan, soonest due first', async () => {
      const data = await read<{ actionItems: { edges: Array<{ node: { dueDate: string } }> } }>(
        'observer.dammam',
        `query($planId: ID!) { actionItems(filter: { planId: $planId }) { edges { node { dueDate } } } }`,
        { planId },
      );
      expect(data.actionItems.edges.map((edge) => edge.node.dueDate)).toEqual([
        PAST_DUE,
        '2020-02-15',
        '2020-03-01',
        DUE,
        DUE,
        DUE,
        DUE,
      ]);
    });

    it('dueBefore gives the items due strictly before the date, in any state', async () => {
      expect(await titles({ planId, dueBefore: '2021-01-01' })).toEqual([
        'Dammam permits',
        'Houston curriculum',
        'Perth study',
      ]);
      expect(await titles({ planId, dueBefore: '2020-02-15' })).toEqual(['Dammam permits']);
      expect(await titles({ planId, dueBefore: PAST_DUE })).toEqual([]);
      // Across plans (the demo's too).
      const dueBefore = (await everyItem()).filter((item) => item.dueDate < '2027-01-01');
      expect(await titles({ dueBefore: '2027-01-01' })).toEqual(dueBefore.map((item) => item.title.text).sort());
    });

    it('followupByCity gives each city its counts by state, overdue count, progress and status', async () => {
      const data = await read<{ followupByCity: Array<{ memberCityId: string; summary: SummaryData }> }>(
        'delegate.houston',
        `query($planId: ID) {
          followupByCity(planId: $planId) {
            memberCityId summary { itemsByState { state count } itemCount overdueCount progress status }
          }
        }`,
        { planId },
      );
      const codeOf = new Map([...cityIds].map(([code, id]) => [id, code]));
      const byCity = Object.fromEntries(
        data.followupByCity.map(({ memberCityId, summary }) => [
          codeOf.get(memberCityId),
          { ...summary, itemsByState: countsOf(summary) },
        ]),
      );
      expect(byCity).toEqual({
        // An open item past its due date: late, though another is blocked.
        dammam: {
          itemsByState: { planned: 1, blocked: 1 },
          itemCount: 2,
          overdueCount: 1,
          progress: 15,
          status: 'late',
        },
        // Its milestone is its top item: (100 + 0) / 2; the done item past its due date is not late.
        houston: {
          itemsByState: { planned: 2, done: 1 },
          itemCount: 3,
          overdueCount: 0,
          progress: 50,
          status: 'onTrack',
        },
        aberdeen: { itemsByState: { blocked: 1 }, itemCount: 1, overdueCount: 0, progress: 40, status: 'atRisk' },
        // Cancelled past its due date: neither overdue nor counted in the progress.
        perth: { itemsByState: { cancelled: 1 }, itemCount: 1, overdueCount: 0, progress: 0, status: 'onTrack' },
      });
    });

    it("the plan's summary counts every item and weighs its top level", async () => {
      const data = await read<{ implementationPlan: { summary: SummaryData } }>(
        'admin',
        `query($id: ID!) { implementationPlan(id: $id) { summary { itemsByState { state count } itemCount overdueCount progress status } } }`,
        { id: planId },
      );
      const { summary } = data.implementationPlan;
      // Tops: permits 0, venue 30, milestone 50, visit 40; the cancelled study left out.
      expect({ ...summary, itemsByState: countsOf(summary) }).toEqual({
        itemsByState: { planned: 3, blocked: 2, done: 1, cancelled: 1 },
        itemCount: 7,
        overdueCount: 1,
        progress: 30,
        status: 'late',
      });
    });
  });

  describe('roll-up, recomputed in the transaction of each change', () => {
    let planId: string;
    const ids = new Map<string, string>();
    const names = new Map<string, string>();
    /** What every item and the plan should show now; each test changes it and compares. */
    let expected: Record<string, number>;

    const id = (name: string): string => ids.get(name) ?? '';

    /** Every item's progress by name, and the plan's summary as `plan`, read right after a change. */
    async function progressNow(): Promise<Record<string, number>> {
      const data = await read<{
        implementationPlan: { summary: { progress: number }; allItems: Array<Ref & { progress: number }> };
      }>(
        'secretariat',
        `query($id: ID!) { implementationPlan(id: $id) { summary { progress } allItems { id progress } } }`,
        {
          id: planId,
        },
      );
      return Object.fromEntries([
        ['plan', data.implementationPlan.summary.progress],
        ...data.implementationPlan.allItems.map((item) => [names.get(item.id) ?? item.id, item.progress]),
      ]);
    }

    const add = async (name: string, parent: string | null, fields: Vars = {}): Promise<void> => {
      const item = await addItem(planId, name, { ...fields, parentId: parent === null ? null : id(parent) });
      ids.set(name, item.id);
      names.set(item.id, name);
    };

    beforeAll(async () => {
      planId = await approvedPlan('Roll-up');
      // M1 { a ×3, b ×1, M1x ×2 { c, d } }, M2 ×2 { e, f }, g: two levels, with and without weights.
      await add('M1', null, { kind: 'MILESTONE' });
      await add('a', 'M1', { weight: 3 });
      await add('b', 'M1', { weight: 1 });
      await add('M1x', 'M1', { kind: 'MILESTONE', weight: 2 });
      await add('c', 'M1x');
      await add('d', 'M1x');
      await add('M2', null, { kind: 'MILESTONE', weight: 2 });
      await add('e', 'M2', { ownerCityId: city('houston') });
      await add('f', 'M2', { ownerCityId: city('houston') });
      await add('g', null);
      expected = { plan: 0, M1: 0, a: 0, b: 0, M1x: 0, c: 0, d: 0, M2: 0, e: 0, f: 0, g: 0 };
    });

    it('starts every item and the plan at 0', async () => {
      expect(await progressNow()).toEqual(expected);
    });

    it.each([
      // M1 = (3·40 + 1·b + 2·M1x) / 6; M2 = (e + f) / 2; plan = (M1 + 2·M2 + g) / 4, from unrounded values.
      ['delegate.dammam', 'a', 40, { M1: 20, plan: 5 }],
      ['delegate.dammam', 'b', 100, { M1: 37, plan: 9 }], // 220/6 = 36.67; plan 9.17
      ['secretariat', 'c', 10, { M1x: 5, M1: 38, plan: 10 }], // 230/6 = 38.33; plan 9.58
      ['delegate.dammam', 'd', 50, { M1x: 30, M1: 47, plan: 12 }], // 280/6 = 46.67; plan 11.67
      ['delegate.houston', 'e', 20, { M2: 10, plan: 17 }], // (46.67 + 20) / 4 = 16.67
      ['delegate.houston', 'f', 70, { M2: 45, plan: 34 }], // (46.67 + 90) / 4 = 34.17
      ['secretariat', 'g', 60, { plan: 49 }], // (46.67 + 90 + 60) / 4 = 49.17
    ] as const)(
      '%s reports %s at %d: every parent above it is the weighted mean at once',
      async (who, leaf, percent, parents) => {
        const item = await reported(who, id(leaf), percent);
        expect(item.progress).toBe(percent);
        expected = { ...expected, [leaf]: percent, ...parents };
        expect(await progressNow()).toEqual(expected);
      },
    );

    it('leaves a cancelled child out of its parent, and a cancelled top item out of the plan', async () => {
      await sent('secretariat', id('b'), 'CANCEL');
      // M1 = (3·40 + 2·30) / 5 = 36; plan = (36 + 90 + 60) / 4 = 46.5.
      expected = { ...expected, M1: 36, plan: 47 };
      expect(await progressNow()).toEqual(expected);
      await sent('secretariat', id('g'), 'CANCEL');
      // plan = (36 + 2·45) / 3 = 42; g keeps its own.
      expected = { ...expected, plan: 42 };
      expect(await progressNow()).toEqual(expected);
    });

    it('weighs again when a weight changes', async () => {
      await read('secretariat', UPDATE, {
        id: id('M2'),
        input: { expectedVersion: await versionOf(id('M2')), weight: null },
      });
      // plan = (36 + 45) / 2 = 40.5.
      expected = { ...expected, plan: 41 };
      expect(await progressNow()).toEqual(expected);
    });

    it('updates both the old and the new parent when an item moves', async () => {
      const data = await read<{ updateActionItem: ItemData }>('secretariat', UPDATE, {
        id: id('f'),
        input: { expectedVersion: await versionOf(id('f')), parentId: id('M1x') },
      });
      expect(data.updateActionItem).toMatchObject({ parentId: id('M1x'), progress: 70 });
      // M2 = e = 20; M1x = (10 + 50 + 70) / 3 = 43.33; M1 = (3·40 + 2·43.33) / 5 = 41.33; plan = (41.33 + 20) / 2.
      expected = { ...expected, M2: 20, M1x: 43, M1: 41, plan: 31 };
      expect(await progressNow()).toEqual(expected);
    });

    it('rounds once, at the end, from the leaves: not level by level', async () => {
      const roundingPlan = await approvedPlan('Rounding');
      const root = await addItem(roundingPlan, 'R', { kind: 'MILESTONE' });
      const milestone = await addItem(roundingPlan, 'M', { kind: 'MILESTONE', parentId: root.id });
      await addItem(roundingPlan, 'p', { parentId: milestone.id });
      const q = await addItem(roundingPlan, 'q', { parentId: milestone.id });
      const leaf = await addItem(roundingPlan, 'L', { parentId: root.id });
      await reported('secretariat', q.id, 1);
      const now = async () => {
        const data = await read<{
          implementationPlan: {
            summary: { progress: number };
            allItems: Array<{ title: { text: string }; progress: number }>;
          };
        }>(
          'secretariat',
          `query($id: ID!) { implementationPlan(id: $id) { summary { progress } allItems { title { text } progress } } }`,
          { id: roundingPlan },
        );
        return Object.fromEntries([
          ['plan', data.implementationPlan.summary.progress],
          ...data.implementationPlan.allItems.map((item) => [item.title.text, item.progress]),
        ]);
      };
      // M = (0 + 1) / 2 = 0.5, shown as 1; R = (0.5 + 0) / 2 = 0.25 → 0 (from M's 1 it would be 0.5 → 1).
      expect(await now()).toEqual({ plan: 0, R: 0, M: 1, p: 0, q: 1, L: 0 });
      // L to the top level: R = M = 0.5 → 1; the plan = (0.5 + 0) / 2 = 0.25 → 0 (from R's 1, 0.5 → 1).
      await read('secretariat', UPDATE, { id: leaf.id, input: { expectedVersion: leaf.version, parentId: null } });
      expect(await now()).toEqual({ plan: 0, R: 1, M: 1, p: 0, q: 1, L: 0 });
    });
  });

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
    let milestone: ItemData;
    let child: ItemData;
    let grandchild: ItemData;
    let leaf: ItemData;
    let cancelled: ItemData;

    const update = async (item: ItemData, input: Vars) =>
      gql('secretariat', UPDATE, {
        id: item.id,
        input: { expectedVersion: await versionOf(item.id), ...input },
      });
    const create = (input: Vars) =>
      gql('secretariat', CREATE, {
        input: {
          planId,
          title: { en: 'Refused' },
          ownerCityId: city('dammam'),
          startDate: START,
          dueDate: DUE,
          ...input,
        },
      });

    beforeAll(async () => {
      planId = await approvedPlan('Bad input');
      milestone = await addItem(planId, 'Milestone', { kind: 'MILESTONE' });
      child = await addItem(planId, 'Child', { kind: 'MILESTONE', parentId: milestone.id });
      grandchild = await addItem(planId, 'Grandchild', { parentId: child.id });
      leaf = await itemIn(planId, 'inProgress', 'Leaf');
      await reported('delegate.dammam', leaf.id, 20);
      cancelled = await itemIn(planId, 'cancelled', 'Cancelled');
    });

    const CASES: Array<[string, () => Promise<GraphqlResponse>, Code, string]> = [
      ['reportProgress at -1', () => report('delegate.dammam', leaf.id, -1), 'BAD_USER_INPUT', 'percent'],
      ['reportProgress at 101', () => report('delegate.dammam', leaf.id, 101), 'BAD_USER_INPUT', 'percent'],
      [
        'a note PostgreSQL cannot store (NUL)',
        () => report('delegate.dammam', leaf.id, 30, 'half\u0000done'),
        'BAD_USER_INPUT',
        'note',
      ],
      [
        'reportProgress on a cancelled item',
        () => report('secretariat', cancelled.id, 50),
        'BAD_USER_INPUT',
        'actionItemId',
      ],
      [
        'reportProgress on an item with children',
        () => report('secretariat', child.id, 50),
        'BAD_USER_INPUT',
        'actionItemId',
      ],
      [
        'createActionItem due before its start',
        () => create({ startDate: '2040-05-02', dueDate: '2040-05-01' }),
        'BAD_USER_INPUT',
        'dueDate',
      ],
      [
        'updateActionItem due before its start',
        () => update(leaf, { dueDate: '2039-12-31' }),
        'BAD_USER_INPUT',
        'dueDate',
      ],
      [
        'updateActionItem starting after its due date',
        () => update(leaf, { startDate: '2041-01-01' }),
        'BAD_USER_INPUT',
        'startDate',
      ],
      [
        'updateActionItem moving a milestone under its own grandchild',
        () => update(milestone, { parentId: grandchild.id }),
        'BAD_USER_INPUT',
        'parentId',
      ],
      [
        'updateActionItem moving a milestone under its own child',
        () => update(milestone, { parentId: child.id }),
        'BAD_USER_INPUT',
        'parentId',
      ],
      [
        'updateActionItem moving a milestone under itself',
        () => update(milestone, { parentId: milestone.id }),
        'BAD_USER_INPUT',
        'parentId',
      ],
      [
        'createActionItem starting on 2026-02-30',
        () => create({ startDate: '2026-02-30' }),
        'BAD_USER_INPUT',
        'startDate',
      ],
      ['createActionItem due 2040-1-5', () => create({ dueDate: '2040-1-5' }), 'BAD_USER_INPUT', 'dueDate'],
      [
        'updateActionItem due on 2026-02-30',
        () => update(leaf, { dueDate: '2026-02-30' }),
        'BAD_USER_INPUT',
        'dueDate',
      ],
      ['createActionItem of weight 0', () => create({ weight: 0 }), 'BAD_USER_INPUT', 'weight'],
      ['updateActionItem to weight 0', () => update(leaf, { weight: 0 }), 'BAD_USER_INPUT', 'weight'],
      ['createActionItem of weight 1001', () => create({ weight: 1001 }), 'BAD_USER_INPUT', 'weight'],
      [
        'transitionActionItem BLOCK without a reason',
        () => send('secretariat', leaf.id, 'BLOCK'),
        'BAD_USER_INPUT',
        'comment',
      ],
      [
        'transitionActionItem of an unknown event',
        () => send('secretariat', leaf.id, 'FINISH'),
        'BAD_USER_INPUT',
        'event',
      ],
      [
        'actionItems due before 2026-02-30',
        () => gql('secretariat', ITEMS, { filter: { dueBefore: '2026-02-30' } }),
        'BAD_USER_INPUT',
        'dueBefore',
      ],
      [
        'updateActionItem at a stale version',
        () => gql('secretariat', UPDATE, { id: leaf.id, input: { expectedVersion: leaf.version, weight: 3 } }),
        'VERSION_CONFLICT',
        'expectedVersion',
      ],
      [
        'transitionActionItem at a stale version',
        () => gql('secretariat', TRANSITION, { id: leaf.id, event: 'COMPLETE', version: leaf.version }),
        'VERSION_CONFLICT',
        'expectedVersion',
      ],
      [
        'actionItem of an unknown id',
        () => gql('secretariat', `query($id: ID!) { actionItem(id: $id) { id } }`, { id: randomUUID() }),
        'NOT_FOUND',
        'id',
      ],
      [
        'implementationPlan of an unknown id',
        () => gql('secretariat', `query($id: ID!) { implementationPlan(id: $id) { id } }`, { id: randomUUID() }),
        'NOT_FOUND',
        'id',
      ],
      [
        'updateActionItem of an unknown id',
        () => gql('secretariat', UPDATE, { id: randomUUID(), input: { expectedVersion: 1, weight: 2 } }),
        'NOT_FOUND',
        'id',
      ],
      [
        'transitionActionItem of an unknown id',
        () => gql('secretariat', TRANSITION, { id: randomUUID(), event: 'START', version: 1 }),
        'NOT_FOUND',
        'id',
      ],
      ['reportProgress on an unknown id', () => report('secretariat', randomUUID(), 50), 'NOT_FOUND', 'actionItemId'],
      ['reportProgress on a malformed id', () => report('secretariat', 'not-an-id', 50), 'NOT_FOUND', 'actionItemId'],
      ['createActionItem in an unknown plan', () => create({ planId: randomUUID() }), 'NOT_FOUND', 'planId'],
      ['createActionItem under an unknown parent', () => create({ parentId: randomUUID() }), 'NOT_FOUND', 'parentId'],
      ['createActionItem for an unknown city', () => create({ ownerCityId: randomUUID() }), 'NOT_FOUND', 'ownerCityId'],
      [
        'setImplementationPlanProgramme of an unknown plan',
        () => gql('secretariat', PROGRAMME, { id: randomUUID(), programme: { en: 'Nowhere' } }),
        'NOT_FOUND',
        'id',
      ],
    ];

    it.each(CASES)('%s', (_name, attempt, code, field) => expectRefused(planId, attempt, code, field));

    it('refuses a percentage that is no whole number (50.5) before it reaches the service', async () => {
      const before = await planState(planId);
      const result = await report('delegate.dammam', leaf.id, 50.5);
      expectCode(result, 'BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('$percent');
      expect(await planState(planId)).toEqual(before);
    });
  });

  describe('progress history', () => {
    it('lists every report newest first, each note in the language its reporter wrote it in', async () => {
      const planId = await approvedPlan('History');
      const item = await itemIn(planId, 'inProgress', 'Signed agreements');
      await reported('secretariat', item.id, 20, 'Draft agreement sent to both universities');
      await reported('delegate.dammam', item.id, 60, 'وقّعت جامعة الملك فهد على الاتفاقية', 'ar');
      await reported('delegate.dammam', item.id, 55, 'One signature withdrawn for corrections');
      const data = await read<{ actionItem: { progress: number; progressReports: unknown[] } }>(
        'board.calgary',
        `query($id: ID!) {
          actionItem(id: $id) { progress progressReports { percent previousPercent note language reportedBy { email } } }
        }`,
        { id: item.id },
      );
      expect(data.actionItem).toEqual({
        progress: 55,
        progressReports: [
          {
            percent: 55,
            previousPercent: 60,
            note: 'One signature withdrawn for corrections',
            language: 'en',
            reportedBy: { email: 'delegate.dammam@demo.majlis' },
          },
          {
            percent: 60,
            previousPercent: 20,
            note: 'وقّعت جامعة الملك فهد على الاتفاقية',
            language: 'ar',
            reportedBy: { email: 'delegate.dammam@demo.majlis' },
          },
          {
            percent: 20,
            previousPercent: 0,
            note: 'Draft agreement sent to both universities',
            language: 'en',
            reportedBy: { email: 'secretariat@demo.majlis' },
          },
        ],
      });
    });

    it('stores the language a note is written in: the one named, else its letters, else the writer’s', async () => {
      const planId = await approvedPlan('Note languages');
      const item = await itemIn(planId, 'inProgress', 'Training cohort');
      const reportIn = async (percent: number, note: string | null, language?: string) => {
        const result = await gql<{ reportProgress: ItemData }>(
          'secretariat',
          `mutation($id: ID!, $percent: Int!, $note: String, $language: Locale) {
            reportProgress(actionItemId: $id, percent: $percent, note: $note, language: $language) { id }
          }`,
          { id: item.id, percent, note, language },
          'en',
        );
        expect(result.errors).toBeUndefined();
      };
      // An English-speaking secretariat writes in Arabic, then names the language of a mixed note.
      await reportIn(10, 'اكتملت الدفعة الأولى من المتدربين');
      await reportIn(20, 'تم إنجاز مؤشرات KPI');
      await reportIn(30, 'اكتمل: Houston cohort', 'ar');
      await reportIn(40, '40% — 2026-03-07');
      await reportIn(50, null);
      await reportIn(60, 'Second cohort enrolled');
      const data = await read<{ actionItem: { progressReports: Array<{ percent: number; language: string }> } }>(
        'board.calgary',
        'query($id: ID!) { actionItem(id: $id) { progressReports { percent language } } }',
        { id: item.id },
      );
      expect(data.actionItem.progressReports.reverse()).toEqual([
        { percent: 10, language: 'ar' },
        { percent: 20, language: 'ar' },
        { percent: 30, language: 'ar' },
        { percent: 40, language: 'en' },
        { percent: 50, language: 'en' },
        { percent: 60, language: 'en' },
      ]);
    });

    it('refuses a language that majlis does not speak, changing nothing', async () => {
      const planId = await approvedPlan('Note language refused');
      const item = await itemIn(planId, 'inProgress', 'Exchange');
      const before = await planState(planId);
      const result = await gql(
        'secretariat',
        `mutation($id: ID!) { reportProgress(actionItemId: $id, percent: 5, note: "x", language: fr) { id } }`,
        { id: item.id },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await planState(planId)).toEqual(before);
    });
  });

  describe('a position when moving', () => {
    const TREE = `query($id: ID!) { implementationPlan(id: $id) { items { title { text } children { title { text } } } } }`;
    const tree = async (planId: string) => {
      const data = await read<{
        implementationPlan: { items: Array<{ title: { text: string }; children: Array<{ title: { text: string } }> }> };
      }>('secretariat', TREE, { id: planId });
      return data.implementationPlan.items.map((item) => [
        item.title.text,
        item.children.map((child) => child.title.text),
      ]);
    };
    const move = async (item: ItemData, input: Vars) =>
      read<{ updateActionItem: ItemData & { position: number } }>(
        'secretariat',
        `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(id: $id, input: $input) { id parentId position } }`,
        { id: item.id, input: { expectedVersion: await versionOf(item.id), ...input } },
      );

    it('places an item among its siblings, and under another parent at the position asked', async () => {
      const planId = await approvedPlan('Positions');
      const m1 = await addItem(planId, 'M1', { kind: 'MILESTONE' });
      const m2 = await addItem(planId, 'M2', { kind: 'MILESTONE' });
      const a = await addItem(planId, 'a', { parentId: m1.id });
      await addItem(planId, 'b', { parentId: m1.id });
      const c = await addItem(planId, 'c', { parentId: m1.id });
      const x = await addItem(planId, 'x', { parentId: m2.id });
      await addItem(planId, 'y', { parentId: m2.id });

      // Within its parent: c to the front.
      expect((await move(c, { position: 0 })).updateActionItem).toMatchObject({ parentId: m1.id, position: 0 });
      expect(await tree(planId)).toEqual([
        ['M1', ['c', 'a', 'b']],
        ['M2', ['x', 'y']],
      ]);
      // To another parent, between its two children; the old parent closes the gap.
      expect((await move(a, { parentId: m2.id, position: 1 })).updateActionItem).toMatchObject({
        parentId: m2.id,
        position: 1,
      });
      expect(await tree(planId)).toEqual([
        ['M1', ['c', 'b']],
        ['M2', ['x', 'a', 'y']],
      ]);
      // Past the end: last. A top-level item moves before its sibling.
      await move(x, { position: 99 });
      await move(m2, { position: 0 });
      expect(await tree(planId)).toEqual([
        ['M2', ['a', 'y', 'x']],
        ['M1', ['c', 'b']],
      ]);
      // To another parent with no position: last there, as before.
      await move(c, { parentId: m2.id });
      expect(await tree(planId)).toEqual([
        ['M2', ['a', 'y', 'x', 'c']],
        ['M1', ['b']],
      ]);
    });

    it('puts an item asked for a place far past the end last', async () => {
      const planId = await approvedPlan('Far position');
      const first = await addItem(planId, 'first');
      await addItem(planId, 'second');
      expect((await move(first, { position: 1_000_000 })).updateActionItem).toMatchObject({ position: 1 });
      expect(await tree(planId)).toEqual([
        ['second', []],
        ['first', []],
      ]);
    });

    it('refuses a negative position, changing nothing', async () => {
      const planId = await approvedPlan('Position refused');
      const item = await addItem(planId, 'only');
      await expectRefused(
        planId,
        async () => gql('secretariat', UPDATE, { id: item.id, input: { expectedVersion: item.version, position: -1 } }),
        'BAD_USER_INPUT',
        'position',
      );
    });
  });
});
