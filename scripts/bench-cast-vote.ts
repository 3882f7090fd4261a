/**
 * Benchmark of castVote under concurrent voters: throughput and latency (p50/p95/p99/max) through the whole
 * API, beside a raw `pg` baseline that runs the very same SQL statements in the same run. Not a test: it
 * prints figures, and exits 1 only when they cannot be trusted (a failed vote, or a wrong count of votes or
 * receipts, or a broken audit chain afterwards).
 *
 * Run from the repository root:
 *   PostgreSQL:  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
 *                npx ts-node -r tsconfig-paths/register scripts/bench-cast-vote.ts
 *   PGlite:      BENCH_SECONDS=3 npx ts-node -r tsconfig-paths/register scripts/bench-cast-vote.ts   (no DATABASE_URL)
 *   Options:     BENCH_VOTERS=32  BENCH_SECONDS=10  BENCH_WARMUP_SECONDS=2
 *
 * With DATABASE_URL it creates a database of its own on that server (majlis_bench_…, migrated by the API
 * as it starts) and drops it at the end; without, it runs on an in-memory PGlite. Either way the whole
 * API runs in this process with its queue workers off, is loaded with the demo partnership, and is
 * reached through Fastify's inject: there is no network in the API's figures.
 *
 * Set-up: BENCH_VOTERS new board members (SQL, as the ballots test does), their tokens, a Dammam proposal
 * taken to `scheduled` on the Houston meeting, and a ballot opened on it (quorum 0, SIMPLE majority).
 * Then, on that one ballot:
 *   - capture: one castVote, alone, counted on TypeORM's DataSource (apps/api/test/sql-statement-counter.ts):
 *     every statement the request runs, START TRANSACTION and COMMIT included, with its parameters;
 *   - API run: BENCH_VOTERS concurrent voters, each in a loop casting votes (YES and NO in turn, a new
 *     idempotency key each time) through the API, BENCH_WARMUP_SECONDS of warm-up then BENCH_SECONDS timed;
 *   - baseline: the captured statements replayed, in order and as TypeORM sent them, by BENCH_VOTERS raw
 *     `pg` clients (one connection each) for the same time, with fresh parameters per vote: the worker's
 *     own voter, a new key, the current time, the choice, and the audit row's seq, previous hash and hash
 *     computed from the chain head the replayed SELECT read (so the chain stays valid: it is verified at
 *     the end).
 * API / baseline is then what GraphQL, auth, Nest and TypeORM cost per vote under this load.
 * graphql-js runs extra development checks unless NODE_ENV=production (the header shows NODE_ENV).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { auditHash, AuditService, GENESIS_HASH, PasswordHasher } from '@majlis/domain';
import { DemoSeeder } from '@majlis/demo';
import { poolSizeFor } from '@majlis/persistence';
import { createStandaloneDatabase, TEST_PASSWORD, testEnvironment, TestDatabase } from '@majlis/testing';
import { createApiApplication } from '../apps/api/src/api.application';
import {
  DELEGATE,
  GraphqlAnswer,
  RecordedStatement,
  SECRETARIAT,
  SqlStatementCounter,
  statementTable,
} from '../apps/api/test/sql-statement-counter';
import { latency } from './bench-stats';

// An empty variable counts as unset, as in the test harness: no DATABASE_URL means embedded PGlite.
for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) if (process.env[name] === '') delete process.env[name];
process.env.TEST_LOG_LEVEL ??= 'silent';

const numberFrom = (name: string, fallback: number, least: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < least) throw new Error(`${name} must be a number of at least ${least}`);
  return value;
};
const VOTERS = Math.floor(numberFrom('BENCH_VOTERS', 32, 1));
const SECONDS = numberFrom('BENCH_SECONDS', 10, 0.1);
const WARMUP_SECONDS = numberFrom('BENCH_WARMUP_SECONDS', 2, 0);

const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { version }
}`;
const OPEN = `mutation($id: ID!, $rules: BallotRulesInput!) {
  openBallot(proposalId: $id, rules: $rules) { id progress { eligible } }
}`;
const VOTE = `mutation($id: ID!, $choice: VoteChoice!, $key: String!) {
  castVote(ballotId: $id, choice: $choice, idempotencyKey: $key) { ballotId choice castAt }
}`;

type Choice = 'YES' | 'NO' | 'ABSTAIN';
/** YES and NO in turn, half the voters starting with NO. */
const choiceFor = (worker: number, iteration: number): Choice => ((worker + iteration) % 2 === 0 ? 'YES' : 'NO');

interface Api {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlAnswer<T> & { status: number }>;
  tokenFor(email: string): Promise<string>;
}

/** The API through Fastify's inject, as apps/api/test/api-harness.ts reaches it. */
function apiClient(app: NestFastifyApplication): Api {
  async function graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphqlAnswer<T> & { status: number }> {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, ...(JSON.parse(response.payload) as GraphqlAnswer<T>) };
  }
  return {
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

/** The data of an answer that must have succeeded. */
async function ok<T>(answer: Promise<GraphqlAnswer<T> & { status: number }>, what: string): Promise<T> {
  const result = await answer;
  if (result.errors !== undefined || result.data == null)
    throw new Error(`${what} failed (${result.status}): ${JSON.stringify(result.errors)}`);
  return result.data;
}

interface Voter {
  personId: string;
  email: string;
  token: string;
}

/** `count` new board members, each with a city and a seat of their own, inserted as the ballots test does. */
async function createBoardMembers(
  app: NestFastifyApplication,
  dataSource: DataSource,
  count: number,
): Promise<Voter[]> {
  const passwordHash = await app.get(PasswordHasher).hash(TEST_PASSWORD);
  const [partnership] = (await dataSource.query(`SELECT id FROM partnership LIMIT 1`)) as Array<{ id: string }>;
  const voters: Voter[] = [];
  for (let i = 0; i < count; i += 1) {
    const [city] = (await dataSource.query(
      `INSERT INTO member_city (partnership_id, code, name, country_code, time_zone, joined_year)
       VALUES ($1, $2, $3, 'SA', 'Asia/Riyadh', 2020) RETURNING id`,
      [partnership.id, `bench${i}`, { en: `Bench city ${i}`, authoritative: 'en' }],
    )) as Array<{ id: string }>;
    const email = `board.bench${i}@demo.majlis`;
    const [person] = (await dataSource.query(
      `INSERT INTO person (email, password_hash, name, roles, member_city_id) VALUES ($1, $2, $3, '{BOARD_MEMBER}', $4) RETURNING id`,
      [email, passwordHash, { en: `Bench member ${i}`, authoritative: 'en' }, city.id],
    )) as Array<{ id: string }>;
    await dataSource.query(
      `INSERT INTO board_seat (partnership_id, member_city_id, holder_id, since) VALUES ($1, $2, $3, '2026-01-01')`,
      [partnership.id, city.id, person.id],
    );
    voters.push({ personId: person.id, email, token: '' });
  }
  return voters;
}

/** A Dammam proposal taken through review and scheduled on the Houston meeting, then its ballot opened. */
async function openBallot(api: Api): Promise<{ ballotId: string; eligible: number }> {
  const secretariat = await api.tokenFor(SECRETARIAT);
  const delegate = await api.tokenFor(DELEGATE);
  const meetings = await ok(
    api.graphql<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
      {},
      secretariat,
    ),
    'reading the meetings',
  );
  const meetingId = meetings.meetings.edges[0]?.node.id;
  if (meetingId === undefined) throw new Error('the demo partnership has no annual meeting');
  const created = await ok(
    api.graphql<{ createProposal: { id: string } }>(
      `mutation { createProposal(input: { category: PROGRAMME, title: { en: "castVote benchmark" } }) { id } }`,
      {},
      delegate,
    ),
    'createProposal',
  );
  const id = created.createProposal.id;
  let version = 1;
  for (const [token, event] of [
    [delegate, 'SUBMIT'],
    [secretariat, 'START_REVIEW'],
    [secretariat, 'ACCEPT'],
  ] as const) {
    const moved = await ok(
      api.graphql<{ transitionProposal: { version: number } }>(TRANSITION, { id, event, version }, token),
      event,
    );
    version = moved.transitionProposal.version;
  }
  await ok(
    api.graphql(
      `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state } }`,
      { id, meeting: meetingId },
      secretariat,
    ),
    'scheduleProposal',
  );
  const opened = await ok(
    api.graphql<{ openBallot: { id: string; progress: { eligible: number } } }>(
      OPEN,
      { id, rules: { quorum: 0, majority: 'SIMPLE' } },
      secretariat,
    ),
    'openBallot',
  );
  return { ballotId: opened.openBallot.id, eligible: opened.openBallot.progress.eligible };
}

// ---------------------------------------------------------------------------------------------------------
// The baseline: the captured statements as templates whose parameters are filled afresh for every vote.
// ---------------------------------------------------------------------------------------------------------

/** What a captured parameter stands for, and so what the replay puts in its place. */
type Role =
  'voter' | 'key' | 'choice' | 'time' | 'ballot' | 'fixed' | 'seq' | 'previousHash' | 'hash' | 'payload' | 'recordedAt';

/** The values of the vote that one captured call was made with. */
interface CallValues {
  voterId: string;
  key: string;
  choice: Choice;
  ballotId: string;
  /** castAt: the current time. */
  now: Date;
}

/** The audit_entry insert's parameters that the hash covers, by index. */
interface AuditSlots {
  entityType: number;
  entityId: number;
  action: number;
  actorId: number;
  payload: number;
  seq: number;
  recordedAt: number;
  previousHash: number;
  hash: number;
}

interface Template {
  sql: string;
  /** As captured. */
  parameters: unknown[];
  roles: Role[];
  /** The audit chain's head (last seq and hash) is read here, for the audit insert that follows. */
  readsChainHead: boolean;
  audit?: AuditSlots;
}

interface ChainHead {
  seq: string;
  hash: string;
}

const isSelectOf = (sql: string, table: string): boolean =>
  /^\s*SELECT\b/i.test(sql) && statementTable(sql).replace(/"/g, '') === table;

function roleOf(value: unknown, captured: CallValues): Role {
  if (value === captured.voterId) return 'voter';
  if (value === captured.key) return 'key';
  if (value === captured.choice) return 'choice';
  if (value === captured.ballotId) return 'ballot';
  if (value instanceof Date) return 'time';
  return 'fixed';
}

/**
 * The audit insert's columns mapped to parameter indexes; TypeORM writes
 * `INSERT INTO "audit_entry"("seq", …) VALUES ($1, …)`.
 */
function auditSlots(sql: string): AuditSlots | undefined {
  const match = /^\s*INSERT\s+INTO\s+"?audit_entry"?\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/i.exec(sql);
  if (match === null) return undefined;
  const columns = match[1].split(',').map((column) => column.trim().replace(/"/g, ''));
  const values = match[2].split(',').map((value) => value.trim());
  const slot = (column: string): number => {
    const placeholder = /^\$(\d+)$/.exec(values[columns.indexOf(column)] ?? '');
    if (placeholder === null) throw new Error(`the audit insert has no parameter for ${column}: ${sql}`);
    return Number(placeholder[1]) - 1;
  };
  return {
    entityType: slot('entity_type'),
    entityId: slot('entity_id'),
    action: slot('action'),
    actorId: slot('actor_id'),
    payload: slot('payload'),
    seq: slot('seq'),
    recordedAt: slot('recorded_at'),
    previousHash: slot('previous_hash'),
    hash: slot('hash'),
  };
}

function templatesOf(statements: readonly RecordedStatement[], captured: CallValues): Template[] {
  const templates = statements.map((statement): Template => {
    const roles = statement.parameters.map((value) => roleOf(value, captured));
    const audit = auditSlots(statement.sql);
    if (audit !== undefined) {
      roles[audit.seq] = 'seq';
      roles[audit.previousHash] = 'previousHash';
      roles[audit.hash] = 'hash';
      roles[audit.payload] = 'payload';
      roles[audit.recordedAt] = 'recordedAt';
    }
    return {
      sql: statement.sql,
      parameters: statement.parameters,
      roles,
      readsChainHead: isSelectOf(statement.sql, 'audit_entry'),
      audit,
    };
  });
  const audits = templates.filter((template) => template.audit !== undefined).length;
  const heads = templates.filter((template) => template.readsChainHead).length;
  if (audits !== 1 || heads !== 1)
    throw new Error(`expected one audit-chain read and one audit insert per castVote, found ${heads} and ${audits}`);
  for (const role of ['voter', 'key', 'choice'] as const)
    if (!templates.some((template) => template.roles.includes(role)))
      throw new Error(`no captured statement carries the vote's ${role}: the replay could not vary it`);
  return templates;
}

/** The captured audit payload with the choice replaced, in the form TypeORM passed it (JSON text or an object). */
function payloadFor(captured: unknown, from: Choice, to: Choice): { value: unknown; object: Record<string, unknown> } {
  const parsed = (typeof captured === 'string' ? JSON.parse(captured) : captured) as Record<string, unknown>;
  const object = Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, value === from ? to : value]));
  return { value: typeof captured === 'string' ? JSON.stringify(object) : object, object };
}

function bind(template: Template, values: CallValues, captured: CallValues, head: ChainHead | null): unknown[] {
  const parameters = template.parameters.map((value, i): unknown => {
    switch (template.roles[i]) {
      case 'voter':
        return values.voterId;
      case 'key':
        return values.key;
      case 'choice':
        return values.choice;
      case 'time':
        return values.now;
      case 'ballot':
      case 'fixed':
        return value;
      case 'seq':
      case 'previousHash':
      case 'hash':
      case 'payload':
      case 'recordedAt':
        return null; // filled below
    }
  });
  const audit = template.audit;
  if (audit !== undefined) {
    const payload = payloadFor(template.parameters[audit.payload], captured.choice, values.choice);
    const entry = {
      seq: String(BigInt(head?.seq ?? '0') + 1n),
      entityType: parameters[audit.entityType] as string,
      entityId: parameters[audit.entityId] as string,
      action: parameters[audit.action] as string,
      actorId: parameters[audit.actorId] as string | null,
      payload: payload.object,
      recordedAt: new Date(),
      previousHash: head?.hash ?? GENESIS_HASH,
    };
    parameters[audit.seq] = entry.seq;
    parameters[audit.payload] = payload.value;
    parameters[audit.recordedAt] = entry.recordedAt;
    parameters[audit.previousHash] = entry.previousHash;
    parameters[audit.hash] = auditHash(entry);
  }
  return parameters;
}

/** The last audit row, from the replayed `findOne(AuditEntry, { order: { seq: 'DESC' } })` (aliased columns). */
function chainHeadOf(row: Record<string, unknown> | undefined): ChainHead | null {
  if (row === undefined) return null;
  const keys = Object.keys(row);
  const seq = keys.find((key) => /(^|_)seq$/i.test(key));
  const hash = keys.find((key) => /(^|_)hash$/i.test(key) && !/previous_?hash$/i.test(key));
  if (seq === undefined || hash === undefined) throw new Error(`cannot find seq and hash in ${keys.join(', ')}`);
  return { seq: String(row[seq]), hash: String(row[hash]) };
}

// ---------------------------------------------------------------------------------------------------------
// Running and reporting
// ---------------------------------------------------------------------------------------------------------

interface RunStats {
  name: string;
  /** Latency of every vote that started in the timed window and succeeded, ms. */
  latencies: number[];
  /** Votes per second over the timed window. */
  throughput: number;
  /** Failed votes, warm-up included. */
  errors: number;
  firstError?: string;
  /** Successful votes, warm-up included (each leaves one receipt). */
  completed: number;
  /** CPU time of this Node process over the timed window, as a share of one core (1 = 100 %). */
  cpu: number;
}

/**
 * `workers` loops calling `vote` until the time is up: BENCH_WARMUP_SECONDS not counted, then BENCH_SECONDS
 * counted. A vote counts if it started in the timed window; throughput divides by the window up to the last one.
 */
async function drive(
  name: string,
  workers: number,
  vote: (worker: number, iteration: number, timed: boolean) => Promise<void>,
): Promise<RunStats> {
  const begin = performance.now();
  const measureFrom = begin + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let completed = 0;
  let firstError: string | undefined;
  let lastEnd = measureFrom;
  // This process's CPU over the timed window: the API, the voters and the pg driver all share its one thread.
  let cpuFrom = { usage: process.cpuUsage(), at: performance.now() };
  const cpuTimer = setTimeout(() => {
    cpuFrom = { usage: process.cpuUsage(), at: performance.now() };
  }, WARMUP_SECONDS * 1000);
  const ticker = setInterval(() => {
    const now = performance.now();
    const phase = now < measureFrom ? 'warming up' : `timed ${((now - measureFrom) / 1000).toFixed(0)} s`;
    console.log(`  ${name}: ${phase}, ${completed} votes, ${errors} errors`);
  }, 2_000);
  try {
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let iteration = 0; ; iteration += 1) {
          const start = performance.now();
          if (start >= stopAt) return;
          const timed = start >= measureFrom;
          try {
            await vote(worker, iteration, timed);
            const end = performance.now();
            completed += 1;
            if (timed) {
              latencies.push(end - start);
              lastEnd = Math.max(lastEnd, end);
            }
          } catch (error) {
            errors += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
  } finally {
    clearInterval(ticker);
    clearTimeout(cpuTimer);
  }
  const used = process.cpuUsage(cpuFrom.usage);
  const cpu = (used.user + used.system) / 1000 / (performance.now() - cpuFrom.at);
  const window = (lastEnd - measureFrom) / 1000;
  return {
    name,
    latencies,
    throughput: window > 0 ? latencies.length / window : 0,
    errors,
    firstError,
    completed,
    cpu,
  };
}

const ms = (value: number): string => (Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 2 : 1)} ms`);

/** A statement in one short line: whitespace folded, a SELECT's column list left out, cut to `width`. */
const shortSql = (sql: string, width = 72): string => {
  const folded = sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^SELECT .*? FROM (?!\()/i, 'SELECT … FROM ');
  return folded.length > width ? `${folded.slice(0, width - 1)}…` : folded;
};

/** A statement's parameters by what they stand for, each named once; the audit row's link to the chain as one. */
const shownRoles = (roles: readonly Role[]): string => {
  const names = roles.map((role) =>
    role === 'seq' || role === 'previousHash' || role === 'hash' ? 'chain' : role === 'recordedAt' ? 'time' : role,
  );
  return [...new Set(names)].join(', ') || '–';
};

interface Report {
  kind: TestDatabase['kind'];
  database: string;
  apiPool: number;
  runs: RunStats[];
  templates: Template[];
  /** Mean time of each replayed statement over the baseline's timed votes, ms. */
  statementMeans: number[];
  checks: string[];
}

function printReport(report: Report): void {
  const header = ['run', 'votes', 'throughput', 'p50', 'p95', 'p99', 'max', 'errors'];
  const rows = report.runs.map((run) => {
    const l = latency(run.latencies);
    return [
      run.name,
      String(run.latencies.length),
      `${run.throughput.toFixed(1)} votes/s`,
      ms(l.p50),
      ms(l.p95),
      ms(l.p99),
      ms(l.max),
      String(run.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' │ ');
  const nodeEnv = process.env.NODE_ENV ?? 'unset';
  console.log(
    `\ncastVote under ${VOTERS} concurrent voters — ${report.database}, NODE_ENV ${nodeEnv}; ` +
      `${WARMUP_SECONDS} s warm-up then ${SECONDS} s per run, in-process (no network)\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of rows) console.log(line(row));

  const [apiRun, baseRun] = report.runs;
  const apiLatency = latency(apiRun.latencies);
  const baseLatency = latency(baseRun.latencies);
  const inTransaction = report.templates.filter(
    (t, i) =>
      i > report.templates.findIndex((s) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(s.sql)) &&
      i < report.templates.findIndex((s) => /^\s*COMMIT\b/i.test(s.sql)),
  ).length;
  console.log(
    `\nAPI / baseline: throughput ×${(apiRun.throughput / baseRun.throughput).toFixed(2)}, ` +
      `p99 ×${(apiLatency.p99 / baseLatency.p99).toFixed(2)}, p50 ×${(apiLatency.p50 / baseLatency.p50).toFixed(2)}`,
  );
  console.log(
    `SQL statements per castVote: ${report.templates.length} ` +
      `(${inTransaction} between START TRANSACTION and COMMIT); ` +
      `connections: API pool ${report.apiPool}, baseline ${VOTERS} (one per voter)`,
  );
  console.log(
    `This Node process over the timed window (one core = 100 %; ${cpus().length} CPUs, ` +
      `load average ${loadavg()[0].toFixed(1)} at the end):\n${report.runs
        .map(
          (run) =>
            `  ${run.name.padEnd(widths[0])}   CPU ${(run.cpu * 100).toFixed(0).padStart(3)} %, ` +
            `${ms((run.cpu * 1000) / run.throughput)} of CPU per vote`,
        )
        .join('\n')}`,
  );
  for (const run of report.runs)
    if (run.firstError !== undefined) console.log(`First error of "${run.name}": ${run.firstError}`);

  console.log(`\nThe statements of one castVote, as the baseline replays them (mean time each, timed votes):`);
  const roles = report.templates.map((t) => shownRoles(t.roles));
  const roleWidth = Math.max('parameters'.length, ...roles.map((r) => r.length));
  console.log(`   # │ ${'statement'.padEnd(72)} │ ${'parameters'.padEnd(roleWidth)} │ mean`);
  report.templates.forEach((t, i) =>
    console.log(
      [
        String(i + 1).padStart(4),
        shortSql(t.sql).padEnd(72),
        roles[i].padEnd(roleWidth),
        ms(report.statementMeans[i]),
      ].join(' │ '),
    ),
  );
  console.log(
    "  parameters, per vote: voter = the worker's own board member, key = a new idempotency key,\n" +
      '  choice = YES or NO, time = now, payload = the audit payload with that choice, chain = seq, previous\n' +
      '  hash and hash computed from the head the audit SELECT read; ballot and fixed = as captured.',
  );
  console.log(`\nChecks after both runs: ${report.checks.join('; ')}.`);

  const lock = report.templates.findIndex((t) => /pg_advisory_xact_lock/i.test(t.sql));
  const commit = report.templates.findIndex((t) => /^\s*COMMIT\b/i.test(t.sql));
  const mean = (from: number, to: number): number =>
    report.statementMeans.slice(from, to + 1).reduce((sum, value) => sum + value, 0);
  // Where the baseline's voters queued: the statements that took a quarter of a vote or more. What follows the
  // last of them up to COMMIT ran one vote at a time, so its time bounds the throughput.
  const total = mean(0, commit);
  const waits = report.statementMeans
    .map((value, i) => ({ value, i }))
    .filter(({ value, i }) => i <= commit && value >= total / 4);
  const queue = waits.length === 0 ? -1 : waits[waits.length - 1].i;
  const serial = queue !== -1 && commit > queue ? mean(queue + 1, commit) : Number.NaN;
  const queued =
    `statement${waits.length === 1 ? '' : 's'} ${waits.map(({ i }) => i + 1).join(' and ')} ` +
    `(${waits.map(({ value }) => ms(value)).join(' and ')} of a vote's ${ms(total)})`;
  const where =
    queue === lock
      ? 'That is the audit lock.'
      : report.kind === 'pglite'
        ? 'Not the audit lock: PGlite runs one statement at a time for every connection and keeps a\n' +
          "    connection's transaction together, so whole transactions take turns and the lock is never contended."
        : 'Not the audit lock: look at that statement.';
  console.log(`
What to look at:
  - errors must be 0 in both rows (warm-up included), and the checks must hold; otherwise the figures
    measure failures (the line above the statements names the first error) and the script exits 1.
  - throughput: every castVote appends to the audit chain under one advisory transaction lock
    (pg_advisory_xact_lock in AuditService.append, statement ${lock + 1}), held until COMMIT: votes are serialised
    from the lock to the commit whatever the concurrency, so throughput is at most 1 / (time the lock is held).
    Both runs pay it.
  - where the baseline queued: ${queued}.
    ${where}
    What ran after statement ${queue + 1} up to COMMIT (${queue + 2}–${commit + 1}) took ${ms(serial)}: one vote at a time,
    that allows at most ${(1000 / serial).toFixed(0)} votes/s; the baseline did ${report.runs[1].throughput.toFixed(0)}.
  - API / baseline: what GraphQL, the auth guard, Nest, TypeORM (query building, hydration) and the inject
    add to the same SQL. Under the lock it is not just their cost per vote: each await between the lock and
    COMMIT resumes only when this process's event loop gets to it, behind every other voter's parsing,
    validation and serialisation, so a busy Node side also stretches the time the lock is held, which every
    other voter then waits for. CPU per vote is what one vote costs this process's one thread: with CPU
    near 100 %, 1000 / (CPU per vote) is the API's ceiling whatever the database does, and the Node side,
    not SQL, is where to look. Below 100 % with a low throughput, look at the lock or at the machine (the
    load average is the whole machine's: other processes take cores from both runs alike, not always evenly).
  - p50, p95, p99: with a fixed number of voters, p50 ≈ voters / throughput (Little's law): the latencies
    are mostly the queue for the lock (or for the event loop), not one vote's work. p99 far above p95 is
    unfairness in that queue, garbage collection or a stalled event loop.
  - connections: the API's voters share its pool (${report.apiPool}) and queue for a connection in Node; the
    baseline's ${VOTERS} clients each hold one and queue for the lock inside the database. On PGlite the database
    runs in this process, one statement at a time, so Node CPU includes it and only the ratio means much.
  - statements per castVote: round trips per vote; the first (the auth guard's person) runs outside the
    transaction. Between the lock and COMMIT there are two more round trips (the chain head, the insert):
    the fewer there are, and the shorter, the higher the ceiling.`);
}

async function main(): Promise<void> {
  const database = await createStandaloneDatabase();
  let app: NestFastifyApplication | undefined;
  let counter: SqlStatementCounter | undefined;
  const clients: Client[] = [];
  let cleaned = false;
  const cleanUp = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    counter?.detach();
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
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
    const environment = testEnvironment({ workersInApi: false });
    ({ app } = await createApiApplication(environment, database.url));
    const seeder = app.get(DemoSeeder);
    if (!(await seeder.isSeeded())) await seeder.seed(TEST_PASSWORD);
    await app.getHttpAdapter().getInstance().ready();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const api = apiClient(app);

    console.log(`Creating ${VOTERS} board members…`);
    const voters = await createBoardMembers(app, dataSource, VOTERS);
    console.log(`Signing them in…`);
    for (const voter of voters) voter.token = await api.tokenFor(voter.email);
    console.log('Scheduling a proposal and opening its ballot (quorum 0, SIMPLE)…');
    const { ballotId, eligible } = await openBallot(api);
    console.log(`  ballot ${ballotId}: ${eligible} eligible voters`);

    // One vote at a time, counted; the first ones may run extra statements (a new connection, a cold cache).
    console.log('Capturing the SQL statements of one castVote…');
    counter = SqlStatementCounter.attach(dataSource);
    const captureVoter = voters[0];
    let captured: { values: CallValues; statements: RecordedStatement[] } | undefined;
    const counts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const values: CallValues = {
        voterId: captureVoter.personId,
        key: randomUUID(),
        choice: 'ABSTAIN',
        ballotId,
        now: new Date(),
      };
      const { statements } = await counter.count(() =>
        ok(
          api.graphql<{ castVote: { castAt: string } }>(
            VOTE,
            { id: ballotId, choice: values.choice, key: values.key },
            captureVoter.token,
          ),
          'castVote',
        ),
      );
      counts.push(statements.length);
      captured = { values, statements };
    }
    counter.detach();
    counter = undefined;
    if (captured === undefined) throw new Error('unreachable');
    console.log(`  ${counts.join(', ')} statements in three votes; the baseline replays the last`);
    const templates = templatesOf(captured.statements, captured.values);
    const capturedValues = captured.values;

    console.log(`API run: ${VOTERS} voters through GraphQL, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s…`);
    const apiRun = await drive('API (GraphQL)', VOTERS, async (worker, iteration) => {
      const choice = choiceFor(worker, iteration);
      const result = await api.graphql<{ castVote: { choice: string } }>(
        VOTE,
        { id: ballotId, choice, key: randomUUID() },
        voters[worker].token,
      );
      if (result.status !== 200 || result.errors !== undefined || result.data?.castVote.choice !== choice)
        throw new Error(`castVote answered ${result.status}: ${JSON.stringify(result.errors ?? result.data)}`);
    });

    console.log(`Baseline: opening ${VOTERS} raw pg connections…`);
    for (let i = 0; i < VOTERS; i += 1) {
      const client = new Client({ connectionString: database.url, application_name: 'majlis-bench-baseline' });
      await client.connect();
      clients.push(client);
    }
    const version = (await clients[0].query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const totals = templates.map(() => 0);
    let timedVotes = 0;
    console.log(`Baseline run: the same ${templates.length} statements on ${VOTERS} pg clients…`);
    const baseRun = await drive(`raw pg (${VOTERS} clients)`, VOTERS, async (worker, iteration, timed) => {
      const client = clients[worker];
      const values: CallValues = {
        voterId: voters[worker].personId,
        key: randomUUID(),
        choice: choiceFor(worker, iteration),
        ballotId,
        now: new Date(),
      };
      const took = templates.map(() => 0);
      let head: ChainHead | null = null;
      try {
        for (const [i, template] of templates.entries()) {
          const before = performance.now();
          const result = await client.query<Record<string, unknown>>(
            template.sql,
            bind(template, values, capturedValues, head),
          );
          took[i] = performance.now() - before;
          if (template.readsChainHead) head = chainHeadOf(result.rows[0]);
          if (/^\s*INSERT\b/i.test(template.sql) && result.rowCount !== 1)
            throw new Error(`statement ${i + 1} wrote ${result.rowCount} rows, not 1: ${shortSql(template.sql)}`);
        }
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      if (timed) {
        timedVotes += 1;
        took.forEach((t, i) => (totals[i] += t));
      }
    });

    console.log('Checking the ballot, the receipts and the audit chain…');
    const [stored] = (await dataSource.query(
      `SELECT (SELECT count(*)::int FROM vote WHERE ballot_id = $1) AS votes,
              (SELECT count(DISTINCT voter_id)::int FROM vote WHERE ballot_id = $1) AS voters,
              (SELECT count(*)::int FROM vote_receipt WHERE ballot_id = $1) AS receipts`,
      [ballotId],
    )) as Array<{ votes: number; voters: number; receipts: number }>;
    const receiptsExpected = counts.length + apiRun.completed + baseRun.completed;
    const chain = await app.get(AuditService).verify();
    const checks = [
      `${stored.votes} vote rows on the ballot for ${stored.voters} voters (expected ${VOTERS})`,
      `${stored.receipts} receipts (expected ${receiptsExpected}, one per vote cast)`,
      chain.ok
        ? `audit chain intact (${chain.entries} entries)`
        : `audit chain BROKEN at ${chain.brokenAt} (${chain.reason})`,
    ];
    const problems =
      stored.votes !== VOTERS || stored.voters !== VOTERS || stored.receipts !== receiptsExpected || !chain.ok;

    printReport({
      kind: database.kind,
      database: `${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} ${version}, Node ${process.version}`,
      apiPool: poolSizeFor(environment.databaseMode),
      runs: [apiRun, baseRun],
      templates,
      statementMeans: totals.map((total) => (timedVotes === 0 ? Number.NaN : total / timedVotes)),
      checks,
    });
    if (problems || apiRun.errors > 0 || baseRun.errors > 0) {
      console.error('\nThe figures above are not to be trusted: see the errors and checks.');
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
