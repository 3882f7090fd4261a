import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActionItemKind, DueDateReminders, FollowupService, Role } from '@majlis/domain';
import type { Actor } from '@majlis/domain';
import { ApiHarness, startApi } from './api-harness';
import { approvedProposal } from './approved-proposal';
import { SqlStatementCounter, StatementCount } from './sql-statement-counter';

const SIZES = [1, 10, 100];
const RUNS = 5;

/** A decision's whole lineage: its text, the vote, and what was done about it, three levels deep. */
const LINEAGE = `query($id: ID!) {
  proposal(id: $id) {
    title { text }
    revisions { number title { text } author { email } }
    ballot { result progress { eligible cast tally { yes no abstain } } }
    implementationPlan {
      title { text } result
      summary { itemCount overdueCount progress status itemsByState { state count } }
      items {
        title { text } state progress dueDate overdue ownerCity { code } assignee { email }
        progressReports { percent }
        children { title { text } state progress ownerCity { code } assignee { email } children { title { text } } }
      }
    }
  }
}`;

interface Lineage {
  proposal: {
    ballot: { result: string };
    implementationPlan: {
      summary: { itemCount: number };
      items: Array<{ progress: number; children: Array<{ progress: number }> }>;
    };
  };
}

describe('the lineage of a decision: proposal, ballot, implementation plan and its items', () => {
  let api: ApiHarness;
  let dataSource: DataSource;
  let counter: SqlStatementCounter;
  let secretariat: Actor;
  const proposals = new Map<number, string>();
  const runs = new Map<number, StatementCount[]>();
  const answers = new Map<number, Lineage>();

  /** `size` items: one task alone; else milestones of nine tasks (the last one shorter). */
  const fill = async (planId: string, size: number, cities: string[], people: string[]): Promise<void> => {
    const followup = api.app.get(FollowupService);
    const day = (offset: number) => new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);
    const task = (parentId: string | null, n: number) =>
      followup.createItem(secretariat, {
        planId,
        parentId,
        title: { en: `Task ${n}`, ar: `مهمة ${n}` },
        ownerCityId: cities[n % cities.length],
        assigneeId: people[n % people.length],
        startDate: day(0),
        dueDate: day(30 + n),
        weight: (n % 3) + 1,
      });
    if (size === 1) {
      await task(null, 1);
      return;
    }
    let made = 0;
    for (let m = 0; made < size; m++) {
      const milestone = await followup.createItem(secretariat, {
        planId,
        kind: ActionItemKind.MILESTONE,
        title: { en: `Milestone ${m + 1}`, ar: `مرحلة ${m + 1}` },
        ownerCityId: cities[m % cities.length],
        startDate: day(0),
        dueDate: day(400),
      });
      made++;
      for (let t = 0; t < 9 && made < size; t++, made++) await task(milestone.id, made);
    }
  };

  beforeAll(async () => {
    // No queue workers in the API: nothing but the measured request touches the database.
    api = await startApi({ workersInApi: false });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    const [person] = (await dataSource.query(
      `SELECT id FROM person WHERE email = 'secretariat@demo.majlis'`,
    )) as Array<{
      id: string;
    }>;
    secretariat = {
      personId: person.id,
      roles: [Role.SECRETARIAT],
      memberCityId: null,
      isHeadOfDelegation: false,
      locale: 'en',
    };
    const cities = (
      (await dataSource.query(
        `SELECT id FROM member_city WHERE code IN ('dammam', 'houston') ORDER BY code`,
      )) as Array<{
        id: string;
      }>
    ).map((row) => row.id);
    const people = (
      (await dataSource.query(
        `SELECT id FROM person WHERE email IN ('delegate.dammam@demo.majlis', 'delegate.houston@demo.majlis') ORDER BY email`,
      )) as Array<{ id: string }>
    ).map((row) => row.id);
    counter = SqlStatementCounter.attach(dataSource);
    const headers = { authorization: `Bearer ${await api.tokenFor('board.perth@demo.majlis')}` };
    for (const size of SIZES) {
      const { proposalId, planId } = await approvedProposal(api, { en: `Lineage with ${size} item(s)` });
      await fill(planId, size, cities, people);
      proposals.set(size, proposalId);
      // Warm-up: TypeORM's and Apollo's one-time work must not count.
      const warm = await api.graphql<Lineage>(LINEAGE, { id: proposalId }, headers);
      expect(warm.errors).toBeUndefined();
      answers.set(size, warm.data!);
      const counted: StatementCount[] = [];
      for (let i = 0; i < RUNS; i++)
        counted.push(await counter.count(() => api.graphql(LINEAGE, { id: proposalId }, headers)));
      runs.set(size, counted);
    }
    console.log(
      `SQL statements per lineage query (${RUNS} runs each): ${SIZES.map(
        (size) =>
          `${size} item(s) → ${runs
            .get(size)!
            .map((run) => run.count)
            .join('/')}`,
      ).join(', ')}`,
    );
  }, 240_000);

  afterAll(async () => {
    counter?.detach();
    await api?.close();
  });

  it.each(SIZES)('answers with every one of %i item(s), the ballot and its result', (size) => {
    const lineage = answers.get(size)!.proposal;
    expect(lineage.ballot.result).toBe('passed');
    expect(lineage.implementationPlan.summary.itemCount).toBe(size);
    const walked = lineage.implementationPlan.items.reduce((sum, item) => sum + 1 + item.children.length, 0);
    expect(walked).toBe(size);
  });

  it('runs the same number of SQL statements for 1, 10 and 100 items, on every run', () => {
    const counts = SIZES.flatMap((size) => runs.get(size)!.map((run) => run.count));
    expect(new Set(counts).size).toBe(1);
    // One statement per level, not per item: a handful in all.
    expect(counts[0]).toBeLessThanOrEqual(15);
  });

  it('shows each milestone’s progress as the weighted mean of its tasks', async () => {
    const rows = (await dataSource.query(
      `SELECT parent.progress AS parent, sum(child.progress * COALESCE(child.weight, 1))::float / sum(COALESCE(child.weight, 1)) AS mean
         FROM action_item parent JOIN action_item child ON child.parent_id = parent.id
        GROUP BY parent.id, parent.progress`,
    )) as Array<{ parent: number; mean: number }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.parent).toBe(Math.round(row.mean));
  });
});

describe('due-date reminders: once per item and due date, however often the job runs', () => {
  let api: ApiHarness;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi({ workersInApi: false, escalationGraceDays: 7 });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  }, 120_000);

  afterAll(() => api?.close());

  it('records each reminder once under two concurrent runs, and again only for a new due date', async () => {
    const { planId } = await approvedProposal(api, { en: 'Reminders', ar: 'تذكيرات' });
    const [{ id: personId }] = (await dataSource.query(
      `SELECT id FROM person WHERE email = 'secretariat@demo.majlis'`,
    )) as Array<{
      id: string;
    }>;
    const [{ id: dammam }] = (await dataSource.query(`SELECT id FROM member_city WHERE code = 'dammam'`)) as Array<{
      id: string;
    }>;
    const secretariat: Actor = {
      personId,
      roles: [Role.SECRETARIAT],
      memberCityId: null,
      isHeadOfDelegation: false,
      locale: 'en',
    };
    const followup = api.app.get(FollowupService);
    const today = new Date('2027-03-10T09:00:00Z');
    const item = (title: string, dueDate: string) =>
      followup.createItem(secretariat, {
        planId,
        title: { en: title },
        ownerCityId: dammam,
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

    const reminders = api.app.get(DueDateReminders);
    const [first, second] = await Promise.all([reminders.scan(today), reminders.scan(today)]);
    const recorded = async () =>
      (
        (await dataSource.query(
          `SELECT topic, payload->>'actionItemId' AS item FROM outbox_message
            WHERE topic IN ('actionItem.dueSoon', 'actionItem.overdue', 'actionItem.escalated') AND payload->>'planId' = $1
            ORDER BY topic, item`,
          [planId],
        )) as Array<{ topic: string; item: string }>
      ).map((row) => `${row.topic} ${row.item}`);
    const expected = [
      `actionItem.dueSoon ${soon.id}`,
      `actionItem.escalated ${escalate.id}`,
      `actionItem.overdue ${escalate.id}`,
      `actionItem.overdue ${late.id}`,
    ].sort();
    expect(await recorded()).toEqual(expected);
    // Between them the two runs recorded each reminder once (the demo plan's included).
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const [{ all }] = (await dataSource.query(
      `SELECT count(*)::int AS "all" FROM outbox_message WHERE topic IN ('actionItem.dueSoon', 'actionItem.overdue', 'actionItem.escalated')`,
    )) as Array<{ all: number }>;
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
  }, 120_000);
});
