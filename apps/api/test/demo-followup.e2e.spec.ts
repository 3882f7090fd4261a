import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DemoSeeder } from '@majlis/demo';
import { todayOf } from '@majlis/domain';
import { TEST_PASSWORD } from '@majlis/testing';
import { ApiHarness, ok, startApi } from './api-harness';

interface Item {
  title: { text: string };
  ar: { text: string };
  kind: string;
  state: string;
  progress: number;
  weight: number | null;
  startDate: string;
  dueDate: string;
  overdue: boolean;
  blockedReason: string | null;
  ownerCity: { code: string };
  progressReports: Array<{ percent: number; previousPercent: number; language: string; note: string }>;
  children: Item[];
}

interface Plans {
  implementationPlans: Array<{
    title: { text: string };
    ar: { text: string };
    result: string;
    ballot: {
      state: string;
      result: string;
      progress: { eligible: number; cast: number; tally: { yes: number; no: number; abstain: number } };
    };
    proposal: {
      state: string;
      category: string;
      createdAt: string;
      revisions: Array<{ number: number; frozenAt: string | null }>;
      ownerCity: { code: string };
      meeting: { kind: string; state: string; startsAt: string; endsAt: string; hostCity: { code: string } };
    };
    summary: { itemCount: number; overdueCount: number; status: string; progress: number };
    items: Item[];
  }>;
}

interface ItemList {
  actionItems: {
    totalCount: number;
    edges: Array<{ node: { title: { text: string }; state: string; dueDate: string; blockedReason: string | null } }>;
  };
}

const ITEM = `title { text } ar: title(locale: ar) { text } kind state progress weight startDate dueDate overdue
  blockedReason ownerCity { code } progressReports { percent previousPercent language note }`;
const PLANS = `{
  implementationPlans {
    title { text } ar: title(locale: ar) { text } result
    ballot { state result progress { eligible cast tally { yes no abstain } } }
    proposal {
      state category createdAt revisions { number frozenAt } ownerCity { code }
      meeting { kind state startsAt endsAt hostCity { code } }
    }
    summary { itemCount overdueCount status progress }
    items { ${ITEM} children { ${ITEM} children { title { text } } } }
  }
}`;
const ITEMS = `query($filter: ActionItemFilter) {
  actionItems(filter: $filter) { totalCount edges { node { title { text } state dueDate blockedReason } } }
}`;
const ANNUAL = `{ meetings(filter: { kind: ANNUAL }) { edges { node { state startsAt
  agenda { children { proposal { state revisions { number } } } } } } } }`;

/** The weighted mean, as the roll-up takes it (a missing weight counts as 1). */
const weightedMean = (items: ReadonlyArray<Pick<Item, 'weight' | 'progress'>>): number => {
  const total = items.reduce((sum, item) => sum + (item.weight ?? 1), 0);
  return Math.round(items.reduce((sum, item) => sum + (item.weight ?? 1) * item.progress, 0) / total);
};

const DEMO_TABLES = [
  'meeting',
  'agenda_item',
  'proposal',
  'proposal_revision',
  'ballot',
  'ballot_voter',
  'vote',
  'implementation_plan',
  'action_item',
  'progress_report',
  'workflow_transition',
  'outbox_message',
  'audit_entry',
];

describe('the demo follow-up: the strategic plan approved at the previous annual meeting in Houston', () => {
  let api: ApiHarness;
  let dataSource: DataSource;
  let read: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  let plans: Plans['implementationPlans'];
  const today = todayOf(new Date());

  const rowCounts = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of DEMO_TABLES) {
      const [row] = (await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`)) as Array<{
        count: number;
      }>;
      counts[table] = row.count;
    }
    return counts;
  };

  beforeAll(async () => {
    // No queue workers: the due-date job must not add its reminders to what the seed left.
    api = await startApi({ workersInApi: false });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    const secretariat = await api.as('secretariat');
    read = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> =>
      ok<T>(secretariat, query, variables);
    plans = (await read<Plans>(PLANS)).implementationPlans;
  }, 120_000);

  afterAll(() => api?.close());

  it('has one implementation plan, for the approved proposal and the ballot that passed it', () => {
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan.title.text).toBe(
      'Widening cooperation between member cities and giving the general secretariat more powers to follow up the plans and programmes the board approves',
    );
    expect(plan.ar.text).toContain('خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء');
    expect(plan.result).toBe('passed');
    expect(plan.ballot).toEqual({
      state: 'closed',
      result: 'passed',
      progress: { eligible: 7, cast: 7, tally: { yes: 6, no: 0, abstain: 1 } },
    });
    expect(plan.proposal).toMatchObject({
      state: 'approved',
      category: 'STRATEGIC_PLAN',
      ownerCity: { code: 'dammam' },
      revisions: [{ number: 1, frozenAt: expect.any(String) }],
      meeting: { kind: 'ANNUAL', state: 'closed', hostCity: { code: 'houston' } },
    });
    expect(Date.parse(plan.proposal.createdAt)).toBeLessThan(Date.parse(plan.proposal.meeting.startsAt));
    expect(Date.parse(plan.proposal.meeting.endsAt)).toBeLessThan(Date.now());
  });

  it('has a version for every recorded step: transitions, and progress reports on items', async () => {
    const rows = (await dataSource.query(
      `SELECT entity.kind, entity.version, entity.state,
              (SELECT count(*) FROM workflow_transition t WHERE t.entity_id = entity.id)::int AS steps,
              (SELECT count(*) FROM progress_report r WHERE r.action_item_id = entity.id)::int AS reports,
              (SELECT to_state FROM workflow_transition t WHERE t.entity_id = entity.id ORDER BY version DESC LIMIT 1) AS last
         FROM (SELECT 'meeting' AS kind, id, version, state::text FROM meeting WHERE state = 'closed'
               UNION ALL SELECT 'proposal', id, version, state::text FROM proposal WHERE state = 'approved'
               UNION ALL SELECT 'actionItem', id, version, state::text FROM action_item) entity`,
    )) as Array<{ kind: string; version: number; state: string; steps: number; reports: number; last: string | null }>;
    expect(rows.map((row) => row.kind).sort()).toEqual([...Array<string>(9).fill('actionItem'), 'meeting', 'proposal']);
    for (const row of rows) {
      expect(row.version).toBe(1 + row.steps + row.reports);
      expect(row.last ?? 'planned').toBe(row.state);
    }
  });

  it('keeps the upcoming annual meeting first, with the draft and its two revisions', async () => {
    const { meetings } = await read<{
      meetings: {
        edges: Array<{
          node: {
            state: string;
            startsAt: string;
            agenda: Array<{ children: Array<{ proposal: { state: string; revisions: unknown[] } | null }> }>;
          };
        }>;
      };
    }>(ANNUAL);
    const [upcoming, previous] = meetings.edges.map((edge) => edge.node);
    expect(meetings.edges).toHaveLength(2);
    expect(upcoming.state).toBe('planned');
    expect(Date.parse(upcoming.startsAt)).toBeGreaterThan(Date.now());
    expect(upcoming.agenda).toHaveLength(4);
    expect(upcoming.agenda[0].children[0].proposal).toMatchObject({ state: 'draft' });
    expect(upcoming.agenda[0].children[0].proposal!.revisions).toHaveLength(2);
    expect(previous.state).toBe('closed');
    expect(previous.agenda).toEqual([{ children: [] }]);
  });

  it('rolls each milestone up to the weighted mean of its tasks, and the plan to that of its milestones', () => {
    const [plan] = plans;
    expect(plan.items.length).toBeGreaterThan(1);
    for (const milestone of plan.items) {
      expect(milestone.kind).toBe('MILESTONE');
      expect(milestone.children.length).toBeGreaterThan(1);
      expect(milestone.progress).toBe(weightedMean(milestone.children));
      for (const task of milestone.children) {
        expect(task.kind).toBe('TASK');
        expect(task.children).toEqual([]);
        expect(task.startDate <= task.dueDate).toBe(true);
        expect(milestone.startDate <= task.startDate && task.dueDate <= milestone.dueDate).toBe(true);
        // A task's progress is its latest report, each report starting where the one before ended.
        const reports = [...task.progressReports].reverse();
        expect(task.progress).toBe(reports.at(-1)?.percent ?? 0);
        reports.forEach((report, index) =>
          expect(report.previousPercent).toBe(index === 0 ? 0 : reports[index - 1].percent),
        );
      }
    }
    // Weighted, not plain: the exchange programmes weigh the training exchange twice.
    const exchange = plan.items.find((item) => item.children.some((task) => task.state === 'blocked'))!;
    expect(exchange.progress).not.toBe(
      Math.round(exchange.children.reduce((sum, task) => sum + task.progress, 0) / exchange.children.length),
    );
    expect(plan.summary).toEqual({
      itemCount: plan.items.reduce((sum, item) => sum + 1 + item.children.length, 0),
      overdueCount: 1,
      status: 'late',
      progress: weightedMean(plan.items),
    });
  });

  it('shows the follow-up office set up, in both languages, with reports in Arabic and English', () => {
    const tasks = plans[0].items.flatMap((item) => [item, ...item.children]);
    const office = tasks.find((task) => task.title.text === 'Set up the follow-up office in the general secretariat');
    expect(office).toMatchObject({ state: 'verified', progress: 100, ownerCity: { code: 'houston' } });
    expect(office!.ar.text).toBe('إنشاء مكتب متابعة في الأمانة العامة للتجمع');
    for (const task of tasks) expect([task.title.text, task.ar.text].every((text) => text.length > 0)).toBe(true);
    expect(new Set(tasks.map((task) => task.ownerCity.code))).toEqual(
      new Set(['dammam', 'houston', 'aberdeen', 'perth', 'calgary']),
    );
    const languages = new Set(tasks.flatMap((task) => task.progressReports.map((report) => report.language)));
    expect(languages).toEqual(new Set(['ar', 'en']));
  });

  it('lists the academic exchange as the one overdue item, open and due before today', async () => {
    const { actionItems } = await read<ItemList>(ITEMS, { filter: { overdue: true } });
    expect(actionItems.totalCount).toBe(1);
    const [{ node }] = actionItems.edges;
    expect(node.title.text).toBe("Start the academic exchange programme between member cities' universities");
    expect(['planned', 'inProgress', 'blocked']).toContain(node.state);
    expect(node.dueDate < today).toBe(true);
  });

  it('lists the training exchange as the one blocked item, with its reason', async () => {
    const { actionItems } = await read<ItemList>(ITEMS, { filter: { state: 'blocked' } });
    expect(actionItems.totalCount).toBe(1);
    const [{ node }] = actionItems.edges;
    expect(node.title.text).toBe('Launch the training exchange programme');
    expect(node.blockedReason).toMatch(/training places/);
    expect(node.dueDate > today).toBe(true);
  });

  it('leaves no outbox message and no audit entry, and seeding again adds nothing', async () => {
    const before = await rowCounts();
    expect(before).toMatchObject({ outbox_message: 0, audit_entry: 0, implementation_plan: 1, ballot: 1, vote: 7 });
    await api.app.get(DemoSeeder).seed(TEST_PASSWORD);
    expect(await rowCounts()).toEqual(before);
    expect((await read<Plans>(PLANS)).implementationPlans).toEqual(plans);
  });
});
