import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActionItemKind, FollowupService, Role } from '@majlis/domain';
import type { Actor } from '@majlis/domain';
import { ApiHarness, Caller, startApi } from './api-harness';
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
    const boardMember: Caller = await api.as('board.perth');
    for (const size of SIZES) {
      const { proposalId, planId } = await approvedProposal(api, { en: `Lineage with ${size} item(s)` });
      await fill(planId, size, cities, people);
      proposals.set(size, proposalId);
      // Warm-up: TypeORM's and Apollo's one-time work must not count.
      const warm = await boardMember<Lineage>(LINEAGE, { id: proposalId });
      expect(warm.errors).toBeUndefined();
      answers.set(size, warm.data!);
      const counted: StatementCount[] = [];
      for (let i = 0; i < RUNS; i++) counted.push(await counter.count(() => boardMember(LINEAGE, { id: proposalId })));
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
