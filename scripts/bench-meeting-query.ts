/**
 * Benchmark of the meeting query (agenda tree, proposals, revisions, review threads, delegations, cities)
 * at 10, 100 and 1000 agenda items. Not a test: it asserts nothing, it prints figures.
 *
 * Run from the repository root:
 *   PostgreSQL:  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
 *                npx ts-node -r tsconfig-paths/register scripts/bench-meeting-query.ts
 *   PGlite:      npx ts-node -r tsconfig-paths/register scripts/bench-meeting-query.ts   (no DATABASE_URL)
 *   Options:     BENCH_SIZES=10,100,1000  BENCH_RUNS=30  BENCH_WARMUP=3
 *
 * With DATABASE_URL it creates a database of its own on that server (majlis_bench_…, migrated by the API
 * as it starts) and drops it at the end; without, it runs on an in-memory PGlite. Either way the whole
 * API runs in this process with its queue workers off, is loaded with the demo partnership, and is
 * reached through Fastify's inject: there is no network in the figures.
 *
 * For each meeting (built by buildMeetingWithAgenda in apps/api/test/sql-statement-counter.ts, through
 * the API's own mutations, the same shape as the statement-count test) it measures, as the secretariat:
 *   - SQL statements one query runs (counted on TypeORM's DataSource, as the statement-count test does);
 *   - API latency p50/p95/max over BENCH_RUNS queries after BENCH_WARMUP warm-ups, and the response size;
 *   - a baseline: the very statements the API ran (captured by the counter, with their parameters)
 *     replayed one after another through one raw `pg` client: the database's share of the work.
 * API − DB is then what the Node side costs: auth, GraphQL execution, resolvers and loaders, TypeORM's
 * entity hydration and JSON serialisation. graphql-js runs extra development checks unless
 * NODE_ENV=production (the header shows NODE_ENV); set it for figures closer to a deployment.
 */
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DemoSeeder } from '@majlis/demo';
import { createStandaloneDatabase, TEST_PASSWORD, testEnvironment } from '@majlis/testing';
import { createApiApplication } from '../apps/api/src/api.application';
import {
  buildMeetingWithAgenda,
  GraphqlAnswer,
  GraphqlClient,
  MEETING_QUERY,
  RecordedStatement,
  SECRETARIAT,
  SqlStatementCounter,
  statementTable,
} from '../apps/api/test/sql-statement-counter';

// An empty variable counts as unset, as in the test harness: no DATABASE_URL means embedded PGlite.
for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) if (process.env[name] === '') delete process.env[name];
process.env.TEST_LOG_LEVEL ??= 'silent';

const numberList = (value: string | undefined, fallback: number[]): number[] =>
  value === undefined ? fallback : value.split(',').map((part) => Number(part.trim()));
const SIZES = numberList(process.env.BENCH_SIZES, [10, 100, 1000]);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

interface Posted {
  status: number;
  payload: string;
}

function apiClient(app: NestFastifyApplication): GraphqlClient & {
  post(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Posted>;
} {
  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, payload: response.payload };
  };
  async function graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphqlAnswer<T>> {
    return JSON.parse((await post(query, variables, headers)).payload) as GraphqlAnswer<T>;
  }
  return {
    post,
    graphql,
    async tokenFor(email) {
      const result = await graphql<{ login: { token: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: TEST_PASSWORD },
      );
      if (result.data?.login === undefined)
        throw new Error(`cannot sign in ${email}: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
  };
}

const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

interface Latency {
  p50: number;
  p95: number;
  max: number;
}

const latency = (samples: readonly number[]): Latency => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] };
};

interface StatementTiming {
  table: string;
  parameters: number;
  rows: number;
  p50: number;
}

interface Result {
  items: number;
  /** Statements per query over the timed runs. */
  statements: { fewest: number; most: number };
  api: Latency;
  db: Latency;
  responseKb: number;
  breakdown: StatementTiming[];
}

/** The captured statements, replayed in order on one connection: `runs` timings of the whole set. */
async function replay(
  client: Client,
  statements: readonly RecordedStatement[],
): Promise<{ db: Latency; breakdown: StatementTiming[] }> {
  const perStatement = statements.map(() => [] as number[]);
  const rows = statements.map(() => 0);
  const totals: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const start = performance.now();
    for (const [i, statement] of statements.entries()) {
      const before = performance.now();
      const result = await client.query(statement.sql, statement.parameters);
      if (run >= WARMUP) perStatement[i].push(performance.now() - before);
      rows[i] = result.rowCount ?? result.rows.length;
    }
    if (run >= WARMUP) totals.push(performance.now() - start);
  }
  return {
    db: latency(totals),
    breakdown: statements.map((statement, i) => ({
      table: statementTable(statement.sql),
      parameters: statement.parameters.length,
      rows: rows[i],
      p50: latency(perStatement[i]).p50,
    })),
  };
}

async function measure(
  api: ReturnType<typeof apiClient>,
  counter: SqlStatementCounter,
  client: Client,
  token: string,
  size: number,
): Promise<Result> {
  const started = performance.now();
  const shown = new Map<string, number>();
  const { meetingId } = await buildMeetingWithAgenda(api, size, {
    title: `Benchmark, ${size} items`,
    onProgress: (step, done, total) => {
      // The big meetings take a while: each step in quarters. The small ones build in a moment.
      const last = shown.get(step) ?? 0;
      if (size < 500 || (done < total && done - last < total / 4)) return;
      shown.set(step, done);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`  building ${size} items: ${step} ${done}/${total} (${seconds} s)`);
    },
  });
  console.log(`  built the ${size}-item meeting in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const headers = { authorization: `Bearer ${token}` };
  const query = () => api.post(MEETING_QUERY, { id: meetingId }, headers);
  const first = await query();
  const answer = JSON.parse(first.payload) as { errors?: unknown; data?: { meeting: { agendaItems: unknown[] } } };
  if (first.status !== 200 || answer.errors !== undefined)
    throw new Error(`the meeting query failed (${first.status}): ${JSON.stringify(answer.errors)}`);
  const items = answer.data?.meeting.agendaItems.length ?? 0;
  for (let i = 1; i < WARMUP; i++) await query();

  // Every timed run is counted too: on a PostgreSQL server the batches, and so the count, vary a little.
  const samples: number[] = [];
  const counted: RecordedStatement[][] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    counter.start();
    const start = performance.now();
    const response = await query();
    samples.push(performance.now() - start);
    counted.push(counter.stop().statements);
    bytes = Buffer.byteLength(response.payload);
  }
  const counts = counted.map((statements) => statements.length).sort((a, b) => a - b);
  const statements = counted.reduce((fewest, run) => (run.length < fewest.length ? run : fewest));
  const { db, breakdown } = await replay(client, statements);
  return {
    items,
    statements: { fewest: counts[0], most: counts[counts.length - 1] },
    api: latency(samples),
    db,
    responseKb: bytes / 1024,
    breakdown,
  };
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

function printResults(database: string, results: readonly Result[]): void {
  const header = [
    'items',
    'SQL stmts',
    'API p50',
    'API p95',
    'API max',
    'DB p50',
    'DB p95',
    'DB max',
    'API−DB p50',
    'per item',
    'response',
  ];
  const rows = results.map((r) => [
    String(r.items),
    r.statements.fewest === r.statements.most
      ? String(r.statements.fewest)
      : `${r.statements.fewest}–${r.statements.most}`,
    ms(r.api.p50),
    ms(r.api.p95),
    ms(r.api.max),
    ms(r.db.p50),
    ms(r.db.p95),
    ms(r.db.max),
    ms(r.api.p50 - r.db.p50),
    `${(((r.api.p50 - r.db.p50) / r.items) * 1000).toFixed(0)} µs`,
    `${r.responseKb.toFixed(1)} KB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join(' │ ');
  const nodeEnv = process.env.NODE_ENV ?? 'unset';
  console.log(
    `\nMeeting query — ${database}, NODE_ENV ${nodeEnv}; ${RUNS} runs after ${WARMUP} warm-ups each, in-process (no network)\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of rows) console.log(line(row));

  const largest = results[results.length - 1];
  console.log(`\nThe ${largest.statements.fewest} statements of one query at ${largest.items} items, as replayed:`);
  console.log('   # │ table              │ params │  rows │ DB p50');
  largest.breakdown.forEach((s, i) =>
    console.log(
      `${String(i + 1).padStart(4)} │ ${s.table.padEnd(18)} │ ${String(s.parameters).padStart(6)} │ ${String(s.rows).padStart(5)} │ ${ms(s.p50)}`,
    ),
  );

  const fewest = new Set(results.map((r) => r.statements.fewest));
  console.log(`
What to look at:
  - SQL stmts (fewest–most over the timed runs) must not grow with the items: the fewest are ${fewest.size === 1 ? 'the same in every row' : 'NOT the same in every row: look for an N+1'}.
    A count that grows with the items is an N+1: apps/api/test/statement-count.e2e.spec.ts fails and names the
    repeated statement. Every run should count the same (cities are read whole once per request, people
    batch per relation): a spread means a loader's batches now depend on which SQL answer arrives first.
  - DB p50/p95/max: the database's share: the statements of the run with the fewest, replayed one after another
    on one raw pg connection (the API runs some concurrently over its pool: if anything this is on the high side).
  - API−DB p50: what the Node side costs (auth, GraphQL execution, resolvers and loaders, TypeORM hydration, JSON).
    "per item" divides it by the items: flat from 100 to 1000 means linear, growing means worse than linear
    (at 10 items the fixed cost of a request dominates it). When API−DB dwarfs DB, speed-ups come from the
    Node side, not from SQL or indexes.
  - API p95/max against p50: spread from garbage collection or the event loop; large spread at 1000 items
    means a single request holds the event loop that long.
  - response: what a client downloads for one meeting; the query asks every revision of every proposal.`);
}

async function main(): Promise<void> {
  const database = await createStandaloneDatabase();
  let app: NestFastifyApplication | undefined;
  let counter: SqlStatementCounter | undefined;
  let client: Client | undefined;
  let cleaned = false;
  const cleanUp = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    counter?.detach();
    await client?.end().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.drop();
  };
  process.once('SIGINT', () => {
    console.log('\ninterrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    console.log(
      `Starting the API on ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}…`,
    );
    ({ app } = await createApiApplication(testEnvironment({ workersInApi: false }), database.url));
    const seeder = app.get(DemoSeeder);
    if (!(await seeder.isSeeded())) await seeder.seed(TEST_PASSWORD);
    await app.getHttpAdapter().getInstance().ready();
    counter = SqlStatementCounter.attach(app.get<DataSource>(getDataSourceToken()));
    client = new Client({ connectionString: database.url });
    await client.connect();
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const api = apiClient(app);
    const token = await api.tokenFor(SECRETARIAT);

    const results: Result[] = [];
    for (const size of SIZES) {
      console.log(`Meeting with ${size} agenda items:`);
      results.push(await measure(api, counter, client, token, size));
    }
    printResults(
      `${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} ${version}, Node ${process.version}`,
      results,
    );
  } finally {
    await cleanUp();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
