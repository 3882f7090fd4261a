import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, startApi } from './api-harness';
import {
  buildMeetingWithAgenda,
  describeStatements,
  FLAT_MEETING_QUERY,
  MEETING_QUERY,
  SECRETARIAT,
  SqlStatementCounter,
  StatementCount,
  statementSummary,
} from './sql-statement-counter';

/**
 * A meeting with its agenda, proposals, revisions and cities must cost the same few SQL statements
 * whatever the number of agenda items: the per-request loaders read each relation once per level of the
 * query, never once per item.
 *
 * The meetings (built by buildMeetingWithAgenda) have 1, 10 and 100 items. The flat query reads every
 * relation of every item through `agendaItems`, so even the lone item walks them all: its statements must
 * be the same for 1, 10 and 100 items. The nested query walks the tree two levels down; a one-item agenda
 * has no sub-items, so its lower levels load nothing: 10 and 100 items must take the same statements,
 * and one item none that they do not.
 *
 * Each meeting is queried RUNS times and every run must count the same: member cities are read whole
 * once per request and each relation to people batches on its own, so the count does not depend on
 * which SQL answer arrives first.
 */

/**
 * The most statements the query can take however its batches fall: one each for the sign-in and the
 * meeting, plus one per field path that reads through a loader (host, delegation, presenter, owner,
 * co-sponsor and author cities; delegations, members, the agenda, presenting delegations; member, author
 * and commenter people; proposals and revisions at two levels; co-sponsors; comments). It takes 16.
 */
const MAX_STATEMENTS = 21;

/** Counted queries per meeting, after one warm-up. */
const RUNS = 10;

const SIZES = [1, 10, 100] as const;

interface Named {
  name: { text: string };
}

interface SubItem {
  number: string;
  presenterDelegation: { memberCity: Named } | null;
  proposal: {
    state: string;
    ownerCity: Named;
    cosponsors: Named[];
    revisions: Array<{ number: number; author: Named & { memberCity: Named | null } }>;
    reviewComments: Array<{ author: Named }>;
  } | null;
  children: Array<{ number: string; proposal: { revisions: Array<{ number: number }> } | null }>;
}

interface MeetingAnswer {
  meeting: {
    delegations: Array<{ memberCity: Named; members: Array<Named & { person: Named | null }> }>;
    agenda: Array<{ number: string; children: SubItem[] }>;
    agendaItems: Array<{ number: string }>;
  };
}

interface Measured {
  /** Every counted run, fewest statements first. */
  runs: StatementCount[];
  errors: unknown;
  answer: MeetingAnswer | null | undefined;
}

describe('SQL statements of the meeting query', () => {
  let api: ApiHarness;
  let counter: SqlStatementCounter;
  const measured = new Map<number, Measured>();
  const flat = new Map<number, StatementCount[]>();

  beforeAll(async () => {
    // No queue workers in the API: nothing but the measured request touches the database.
    api = await startApi({ workersInApi: false });
    counter = SqlStatementCounter.attach(api.app.get<DataSource>(getDataSourceToken()));
    const asSecretariat = await api.as(SECRETARIAT);
    for (const size of SIZES) {
      const { meetingId } = await buildMeetingWithAgenda(api, size, { title: `Statement count, ${size} items` });
      // Warm-up: TypeORM's and Apollo's one-time work must not count.
      const { errors, data } = await asSecretariat<MeetingAnswer>(MEETING_QUERY, { id: meetingId });
      const runs: StatementCount[] = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await counter.count(() => asSecretariat(MEETING_QUERY, { id: meetingId })));
      measured.set(size, { runs: runs.sort((x, y) => x.count - y.count), errors, answer: data });
      const flatAnswer = await asSecretariat(FLAT_MEETING_QUERY, { id: meetingId });
      expect(flatAnswer.errors).toBeUndefined();
      const flatRuns: StatementCount[] = [];
      for (let i = 0; i < RUNS; i++)
        flatRuns.push(await counter.count(() => asSecretariat(FLAT_MEETING_QUERY, { id: meetingId })));
      flat.set(
        size,
        flatRuns.sort((x, y) => x.count - y.count),
      );
    }
    const counts = (size: number): string => {
      const sorted = measured.get(size)!.runs.map((r) => r.count);
      return sorted[0] === sorted[sorted.length - 1] ? `${sorted[0]}` : `${sorted[0]} to ${sorted[sorted.length - 1]}`;
    };
    console.log(
      `SQL statements per meeting query (${RUNS} runs each): ` +
        `${SIZES.map((size) => `${size} item(s) → ${counts(size)}`).join(', ')}\n` +
        `statements with 100 items (fewest):\n${describeStatements(measured.get(100)!.runs[0].statements, 140)}`,
    );
  }, 180_000);

  afterAll(async () => {
    counter?.detach();
    await api?.close();
  });

  const run = (size: number): Measured => {
    const result = measured.get(size);
    if (result === undefined) throw new Error(`the ${size}-item meeting was not measured`);
    return result;
  };

  it.each(SIZES)('answers for the %i-item meeting without errors, with every item', (size) => {
    const { errors, answer } = run(size);
    expect(errors).toBeUndefined();
    expect(answer?.meeting.agendaItems).toHaveLength(size);
  });

  it.each([10, 100])('walks every level of the query for %i items', (size) => {
    const meeting = run(size).answer!.meeting;
    const subItems = meeting.agenda.flatMap((item) => item.children);
    const proposals = subItems.map((item) => item.proposal).filter((proposal) => proposal !== null);
    expect(meeting.delegations.length).toBeGreaterThanOrEqual(4);
    expect(meeting.delegations.some((d) => d.members.some((member) => member.person !== null))).toBe(true);
    expect(proposals).toHaveLength(subItems.length);
    expect(subItems.some((item) => item.presenterDelegation !== null)).toBe(true);
    expect(proposals.some((proposal) => proposal.revisions.length === 2)).toBe(true);
    expect(proposals.some((proposal) => proposal.cosponsors.length > 0)).toBe(true);
    expect(proposals.some((proposal) => proposal.reviewComments.length > 0)).toBe(true);
    expect(proposals.every((proposal) => proposal.revisions.every((r) => r.author.memberCity !== null))).toBe(true);
    const subSubItems = subItems.flatMap((item) => item.children);
    expect(subSubItems.length).toBeGreaterThan(0);
    expect(subSubItems.every((item) => (item.proposal?.revisions.length ?? 0) > 0)).toBe(true);
  });

  const fewest = (size: number): StatementCount => run(size).runs[0];

  it('runs the same statements for 10 and for 100 agenda items', () => {
    // Compared by shape and how often each ran, so that a failure shows which statement repeats.
    expect(statementSummary(fewest(100).statements)).toEqual(statementSummary(fewest(10).statements));
    expect(fewest(100).count).toBe(fewest(10).count);
  });

  it('reads every relation of every item with the same statements for 1, 10 and 100 items', () => {
    const fewestFlat = (size: number): StatementCount => flat.get(size)![0];
    console.log(`flat query: ${SIZES.map((size) => `${size} item(s) → ${fewestFlat(size).count}`).join(', ')}`);
    for (const size of [10, 100])
      expect(statementSummary(fewestFlat(size).statements)).toEqual(statementSummary(fewestFlat(1).statements));
    expect(SIZES.map((size) => fewestFlat(size).count)).toEqual(SIZES.map(() => fewestFlat(1).count));
  });

  it.each(SIZES)('counts the same statements on every run for %i item(s)', (size) => {
    expect(new Set(run(size).runs.map((r) => r.count)).size).toBe(1);
    expect(new Set(flat.get(size)!.map((r) => r.count)).size).toBe(1);
  });

  it.each(SIZES)(`runs at most ${MAX_STATEMENTS} statements for %i item(s), on every run`, (size) => {
    const most = run(size).runs[RUNS - 1];
    if (most.count > MAX_STATEMENTS)
      console.log(`${size} item(s): ${most.count} statements\n${describeStatements(most.statements)}`);
    expect(most.count).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('runs for a one-item agenda no statement that the larger ones do not', () => {
    const larger = new Map<string, number>();
    for (const { statements } of run(10).runs)
      for (const { sql, times } of statementSummary(statements)) larger.set(sql, Math.max(times, larger.get(sql) ?? 0));
    const extra = statementSummary(fewest(1).statements).filter(({ sql, times }) => times > (larger.get(sql) ?? 0));
    expect(extra).toEqual([]);
    expect(fewest(1).count).toBeLessThan(fewest(10).count);
  });
});
