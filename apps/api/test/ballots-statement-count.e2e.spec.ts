import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, startApi } from './api-harness';
import { describeStatements, SqlStatementCounter, StatementCount, statementSummary } from './sql-statement-counter';

/**
 * The web client's ballot list (each ballot with its proposal, the proposal's city, the chair and the
 * caller's turnout) costs one statement per level of the query whatever the number of ballots: 1, 10
 * and 100 open ballots (plus the demo's closed one) take the same statements, on every run.
 */

const BALLOTS_QUERY = `{
  ballots(first: 100) {
    totalCount
    edges { node {
      id state closesAt
      proposal { id state title(locale: ar) { text } ownerCity { code } }
      chair { email name { text } }
      progress { eligible cast myVote eligibleToVote }
    } }
  }
}`;
const SIZES = [1, 10, 100] as const;
const RUNS = 5;
/** Sign-in, count, page, proposals, cities, voters, votes, chair: one each. */
const MAX_STATEMENTS = 8;

interface BallotsAnswer {
  ballots: {
    totalCount: number;
    edges: Array<{ node: { chair: { email: string } | null; proposal: { ownerCity: { code: string } } } }>;
  };
}

describe('SQL statements of the ballot list', () => {
  let api: ApiHarness;
  let dataSource: DataSource;
  let counter: SqlStatementCounter;
  const measured = new Map<number, { runs: StatementCount[]; answer: BallotsAnswer | null | undefined }>();

  /** Adds open ballots (tie to the chair, the whole board eligible, one vote each) until there are `total`. */
  async function openBallotsUpTo(total: number): Promise<void> {
    const [{ open }] = (await dataSource.query(
      `SELECT count(*)::int AS open FROM ballot WHERE state = 'open'`,
    )) as Array<{
      open: number;
    }>;
    await dataSource.transaction(async (manager) => {
      const ballots = (await manager.query(
        `WITH city AS (SELECT id FROM member_city WHERE code = 'dammam'),
              author AS (SELECT id FROM person WHERE email = 'delegate.dammam@demo.majlis'),
              secretariat AS (SELECT id FROM person WHERE email = 'secretariat@demo.majlis'),
              proposals AS (
                INSERT INTO proposal (owner_city_id, category, state, title, search_text, revision_count, created_by_id, submitted_at)
                SELECT city.id, 'PROGRAMME', 'voting',
                       jsonb_build_object('ar', 'اقتراع ' || n, 'en', 'Ballot ' || n, 'authoritative', 'ar'),
                       'ballot ' || n, 1, author.id, now()
                  FROM generate_series($1::int, $2::int) n, city, author
                RETURNING id)
         INSERT INTO ballot (proposal_id, state, rules, opened_at, opened_by_id)
         SELECT proposals.id, 'open',
                '{"quorum": 0.5, "majority": "SIMPLE", "abstentionsCountAsCast": false, "tieBreak": "CHAIR", "secret": false}',
                now(), secretariat.id
           FROM proposals, secretariat
         RETURNING id`,
        [open + 1, total],
      )) as Array<{ id: string }>;
      const ids = ballots.map((ballot) => ballot.id);
      await manager.query(
        `INSERT INTO ballot_voter (ballot_id, person_id, is_chair)
         SELECT ballot.id, seat.holder_id, seat.is_chair FROM unnest($1::uuid[]) ballot(id) CROSS JOIN board_seat seat`,
        [ids],
      );
      await manager.query(
        `INSERT INTO vote (ballot_id, voter_id, choice, cast_at)
         SELECT ballot.id, seat.holder_id, 'YES', now()
           FROM unnest($1::uuid[]) ballot(id) JOIN board_seat seat ON seat.is_chair`,
        [ids],
      );
    });
  }

  beforeAll(async () => {
    // No queue workers in the API: nothing but the measured request touches the database.
    api = await startApi({ workersInApi: false });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    counter = SqlStatementCounter.attach(dataSource);
    const headers = { authorization: `Bearer ${await api.tokenFor('board.perth@demo.majlis')}` };
    for (const size of SIZES) {
      await openBallotsUpTo(size);
      const { data, errors } = await api.graphql<BallotsAnswer>(BALLOTS_QUERY, {}, headers);
      expect(errors).toBeUndefined();
      const runs: StatementCount[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await counter.count(() => api.graphql(BALLOTS_QUERY, {}, headers)));
      measured.set(size, { runs: runs.sort((a, b) => a.count - b.count), answer: data });
    }
    console.log(
      `SQL statements per ballot list (${RUNS} runs each): ` +
        SIZES.map((size) => `${size} open ballot(s) → ${measured.get(size)!.runs[0].count}`).join(', ') +
        `\n${describeStatements(measured.get(100)!.runs[0].statements, 140)}`,
    );
  }, 180_000);

  afterAll(async () => {
    counter?.detach();
    await api?.close();
  });

  const run = (size: number) => {
    const result = measured.get(size);
    if (result === undefined) throw new Error(`${size} ballots were not measured`);
    return result;
  };

  it.each(SIZES)(
    'lists %i open ballot(s) and the demo’s closed one, each with its proposal, city and chair',
    (size) => {
      const answer = run(size).answer!;
      expect(answer.ballots.totalCount).toBe(size + 1);
      expect(answer.ballots.edges).toHaveLength(Math.min(size + 1, 100));
      const opened = answer.ballots.edges.slice(0, Math.min(size, 100));
      expect(opened.every((edge) => edge.node.chair?.email === 'board.houston@demo.majlis')).toBe(true);
      expect(opened.every((edge) => edge.node.proposal.ownerCity.code === 'dammam')).toBe(true);
    },
  );

  it('runs the same statements for 1, 10 and 100 ballots', () => {
    const fewest = (size: number): StatementCount => run(size).runs[0];
    for (const size of [10, 100])
      expect(statementSummary(fewest(size).statements)).toEqual(statementSummary(fewest(1).statements));
  });

  it.each(SIZES)(`runs the same count, at most ${MAX_STATEMENTS}, on every run for %i ballot(s)`, (size) => {
    const counts = run(size).runs.map((r) => r.count);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});
