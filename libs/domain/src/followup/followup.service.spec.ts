import { randomUUID } from 'node:crypto';
import type { Locale } from '@majlis/config';
import type { LocalizedText } from '@majlis/language';
import { managerOf } from '@majlis/persistence';
import { startDomain, type DomainHarness } from '@majlis/testing';
import type { Actor } from '../identity';
import { MeetingKind, MeetingService } from '../meetings';
import { OutboxWriter, TOPICS } from '../outbox';
import { PartnershipService } from '../partnership';
import { ProposalCategory, ProposalService } from '../proposals';
import { BallotService } from '../voting';
import { ActionItem, ActionItemKind } from './action-item.entity';
import { DueDateReminders } from './due-date-reminders';
import {
  type ActionItemInput,
  type FollowupSummary,
  FollowupService,
  type UpdateActionItemInput,
} from './followup.service';
import type { ActionItemFilter } from './implementation-plan.repository';

type Code = 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'VERSION_CONFLICT';
/** What an item is created with besides its plan and title: a Dammam task due in 2040 unless said. */
type Fields = Partial<Omit<ActionItemInput, 'planId' | 'title'>>;

/** The demo accounts these cases act as, by the part of their e-mail before the @. */
const PEOPLE = [
  'secretariat',
  'admin',
  'delegate.dammam',
  'delegate.houston',
  'board.dammam',
  'board.aberdeen',
  'board.perth',
  'board.calgary',
  'observer.dammam',
];
/** Far enough ahead that nothing dated so is overdue or behind schedule. */
const START = '2040-01-01';
const DUE = '2040-12-31';
/** Long past: an open item due then is overdue. */
const PAST_START = '2020-01-01';
const PAST_DUE = '2020-01-10';
const BLOCK_REASON = 'Waiting for the venue contract';
const OPEN = ['planned', 'inProgress', 'blocked'];

/** The path from `planned` to each state, as the secretariat takes it. */
const PATH: Record<string, Array<[string, string?]>> = {
  planned: [],
  inProgress: [['START']],
  blocked: [['START'], ['BLOCK', BLOCK_REASON]],
  done: [['START'], ['COMPLETE']],
  verified: [['START'], ['COMPLETE'], ['VERIFY']],
  cancelled: [['CANCEL']],
};

/** A title as an English reader reads it. */
const text = (title: LocalizedText | null): string => title?.en ?? title?.ar ?? '';

const countsOf = (summary: FollowupSummary): Record<string, number> =>
  Object.fromEntries(Object.entries(summary.itemsByState).filter(([, count]) => count > 0));

describe(FollowupService.name, () => {
  let domain: DomainHarness;
  let followup: FollowupService;
  const actors = new Map<string, Actor>();
  const cityIds = new Map<string, string>();
  let meetingId: string;

  beforeAll(async () => {
    domain = await startDomain({ environment: { escalationGraceDays: 7 } });
    followup = domain.get(FollowupService);
    // Each reads in English, as the API's tests ask.
    for (const who of PEOPLE) actors.set(who, { ...(await domain.actor(`${who}@demo.majlis`)), locale: 'en' });
    for (const { id, code } of await domain.get(PartnershipService).memberCities(as('secretariat')))
      cityIds.set(code, id);
    const meetings = await domain
      .get(MeetingService)
      .list(as('secretariat'), { kind: MeetingKind.ANNUAL, state: 'planned' }, {});
    meetingId = meetings.items[0].id;
  });

  afterAll(() => domain?.close());

  function as(who: string, locale: Locale = 'en'): Actor {
    const actor = actors.get(who);
    if (actor === undefined) throw new Error(`no actor ${who}`);
    return { ...actor, locale };
  }

  const city = (code: string): string => {
    const id = cityIds.get(code);
    if (id === undefined) throw new Error(`no city ${code}`);
    return id;
  };

  /** A new Dammam proposal through review and scheduling to an open ballot with one vote, not closed yet. */
  async function voted(title: string, choice: 'YES' | 'NO'): Promise<{ id: string; ballotId: string }> {
    const proposals = domain.get(ProposalService);
    const ballots = domain.get(BallotService);
    const { id } = await proposals.create(as('delegate.dammam'), {
      category: ProposalCategory.PROGRAMME,
      title: { en: title },
    });
    let version = 1;
    for (const [who, event] of [
      ['delegate.dammam', 'SUBMIT'],
      ['secretariat', 'START_REVIEW'],
      ['secretariat', 'ACCEPT'],
    ] as const)
      ({ version } = await proposals.transition(as(who), id, { event, expectedVersion: version }));
    await ballots.schedule(as('secretariat'), id, meetingId);
    const ballot = await ballots.open(as('secretariat'), id, { quorum: 0, majority: 'SIMPLE' }, null);
    await ballots.castVote(as('board.dammam'), ballot.id, choice, randomUUID());
    return { id, ballotId: ballot.id };
  }

  /** A new Dammam proposal through review and scheduling to a ballot of one vote: approved on YES, rejected on NO. */
  async function decided(title: string, choice: 'YES' | 'NO'): Promise<string> {
    const { id, ballotId } = await voted(title, choice);
    await domain.get(BallotService).close(as('secretariat'), ballotId);
    return id;
  }

  /** The implementation plan of a newly approved proposal. */
  async function approvedPlan(title: string): Promise<string> {
    const proposalId = await decided(title, 'YES');
    const plans = await followup.plans(as('secretariat'), { proposalId });
    expect(plans).toHaveLength(1);
    return plans[0].id;
  }

  /** A Dammam task due in 2040 unless `fields` say otherwise, added by the secretariat. */
  const addItem = (planId: string, title: string, fields: Fields = {}): Promise<ActionItem> =>
    followup.createItem(as('secretariat'), {
      planId,
      title: { en: title },
      ownerCityId: city('dammam'),
      startDate: START,
      dueDate: DUE,
      ...fields,
    });

  const versionOf = async (id: string): Promise<number> => (await followup.item(as('secretariat'), id)).version;

  /** `who` sends `event` at the item's current version. */
  const send = async (who: string, id: string, event: string, comment?: string): Promise<ActionItem> =>
    followup.transitionItem(as(who), id, { event, expectedVersion: await versionOf(id), comment });

  /** `who` reports, reading and writing in `locale`. */
  const report = (who: string, id: string, percent: number, note?: string, locale: Locale = 'en') =>
    followup.reportProgress(as(who, locale), id, percent, note);

  /** A new item taken by the secretariat from planned to `state`. */
  async function itemIn(planId: string, state: string, title: string, fields: Fields = {}): Promise<ActionItem> {
    let item = await addItem(planId, title, fields);
    for (const [event, comment] of PATH[state]) item = await send('secretariat', item.id, event, comment);
    expect(item.state).toBe(state);
    return item;
  }

  /** Every item of a plan, read afresh (each loader caches for one request). */
  const itemsOf = (planId: string): Promise<ActionItem[]> => followup.loaders().items(planId);

  /** Everything a refused change could touch: the plan, and each item with its reports. */
  async function planState(planId: string) {
    const loaders = followup.loaders();
    const plan = await followup.plan(as('secretariat'), planId);
    const items = await loaders.items(planId);
    return {
      plan,
      items: await Promise.all(items.map(async (item) => ({ item, reports: await loaders.reportsOf(item.id) }))),
    };
  }

  /** `attempt` is refused with `code` naming `field`, and the plan reads the same before and after. */
  async function expectRefused(planId: string, attempt: () => Promise<unknown>, code: Code, field: string) {
    const before = await planState(planId);
    await expect(attempt()).rejects.toMatchObject({ code, field });
    expect(await planState(planId)).toEqual(before);
  }

  describe('approval opens the plan', () => {
    it('gives a proposal approved by a ballot a plan carrying the ballot, its result and the title, with no items yet', async () => {
      const { id: proposalId, ballotId } = await voted('Training exchange programme', 'YES');
      await domain.get(BallotService).close(as('secretariat'), ballotId);
      const observer = as('observer.dammam');
      expect((await domain.get(ProposalService).proposal(observer, proposalId)).state).toBe('approved');
      const plans = await followup.plans(observer, { proposalId });
      expect(plans).toHaveLength(1);
      const [plan] = plans;
      expect({ ballotId: plan.ballotId, result: plan.result, title: text(plan.title) }).toEqual({
        ballotId,
        result: 'passed',
        title: 'Training exchange programme',
      });
      expect((await domain.get(BallotService).ballot(observer, ballotId)).result).toBe('passed');
      expect(await itemsOf(plan.id)).toEqual([]);
      expect(await followup.plans(as('board.perth'), {})).toContainEqual(
        expect.objectContaining({ id: plan.id, proposalId }),
      );
    });

    it('gives a proposal rejected by a ballot none', async () => {
      const proposalId = await decided('A second headquarters', 'NO');
      expect((await domain.get(ProposalService).proposal(as('secretariat'), proposalId)).state).toBe('rejected');
      expect(await followup.plans(as('secretariat'), { proposalId })).toEqual([]);
    });

    it('opens the plan in the approving transaction: a reaction to the approval that fails undoes the approval', async () => {
      const secretariat = as('secretariat');
      const ballots = domain.get(BallotService);
      const { id, ballotId } = await voted('Approved only with its plan', 'YES');
      const failing = new Set([id]);
      // Registered after follow-up's own reaction: the plan is inserted, then this one throws.
      domain.get(OutboxWriter).react(TOPICS.proposalApproved, async (_tx, approved) => {
        if (failing.has(approved.entityId)) throw new Error('a reaction to the approval failed');
      });
      const stateNow = async () => {
        const ballot = await ballots.ballot(secretariat, ballotId);
        return {
          state: (await domain.get(ProposalService).proposal(secretariat, id)).state,
          ballot: { state: ballot.state, result: ballot.result },
          plans: (await followup.plans(secretariat, { proposalId: id })).length,
        };
      };
      await expect(ballots.close(secretariat, ballotId)).rejects.toThrow('a reaction to the approval failed');
      expect(await stateNow()).toEqual({ state: 'voting', ballot: { state: 'open', result: null }, plans: 0 });

      failing.delete(id);
      await ballots.close(secretariat, ballotId);
      expect(await stateNow()).toEqual({ state: 'approved', ballot: { state: 'closed', result: 'passed' }, plans: 1 });
      // now() is the transaction's start: the plan and the approving transition share it.
      const [together] = await domain.unitOfWork.run((tx): Promise<Array<{ same: boolean }>> =>
        managerOf(tx).query(
          `SELECT plan.created_at = step.created_at AS same FROM implementation_plan plan
               JOIN workflow_transition step ON step.entity_id = plan.proposal_id AND step.to_state = 'approved'
              WHERE plan.proposal_id = $1`,
          [id],
        ),
      );
      expect(together).toEqual({ same: true });
    });
  });

  describe('items, citySummaries and summarize: views by state, city, due date and overdue', () => {
    let planId: string;

    const titles = async (filter: ActionItemFilter): Promise<string[]> => {
      const page = await followup.items(as('board.aberdeen'), filter, { first: 100 });
      expect(page.totalCount).toBe(page.items.length);
      return page.items.map((item) => text(item.title)).sort();
    };

    /** Every action item in the database, read without a filter. */
    const everyItem = async (): Promise<ActionItem[]> => {
      const page = await followup.items(as('secretariat'), {}, { first: 100 });
      expect(page.totalCount).toBe(page.items.length);
      return page.items;
    };

    beforeAll(async () => {
      planId = await approvedPlan('Views');
      await addItem(planId, 'Dammam permits', { startDate: PAST_START, dueDate: PAST_DUE });
      const venue = await itemIn(planId, 'inProgress', 'Dammam venue');
      await report('delegate.dammam', venue.id, 30);
      await send('delegate.dammam', venue.id, 'BLOCK', BLOCK_REASON);
      const milestone = await addItem(planId, 'Houston milestone', {
        kind: ActionItemKind.MILESTONE,
        ownerCityId: city('houston'),
      });
      const curriculum = await itemIn(planId, 'inProgress', 'Houston curriculum', {
        parentId: milestone.id,
        ownerCityId: city('houston'),
        startDate: PAST_START,
        dueDate: '2020-02-15',
      });
      await report('delegate.houston', curriculum.id, 100);
      await send('delegate.houston', curriculum.id, 'COMPLETE');
      await addItem(planId, 'Houston exchange', { parentId: milestone.id, ownerCityId: city('houston') });
      const visit = await itemIn(planId, 'inProgress', 'Aberdeen visit', { ownerCityId: city('aberdeen') });
      await report('secretariat', visit.id, 40);
      await send('secretariat', visit.id, 'BLOCK', BLOCK_REASON);
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
      expect(overdue.map((item) => text(item.title))).toContain('Dammam permits');
      expect(await titles({ overdue: true })).toEqual(overdue.map((item) => text(item.title)).sort());
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
      const page = await followup.items(as('observer.dammam'), { planId }, {});
      expect(page.items.map((item) => item.dueDate)).toEqual([
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
      expect(await titles({ dueBefore: '2027-01-01' })).toEqual(dueBefore.map((item) => text(item.title)).sort());
    });

    it('followupByCity gives each city its counts by state, overdue count, progress and status', async () => {
      const shares = await followup.citySummaries(as('delegate.houston'), planId);
      const codeOf = new Map([...cityIds].map(([code, id]) => [id, code]));
      const byCity = Object.fromEntries(
        shares.map(({ memberCityId, ...summary }) => [
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
      const plan = await followup.plan(as('admin'), planId);
      const summary = followup.summarize(await itemsOf(plan.id));
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

  describe('reportProgress, transitionItem and updateItem: roll-up, recomputed in the transaction of each change', () => {
    let planId: string;
    const ids = new Map<string, string>();
    const names = new Map<string, string>();
    /** What every item and the plan should show now; each test changes it and compares. */
    let expected: Record<string, number>;

    const id = (name: string): string => ids.get(name) ?? '';

    /** Every item's progress by name, and the plan's summary as `plan`, read right after a change. */
    async function progressNow(): Promise<Record<string, number>> {
      const items = await itemsOf(planId);
      return Object.fromEntries([
        ['plan', followup.summarize(items).progress],
        ...items.map((item) => [names.get(item.id) ?? item.id, item.progress]),
      ]);
    }

    const add = async (name: string, parent: string | null, fields: Fields = {}): Promise<void> => {
      const item = await addItem(planId, name, { ...fields, parentId: parent === null ? null : id(parent) });
      ids.set(name, item.id);
      names.set(item.id, name);
    };

    beforeAll(async () => {
      planId = await approvedPlan('Roll-up');
      // M1 { a ×3, b ×1, M1x ×2 { c, d } }, M2 ×2 { e, f }, g: two levels, with and without weights.
      await add('M1', null, { kind: ActionItemKind.MILESTONE });
      await add('a', 'M1', { weight: 3 });
      await add('b', 'M1', { weight: 1 });
      await add('M1x', 'M1', { kind: ActionItemKind.MILESTONE, weight: 2 });
      await add('c', 'M1x');
      await add('d', 'M1x');
      await add('M2', null, { kind: ActionItemKind.MILESTONE, weight: 2 });
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
        const item = await report(who, id(leaf), percent);
        expect(item.progress).toBe(percent);
        expected = { ...expected, [leaf]: percent, ...parents };
        expect(await progressNow()).toEqual(expected);
      },
    );

    it('leaves a cancelled child out of its parent, and a cancelled top item out of the plan', async () => {
      await send('secretariat', id('b'), 'CANCEL');
      // M1 = (3·40 + 2·30) / 5 = 36; plan = (36 + 90 + 60) / 4 = 46.5.
      expected = { ...expected, M1: 36, plan: 47 };
      expect(await progressNow()).toEqual(expected);
      await send('secretariat', id('g'), 'CANCEL');
      // plan = (36 + 2·45) / 3 = 42; g keeps its own.
      expected = { ...expected, plan: 42 };
      expect(await progressNow()).toEqual(expected);
    });

    it('weighs again when a weight changes', async () => {
      await followup.updateItem(as('secretariat'), id('M2'), {
        expectedVersion: await versionOf(id('M2')),
        weight: null,
      });
      // plan = (36 + 45) / 2 = 40.5.
      expected = { ...expected, plan: 41 };
      expect(await progressNow()).toEqual(expected);
    });

    it('updates both the old and the new parent when an item moves', async () => {
      const moved = await followup.updateItem(as('secretariat'), id('f'), {
        expectedVersion: await versionOf(id('f')),
        parentId: id('M1x'),
      });
      expect(moved).toMatchObject({ parentId: id('M1x'), progress: 70 });
      // M2 = e = 20; M1x = (10 + 50 + 70) / 3 = 43.33; M1 = (3·40 + 2·43.33) / 5 = 41.33; plan = (41.33 + 20) / 2.
      expected = { ...expected, M2: 20, M1x: 43, M1: 41, plan: 31 };
      expect(await progressNow()).toEqual(expected);
    });

    it('rounds once, at the end, from the leaves: not level by level', async () => {
      const roundingPlan = await approvedPlan('Rounding');
      const root = await addItem(roundingPlan, 'R', { kind: ActionItemKind.MILESTONE });
      const milestone = await addItem(roundingPlan, 'M', { kind: ActionItemKind.MILESTONE, parentId: root.id });
      await addItem(roundingPlan, 'p', { parentId: milestone.id });
      const q = await addItem(roundingPlan, 'q', { parentId: milestone.id });
      const leaf = await addItem(roundingPlan, 'L', { parentId: root.id });
      await report('secretariat', q.id, 1);
      const now = async () => {
        const items = await itemsOf(roundingPlan);
        return Object.fromEntries([
          ['plan', followup.summarize(items).progress],
          ...items.map((item) => [text(item.title), item.progress]),
        ]);
      };
      // M = (0 + 1) / 2 = 0.5, shown as 1; R = (0.5 + 0) / 2 = 0.25 → 0 (from M's 1 it would be 0.5 → 1).
      expect(await now()).toEqual({ plan: 0, R: 0, M: 1, p: 0, q: 1, L: 0 });
      // L to the top level: R = M = 0.5 → 1; the plan = (0.5 + 0) / 2 = 0.25 → 0 (from R's 1, 0.5 → 1).
      await followup.updateItem(as('secretariat'), leaf.id, { expectedVersion: leaf.version, parentId: null });
      expect(await now()).toEqual({ plan: 0, R: 1, M: 1, p: 0, q: 1, L: 0 });
    });
  });

  describe('bad input: refused naming the field, changing nothing', () => {
    let planId: string;
    let milestone: ActionItem;
    let child: ActionItem;
    let grandchild: ActionItem;
    let leaf: ActionItem;
    let cancelled: ActionItem;

    const update = async (item: ActionItem, input: Partial<UpdateActionItemInput>) =>
      followup.updateItem(as('secretariat'), item.id, { expectedVersion: await versionOf(item.id), ...input });
    const create = (input: Partial<ActionItemInput>) =>
      followup.createItem(as('secretariat'), {
        planId,
        title: { en: 'Refused' },
        ownerCityId: city('dammam'),
        startDate: START,
        dueDate: DUE,
        ...input,
      });

    beforeAll(async () => {
      planId = await approvedPlan('Bad input');
      milestone = await addItem(planId, 'Milestone', { kind: ActionItemKind.MILESTONE });
      child = await addItem(planId, 'Child', { kind: ActionItemKind.MILESTONE, parentId: milestone.id });
      grandchild = await addItem(planId, 'Grandchild', { parentId: child.id });
      leaf = await itemIn(planId, 'inProgress', 'Leaf');
      await report('delegate.dammam', leaf.id, 20);
      cancelled = await itemIn(planId, 'cancelled', 'Cancelled');
    });

    const CASES: Array<[string, () => Promise<unknown>, Code, string]> = [
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
        () => followup.items(as('secretariat'), { dueBefore: '2026-02-30' }, { first: 100 }),
        'BAD_USER_INPUT',
        'dueBefore',
      ],
      [
        'updateActionItem at a stale version',
        () => followup.updateItem(as('secretariat'), leaf.id, { expectedVersion: leaf.version, weight: 3 }),
        'VERSION_CONFLICT',
        'expectedVersion',
      ],
      [
        'transitionActionItem at a stale version',
        () => followup.transitionItem(as('secretariat'), leaf.id, { event: 'COMPLETE', expectedVersion: leaf.version }),
        'VERSION_CONFLICT',
        'expectedVersion',
      ],
      ['actionItem of an unknown id', () => followup.item(as('secretariat'), randomUUID()), 'NOT_FOUND', 'id'],
      ['implementationPlan of an unknown id', () => followup.plan(as('secretariat'), randomUUID()), 'NOT_FOUND', 'id'],
      [
        'updateActionItem of an unknown id',
        () => followup.updateItem(as('secretariat'), randomUUID(), { expectedVersion: 1, weight: 2 }),
        'NOT_FOUND',
        'id',
      ],
      [
        'transitionActionItem of an unknown id',
        () => followup.transitionItem(as('secretariat'), randomUUID(), { event: 'START', expectedVersion: 1 }),
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
        () => followup.setProgramme(as('secretariat'), randomUUID(), { en: 'Nowhere' }),
        'NOT_FOUND',
        'id',
      ],
    ];

    it.each(CASES)('%s', (_name, attempt, code, field) => expectRefused(planId, attempt, code, field));
  });

  describe('reportProgress: the progress history', () => {
    it('lists every report newest first, each note in the language its reporter wrote it in', async () => {
      const planId = await approvedPlan('History');
      const item = await itemIn(planId, 'inProgress', 'Signed agreements');
      await report('secretariat', item.id, 20, 'Draft agreement sent to both universities');
      await report('delegate.dammam', item.id, 60, 'وقّعت جامعة الملك فهد على الاتفاقية', 'ar');
      await report('delegate.dammam', item.id, 55, 'One signature withdrawn for corrections');
      expect((await followup.item(as('board.calgary'), item.id)).progress).toBe(55);
      const reports = await followup.loaders().reportsOf(item.id);
      expect(
        reports.map(({ percent, previousPercent, note, language, reportedById }) => ({
          percent,
          previousPercent,
          note,
          language,
          reportedById,
        })),
      ).toEqual([
        {
          percent: 55,
          previousPercent: 60,
          note: 'One signature withdrawn for corrections',
          language: 'en',
          reportedById: as('delegate.dammam').personId,
        },
        {
          percent: 60,
          previousPercent: 20,
          note: 'وقّعت جامعة الملك فهد على الاتفاقية',
          language: 'ar',
          reportedById: as('delegate.dammam').personId,
        },
        {
          percent: 20,
          previousPercent: 0,
          note: 'Draft agreement sent to both universities',
          language: 'en',
          reportedById: as('secretariat').personId,
        },
      ]);
    });

    it('stores the language a note is written in: the one named, else its letters, else the writer’s', async () => {
      const planId = await approvedPlan('Note languages');
      const item = await itemIn(planId, 'inProgress', 'Training cohort');
      const reportIn = (percent: number, note: string | null, language?: Locale) =>
        followup.reportProgress(as('secretariat'), item.id, percent, note, language);
      // An English-speaking secretariat writes in Arabic, then names the language of a mixed note.
      await reportIn(10, 'اكتملت الدفعة الأولى من المتدربين');
      await reportIn(20, 'تم إنجاز مؤشرات KPI');
      await reportIn(30, 'اكتمل: Houston cohort', 'ar');
      await reportIn(40, '40% — 2026-03-07');
      await reportIn(50, null);
      await reportIn(60, 'Second cohort enrolled');
      const reports = await followup.loaders().reportsOf(item.id);
      expect(reports.map(({ percent, language }) => ({ percent, language })).reverse()).toEqual([
        { percent: 10, language: 'ar' },
        { percent: 20, language: 'ar' },
        { percent: 30, language: 'ar' },
        { percent: 40, language: 'en' },
        { percent: 50, language: 'en' },
        { percent: 60, language: 'en' },
      ]);
    });
  });

  describe('updateItem: a position when moving', () => {
    /** The plan's top level in order, each with its children's titles in order. */
    const tree = async (planId: string) => {
      const loaders = followup.loaders();
      const top = await loaders.children(planId, null);
      return Promise.all(
        top.map(async (item) => [
          text(item.title),
          (await loaders.children(planId, item.id)).map((child) => text(child.title)),
        ]),
      );
    };
    const move = async (item: ActionItem, input: { parentId?: string | null; position?: number }) =>
      followup.updateItem(as('secretariat'), item.id, { expectedVersion: await versionOf(item.id), ...input });

    it('places an item among its siblings, and under another parent at the position asked', async () => {
      const planId = await approvedPlan('Positions');
      const m1 = await addItem(planId, 'M1', { kind: ActionItemKind.MILESTONE });
      const m2 = await addItem(planId, 'M2', { kind: ActionItemKind.MILESTONE });
      const a = await addItem(planId, 'a', { parentId: m1.id });
      await addItem(planId, 'b', { parentId: m1.id });
      const c = await addItem(planId, 'c', { parentId: m1.id });
      const x = await addItem(planId, 'x', { parentId: m2.id });
      await addItem(planId, 'y', { parentId: m2.id });

      // Within its parent: c to the front.
      expect(await move(c, { position: 0 })).toMatchObject({ parentId: m1.id, position: 0 });
      expect(await tree(planId)).toEqual([
        ['M1', ['c', 'a', 'b']],
        ['M2', ['x', 'y']],
      ]);
      // To another parent, between its two children; the old parent closes the gap.
      expect(await move(a, { parentId: m2.id, position: 1 })).toMatchObject({ parentId: m2.id, position: 1 });
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
      expect(await move(first, { position: 1_000_000 })).toMatchObject({ position: 1 });
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
        () => followup.updateItem(as('secretariat'), item.id, { expectedVersion: item.version, position: -1 }),
        'BAD_USER_INPUT',
        'position',
      );
    });
  });

  describe(`${DueDateReminders.name}: once per item and due date, however often the job runs`, () => {
    const query = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => domain.query<T[]>(sql, parameters);

    it('records each reminder once under two concurrent runs, and again only for a new due date', async () => {
      const planId = await approvedPlan('Reminders');
      const secretariat = as('secretariat');
      const today = new Date('2027-03-10T09:00:00Z');
      const item = (title: string, dueDate: string) =>
        followup.createItem(secretariat, {
          planId,
          title: { en: title },
          ownerCityId: city('dammam'),
          startDate: '2027-01-01',
          dueDate,
        });
      const soon = await item('Due in two days', '2027-03-12');
      const late = await item('Due yesterday', '2027-03-09');
      const escalate = await item('Due ten days ago', '2027-02-28');
      const later = await item('Due next month', '2027-04-10');
      const finished = await item('Done already, due ten days ago', '2027-02-28');
      for (const event of ['START', 'COMPLETE'])
        await followup.transitionItem(secretariat, finished.id, {
          event,
          expectedVersion: (await followup.item(secretariat, finished.id)).version,
        });

      const reminders = domain.get(DueDateReminders);
      const [first, second] = await Promise.all([reminders.scan(today), reminders.scan(today)]);
      const recorded = async () =>
        (
          await query<{ topic: string; item: string }>(
            `SELECT topic, payload->>'actionItemId' AS item FROM outbox_message
              WHERE topic IN ('actionItem.dueSoon', 'actionItem.overdue', 'actionItem.escalated') AND payload->>'planId' = $1
              ORDER BY topic, item`,
            [planId],
          )
        ).map((row) => `${row.topic} ${row.item}`);
      const expected = [
        `actionItem.dueSoon ${soon.id}`,
        `actionItem.escalated ${escalate.id}`,
        `actionItem.overdue ${escalate.id}`,
        `actionItem.overdue ${late.id}`,
      ].sort();
      expect(await recorded()).toEqual(expected);
      // Between them the two runs recorded each reminder once (the other plans' included).
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      const [{ all }] = await query<{ all: number }>(
        `SELECT count(*)::int AS "all" FROM outbox_message WHERE topic IN ('actionItem.dueSoon', 'actionItem.overdue', 'actionItem.escalated')`,
      );
      expect(total(first) + total(second)).toBe(all);
      // Run again the next day: nothing new for the same due dates.
      expect(total(await reminders.scan(new Date('2027-03-11T09:00:00Z')))).toBe(0);
      expect(await recorded()).toEqual(expected);
      expect(later.id).toBeDefined();

      // A new due date makes a new reminder possible.
      const moved = await followup.updateItem(secretariat, late.id, {
        expectedVersion: late.version,
        dueDate: '2027-03-13',
      });
      expect(moved.dueDate).toBe('2027-03-13');
      expect(total(await reminders.scan(today))).toBe(1);
      expect((await recorded()).filter((row) => row.endsWith(late.id))).toEqual([
        `actionItem.dueSoon ${late.id}`,
        `actionItem.overdue ${late.id}`,
      ]);
    });
  });
});
