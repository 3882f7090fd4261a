/**
 * Benchmark of commit-to-delivered for in-app notifications: from the transaction that records an event
 * (a proposal SUBMIT, which writes its `outbox_message` row) to the `notification` rows in the recipients'
 * inboxes, through the outbox relay, the `events` queue on Redis and the EventDispatcher; beside a raw
 * BullMQ baseline (a Queue and a Worker that does nothing) on the same Redis in the same run. Not a test:
 * it prints figures, and exits 1 only when they cannot be trusted (an event without all its notifications).
 *
 * Run from the repository root (Redis is required: REDIS_URL, or redis://127.0.0.1:6379):
 *   PostgreSQL:  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *                npx ts-node -r tsconfig-paths/register scripts/bench-notifications.ts
 *   PGlite:      npx ts-node -r tsconfig-paths/register scripts/bench-notifications.ts --events 200   (no DATABASE_URL)
 *   Options:     --events 1000  --recipients 5  --concurrency 16  --email immediate|digest
 *
 * With DATABASE_URL it creates a database of its own on that server (majlis_bench_…) and drops it at the
 * end; without, it runs on an in-memory PGlite. The API runs in this process with its workers
 * (`workersInApi`: the outbox relay and every queue processor) on Redis under a queue prefix of its own;
 * the baseline uses another. Both prefixes' keys are deleted at the end, nothing else in Redis is touched.
 *
 * Set-up (untimed): the demo partnership, extra SECRETARIAT people (SQL) so that each `proposal.submitted`
 * reaches --recipients people, and --events draft proposals of the Dammam delegate (ProposalService).
 * majlis run: every draft submitted through ProposalService.transition by --concurrency callers
 * at once, as fast as they go. Lag per notification = notification.created_at − outbox_message.created_at,
 * both PostgreSQL `now()`, which is the start of each transaction (not its commit): the lag runs from the
 * moment the SUBMIT transaction began to the moment the dispatch transaction that wrote the notification
 * began. E-mail: with --email immediate (the default, each recipient's default preference) one e-mail per
 * notification, written as an .eml file to a temporary data dir: it is queued after the in-app rows are
 * committed, so it is not on their path, but its jobs share the process, the database and Redis with them;
 * its figures are printed below the table. With --email digest the recipients take the topic as a daily
 * digest (in-app at once, e-mail later), so no e-mail work runs during the benchmark.
 * Baselines: one job per event (see rawBullmq for why), its processor only records Date.now(); lag = processed
 * − added. "as fast as possible": --concurrency producers adding jobs in a loop; "majlis's arrivals": each
 * job added when the matching SUBMIT returned in the majlis run, so the queue sees the same offered load.
 * Throughput = deliveries / (last delivery − first commit or add), deliveries = events × recipients.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { Actor, IdentityService, ProposalCategory, ProposalService, TOPICS } from '@majlis/domain';
import { DemoSeeder } from '@majlis/demo';
import { poolSizeFor } from '@majlis/persistence';
import { queueConnection } from '@majlis/queue';
import { createStandaloneDatabase, TEST_PASSWORD, testEnvironment, TestDatabase } from '@majlis/testing';
import { createApiApplication } from '../apps/api/src/api.application';
import { latency } from './bench-stats';

// An empty variable counts as unset, as in the test harness: no DATABASE_URL means embedded PGlite.
for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) if (process.env[name] === '') delete process.env[name];
process.env.TEST_LOG_LEVEL ??= 'silent';

/** The value of `--name value` or `--name=value` on the command line. */
function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  return at === -1 ? undefined : args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
}

function flag(name: string, fallback: number, least: number): number {
  const raw = option(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < least)
    throw new Error(`--${name} must be a whole number of at least ${least}`);
  return value;
}
const EVENTS = flag('events', 1000, 1);
const RECIPIENTS = flag('recipients', 5, 1);
const CONCURRENCY = flag('concurrency', 16, 1);
const EMAIL = option('email') ?? 'immediate';
if (EMAIL !== 'immediate' && EMAIL !== 'digest') throw new Error('--email must be immediate or digest');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DELEGATE = 'delegate.dammam@demo.majlis';
const TOPIC = TOPICS.proposalSubmitted;
/** No progress for this long means something is stuck: the run stops rather than wait for ever. */
const STALL_MS = 60_000;

/** Wall-clock milliseconds with sub-millisecond precision, comparable with PostgreSQL's `now()` on this machine. */
const wallClock = (): number => performance.timeOrigin + performance.now();

const ms = (value: number): string =>
  Number.isNaN(value)
    ? '–'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/** Polls `count` until it reaches `target`, printing progress; fails when it stops moving for STALL_MS. */
async function waitFor(what: string, target: number, count: () => Promise<number>, everyMs = 100): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  let shownAt = Date.now();
  for (;;) {
    const now = await count();
    if (now >= target) return;
    if (now !== last) [last, movedAt] = [now, Date.now()];
    if (Date.now() - movedAt > STALL_MS) throw new Error(`${what}: stuck at ${now}/${target} for ${STALL_MS / 1000} s`);
    if (Date.now() - shownAt >= 2_000) {
      console.log(`  ${what}: ${now}/${target}`);
      shownAt = Date.now();
    }
    await sleep(everyMs);
  }
}

/** Redis's version, or a clear message and exit when it cannot be reached: this benchmark is about the Redis backend. */
async function redisVersion(url: string): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? 'unknown';
  } catch (error) {
    console.error(
      `Cannot reach Redis at ${url} (${error instanceof Error ? error.message : String(error)}).\n` +
        'This benchmark measures the Redis queue backend: start a Redis there, or set REDIS_URL=redis://host:port.',
    );
    return null;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under each `prefix:` (ours only: the prefixes are random); returns how many. */
async function deleteKeys(url: string, prefixes: readonly string[]): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 2 });
  let deleted = 0;
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) deleted += await client.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    await client.quit().catch(() => client.disconnect());
  }
  return deleted;
}

/** The API's own `events` worker: its concurrency (set by `@Processor('events', …)`) and its job events. */
function eventsWorker(app: NestFastifyApplication): Worker {
  const hosts = app
    .get(DiscoveryService, { strict: false })
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  const events = hosts.find((host) => host.worker.name === 'events');
  if (events === undefined) throw new Error('the API runs no worker for the events queue: are its workers on?');
  return events.worker;
}

/** Adds people with the SECRETARIAT role until `recipients` active ones hear of a submission; returns how many now. */
async function addSecretariat(dataSource: DataSource, recipients: number): Promise<number> {
  const count = async (): Promise<number> => {
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM person
        WHERE active AND 'SECRETARIAT' = ANY(roles)
          AND NOT EXISTS (SELECT 1 FROM notification_preference p
                           WHERE p.person_id = person.id AND p.topic = $1 AND p.mode = 'off')`,
      [TOPIC],
    )) as Array<{ n: number }>;
    return row.n;
  };
  const present = await count();
  for (let i = present; i < recipients; i += 1)
    await dataSource.query(
      `INSERT INTO person (email, password_hash, name, preferred_locale, roles)
       VALUES ($1, 'not-a-password-hash', $2, 'en', '{SECRETARIAT}')`,
      [`secretariat.bench${i}@demo.majlis`, { en: `Bench secretariat ${i}`, authoritative: 'en' }],
    );
  return count();
}

/**
 * With --email digest every secretariat member takes `proposal.submitted` as a daily digest: the in-app
 * notification is still written at once, the e-mail waits for the digest hour, so no e-mail job shares
 * the run. Preferences are per topic, not per channel: this is the only way to keep e-mail out of it.
 */
async function emailAsDigest(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO notification_preference (person_id, topic, mode)
     SELECT id, $1, 'digest' FROM person WHERE active AND 'SECRETARIAT' = ANY(roles)
     ON CONFLICT (person_id, topic) DO UPDATE SET mode = 'digest'`,
    [TOPIC],
  );
}

/** The Dammam delegate as the services see them, signed in once. */
async function delegateActor(app: NestFastifyApplication): Promise<Actor> {
  const identity = app.get(IdentityService);
  const session = await identity.login(DELEGATE, TEST_PASSWORD);
  return identity.actorFromToken(session.token, 'en');
}

interface Run {
  name: string;
  events: number;
  deliveries: number;
  /** Deliveries per second, from the first commit (or add) to the last delivery. */
  throughput: number;
  /** Per delivery, ms. */
  lags: number[];
  /** Events (or jobs) committed (or added) per second while the producers ran. */
  offered: number;
  /** This Node process's CPU over the run, as a share of one core. */
  cpu: number;
}

interface MajlisDetail {
  /** SUBMIT calls, start to return (Node clock). */
  submit: number[];
  /** outbox created_at (transaction start) → SUBMIT returned: how long before its commit an event is dated. */
  beforeCommit: number[];
  /** created_at → relayed_at: the rest of the transaction and the wait for the relay's next poll. */
  toRelay: number[];
  /** relayed_at → the events worker took the job (its `active` event): addBulk and the wait for a free slot. */
  queued: number[];
  /** Job taken → dispatch transaction start: the wait for a connection from the API's pool. */
  connection: number[];
  /** Dispatch transaction start → dispatched_at (set in Node just before its COMMIT). */
  dispatch: number[];
  /** The whole dispatch job, taken to completed: also queueing the e-mails, completing, live updates. */
  job: number[];
  /** Lag measured from the SUBMIT's return instead: after the commit, on the Node clock. */
  fromReturn: number[];
  /** E-mail deliveries by status, their lags (outbox created_at → sent_at) and the .eml files written. */
  email: { statuses: Map<string, number>; lags: number[]; files: number };
}

interface Timed {
  proposalId: string;
  startedAt: number;
  returnedAt: number;
}

async function majlisRun(
  app: NestFastifyApplication,
  events: Worker,
  dataSource: DataSource,
  actor: Actor,
  recipients: number,
  mailDir: string,
): Promise<{ run: Run; detail: MajlisDetail; arrivals: number[] }> {
  const proposals = app.get(ProposalService);

  console.log(`Creating ${EVENTS} draft proposals (untimed)…`);
  const drafts: Array<{ id: string; version: number }> = [];
  await inParallel(Array.from({ length: EVENTS }), CONCURRENCY, async (_, i) => {
    const draft = await proposals.create(actor, {
      category: ProposalCategory.PROGRAMME,
      title: { en: `Notification benchmark ${i + 1}` },
    });
    drafts.push({ id: draft.id, version: draft.version });
    if (drafts.length % 250 === 0) console.log(`  ${drafts.length}/${EVENTS} drafts`);
  });
  const ids = drafts.map((draft) => draft.id);
  const delivered = async (): Promise<number> =>
    (
      (await dataSource.query(
        `SELECT count(*)::int AS n FROM notification WHERE topic = $1 AND entity_id = ANY($2::uuid[])`,
        [TOPIC, ids],
      )) as Array<{ n: number }>
    )[0].n;

  // When the events worker takes and finishes each dispatch job (job id = outbox id), on the Node clock.
  const jobs = new Map<string, { takenAt: number; doneAt?: number }>();
  const taken = (job: Job): void => void jobs.set(job.id ?? '', { takenAt: wallClock() });
  const done = (job: Job): void => {
    const entry = jobs.get(job.id ?? '');
    if (entry !== undefined) entry.doneAt = wallClock();
  };
  events.on('active', taken);
  events.on('completed', done);
  console.log(`Submitting them, ${CONCURRENCY} at a time; ${EVENTS * recipients} in-app notifications to come…`);
  const timed: Timed[] = [];
  const cpuFrom = process.cpuUsage();
  const startedAt = performance.now();
  const submitting = inParallel(drafts, CONCURRENCY, async (draft) => {
    const begun = wallClock();
    await proposals.transition(actor, draft.id, { event: 'SUBMIT', expectedVersion: draft.version });
    timed.push({ proposalId: draft.id, startedAt: begun, returnedAt: wallClock() });
  });
  const [submitSeconds] = await Promise.all([
    submitting.then(() => (performance.now() - startedAt) / 1000),
    waitFor('in-app notifications', EVENTS * recipients, delivered),
  ]);
  const used = process.cpuUsage(cpuFrom);
  const cpu = (used.user + used.system) / 1000 / (performance.now() - startedAt);
  console.log(`  all ${EVENTS * recipients} in the inboxes; waiting for the events to complete (e-mails, not timed)…`);
  const completed = async (): Promise<number> =>
    (
      (await dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_message
          WHERE topic = $1 AND payload->>'entityId' = ANY($2::text[]) AND completed_at IS NOT NULL`,
        [TOPIC, ids],
      )) as Array<{ n: number }>
    )[0].n;
  await waitFor('events with every e-mail sent', EVENTS, completed, 250);
  events.off('active', taken);
  events.off('completed', done);

  const outbox = (await dataSource.query(
    `SELECT id, payload->>'entityId' AS proposal_id,
            (extract(epoch FROM created_at) * 1000)::float8 AS created,
            (extract(epoch FROM relayed_at) * 1000)::float8 AS relayed,
            (extract(epoch FROM dispatched_at) * 1000)::float8 AS dispatched
       FROM outbox_message WHERE topic = $1 AND payload->>'entityId' = ANY($2::text[])`,
    [TOPIC, ids],
  )) as Array<{ id: string; proposal_id: string; created: number; relayed: number; dispatched: number }>;
  const eventIds = outbox.map((event) => event.id);
  const notifications = (await dataSource.query(
    `SELECT event_id, (extract(epoch FROM created_at) * 1000)::float8 AS created
       FROM notification WHERE event_id = ANY($1::uuid[])`,
    [eventIds],
  )) as Array<{ event_id: string; created: number }>;
  const emails = (await dataSource.query(
    `SELECT outbox_id, status, (extract(epoch FROM sent_at) * 1000)::float8 AS sent
       FROM notification_delivery WHERE channel = 'email' AND outbox_id = ANY($1::uuid[])`,
    [eventIds],
  )) as Array<{ outbox_id: string; status: string; sent: number | null }>;

  const perEvent = new Map<string, number[]>();
  for (const notification of notifications)
    perEvent.set(notification.event_id, [...(perEvent.get(notification.event_id) ?? []), Number(notification.created)]);
  const wrong = outbox.filter((event) => perEvent.get(event.id)?.length !== recipients);
  if (outbox.length !== EVENTS || wrong.length > 0)
    throw new Error(
      `expected ${EVENTS} events with ${recipients} notifications each; found ${outbox.length} events, ` +
        `${wrong.length} of them with another count`,
    );
  const byProposal = new Map(timed.map((call) => [call.proposalId, call]));
  const byEvent = new Map(outbox.map((event) => [event.id, event]));

  const detail: MajlisDetail = {
    submit: timed.map((call) => call.returnedAt - call.startedAt),
    beforeCommit: [],
    toRelay: [],
    queued: [],
    connection: [],
    dispatch: [],
    job: [],
    fromReturn: [],
    email: { statuses: new Map(), lags: [], files: 0 },
  };
  const lags: number[] = [];
  for (const event of outbox) {
    const created = Number(event.created);
    const dispatchStart = Math.min(...(perEvent.get(event.id) ?? []));
    const returned = byProposal.get(event.proposal_id)?.returnedAt ?? Number.NaN;
    detail.beforeCommit.push(returned - created);
    detail.toRelay.push(Number(event.relayed) - created);
    const job = jobs.get(event.id);
    detail.queued.push((job?.takenAt ?? Number.NaN) - Number(event.relayed));
    detail.connection.push(dispatchStart - (job?.takenAt ?? Number.NaN));
    detail.job.push((job?.doneAt ?? Number.NaN) - (job?.takenAt ?? Number.NaN));
    detail.dispatch.push(Number(event.dispatched) - dispatchStart);
    for (const at of perEvent.get(event.id) ?? []) {
      lags.push(at - created);
      detail.fromReturn.push(at - returned);
    }
  }
  for (const email of emails) {
    detail.email.statuses.set(email.status, (detail.email.statuses.get(email.status) ?? 0) + 1);
    const event = byEvent.get(email.outbox_id);
    if (email.sent !== null && event !== undefined) detail.email.lags.push(Number(email.sent) - Number(event.created));
  }
  detail.email.files = (await readdir(mailDir).catch(() => [])).length;

  const firstCommit = Math.min(...outbox.map((event) => Number(event.created)));
  const lastDelivery = Math.max(...notifications.map((notification) => Number(notification.created)));
  const firstReturn = Math.min(...timed.map((call) => call.returnedAt));
  return {
    run: {
      name: 'majlis',
      events: EVENTS,
      deliveries: notifications.length,
      throughput: (notifications.length * 1000) / (lastDelivery - firstCommit),
      lags,
      offered: EVENTS / submitSeconds,
      cpu,
    },
    detail,
    // When each event became visible (its SUBMIT returned), relative to the first: the paced baseline's schedule.
    arrivals: timed.map((call) => call.returnedAt - firstReturn).sort((a, b) => a - b),
  };
}

/**
 * Raw BullMQ on the same Redis: a Queue and a Worker with the events processor's concurrency, whose
 * processor only records the time. One job per event, not one per recipient: majlis too handles an
 * event as one `events/dispatch` job that writes every recipient's notification in one transaction, so
 * that is the queue work both sides do per event; each job counts as `recipients` deliveries. The job
 * options are dispatchJob's (a job id of its own, attempts with backoff, removed on completion).
 * `arrivals` (ms from the start) paces the adds; without it --concurrency producers add as fast as they can.
 */
async function rawBullmq(
  name: string,
  prefix: string,
  concurrency: number,
  recipients: number,
  arrivals?: readonly number[],
): Promise<Run> {
  const { connection } = queueConnection({ redisUrl: REDIS_URL, databaseUrl: 'postgres://unused', prefix });
  const queueName = 'bench';
  const queue = new Queue(queueName, { connection, prefix });
  const added = new Map<string, number>();
  const processed = new Map<string, number>();
  const worker = new Worker(
    queueName,
    async (job) => {
      processed.set(job.id ?? '', wallClock());
    },
    { connection, prefix, concurrency },
  );
  try {
    await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
    const add = async (): Promise<void> => {
      const jobId = randomUUID();
      added.set(jobId, wallClock());
      await queue.add(
        'dispatch',
        { outboxId: jobId },
        {
          jobId,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      );
    };
    const cpuFrom = process.cpuUsage();
    const startedAt = performance.now();
    const adding =
      arrivals === undefined
        ? inParallel(Array.from({ length: EVENTS }), CONCURRENCY, add)
        : Promise.all(
            arrivals.map(async (offset) => {
              await sleep(Math.max(0, offset - (performance.now() - startedAt)));
              await add();
            }),
          ).then(() => undefined);
    const [addSeconds] = await Promise.all([
      adding.then(() => (performance.now() - startedAt) / 1000),
      waitFor(`${name}: jobs processed`, EVENTS, () => Promise.resolve(processed.size), 20),
    ]);
    const used = process.cpuUsage(cpuFrom);
    const lags = [...processed].map(([id, at]) => at - (added.get(id) ?? Number.NaN));
    const first = Math.min(...added.values());
    const last = Math.max(...processed.values());
    return {
      name,
      events: EVENTS,
      deliveries: EVENTS * recipients,
      throughput: (EVENTS * recipients * 1000) / (last - first),
      lags,
      offered: EVENTS / addSeconds,
      cpu: (used.user + used.system) / 1000 / (performance.now() - startedAt),
    };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

function printReport(
  header: string,
  runs: readonly Run[],
  detail: MajlisDetail,
  recipients: number,
  eventsConcurrencyUsed: number,
  mailDir: string,
): void {
  const columns = ['run', 'events', 'deliveries', 'throughput', 'lag p50', 'p95', 'p99', 'max', 'offered', 'CPU'];
  const rows = runs.map((run) => {
    const l = latency(run.lags);
    return [
      run.name,
      String(run.events),
      String(run.deliveries),
      `${run.throughput.toFixed(0)} /s`,
      ms(l.p50),
      ms(l.p95),
      ms(l.p99),
      ms(l.max),
      `${run.offered.toFixed(0)} ev/s`,
      `${(run.cpu * 100).toFixed(0)} %`,
    ];
  });
  const [majlis, ...baselines] = runs;
  const m = latency(majlis.lags);
  for (const baseline of baselines) {
    const b = latency(baseline.lags);
    rows.push([
      `majlis / ${baseline.name.replace('raw BullMQ, ', 'raw ')}`,
      '',
      '',
      `×${(majlis.throughput / baseline.throughput).toPrecision(2)}`,
      `×${(m.p50 / b.p50).toFixed(0)}`,
      `×${(m.p95 / b.p95).toFixed(0)}`,
      `×${(m.p99 / b.p99).toFixed(0)}`,
      `×${(m.max / b.max).toFixed(0)}`,
      '',
      '',
    ]);
  }
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' │ ');
  console.log(`\n${header}\n`);
  console.log(line(columns));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  rows.forEach((row, i) => {
    if (i === runs.length) console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
    console.log(line(row));
  });

  const stage = (label: string, samples: number[]) => {
    const l = latency(samples);
    return `  ${label.padEnd(62)} p50 ${ms(l.p50).padStart(9)}   p95 ${ms(l.p95).padStart(9)}   max ${ms(l.max).padStart(9)}`;
  };
  const e = detail.email;
  console.log(`
Where a majlis event's time goes (per event; DB times are the database's now(), the start of each transaction):
${stage('SUBMIT call, start to return (Node)', detail.submit)}
${stage('dated before its commit: created_at → SUBMIT returned', detail.beforeCommit)}
${stage('created_at → relayed_at (rest of the transaction, relay poll)', detail.toRelay)}
${stage('relayed_at → job taken by the events worker (queue, free slot)', detail.queued)}
${stage('job taken → dispatch transaction start (a pool connection)', detail.connection)}
${stage('dispatch start → dispatched_at (fan-out transaction, Node)', detail.dispatch)}
${stage('whole dispatch job, taken → completed (+ e-mail jobs, live)', detail.job)}
${stage('lag per notification measured from SUBMIT returned instead', detail.fromReturn)}
E-mail (--email ${EMAIL}; not in the table): ${[...e.statuses].map(([status, n]) => `${n} ${status}`).join(', ') || 'none'}; \
${e.files} .eml files in ${mailDir} (removed at the end)${
    e.lags.length === 0 ? '' : `\n${stage('commit → e-mail written (outbox created_at → sent_at)', e.lags)}`
  }

What to look at:
  - deliveries = events × ${recipients} recipients; each event is one events/dispatch job in majlis (concurrency
    ${eventsConcurrencyUsed}, read from the running worker) and one job in each baseline (same concurrency), counted ${recipients} times.
  - offered: how fast events were committed (majlis: SUBMIT calls, ${CONCURRENCY} at a time; every SUBMIT appends to the
    audit chain under one advisory lock, so commits are serialised) or jobs added. When throughput is close to
    offered × ${recipients}, the pipeline kept up and the producers set the pace; when it is well below, the pipeline is the limit.
  - lag: "as fast as possible" lags include the backlog that builds when adds outrun the worker; "majlis's arrivals"
    offers the queue exactly the majlis run's load, so majlis / that row is what the outbox, the relay's polling
    (every 100 ms when idle, batches of up to 200) and the dispatch transaction add over the queue alone.
  - The stages above add up (roughly) to the lag: created_at is the SUBMIT transaction's start, so the time
    it queued for the audit lock counts as lag ("dated before its commit"); from SUBMIT returned is the lag
    a reader would see from the moment the submitter got their answer.
  - A long "job taken by the events worker" is a backlog: the worker finishes about ${eventsConcurrencyUsed} / (whole dispatch
    job) events per second, and when that is below the commit rate the queue grows for as long as the load lasts.
    The dispatch job waits for pool connections three times (fan-out, pending deliveries, completion), and the
    pool is the one the SUBMITs use: SUBMITs waiting for the audit lock hold their connections meanwhile, so a
    --concurrency above the pool size slows the dispatcher (compare "job taken → dispatch transaction start"
    with --concurrency 4). A separate worker process (workersInApi off) has a pool of its own.
  - CPU: this Node process (API, workers, producers; on PGlite the database too) over each run, one core = 100 %;
    ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}.`);
}

async function main(): Promise<void> {
  const redis = await redisVersion(REDIS_URL);
  if (redis === null) {
    process.exitCode = 2;
    return;
  }
  const suffix = randomBytes(4).toString('hex');
  const appPrefix = `bnotif_${suffix}`;
  const rawPrefix = `bnotif_${suffix}_raw`;
  let database: TestDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let dataDir: string | undefined;
  let cleaned = false;
  const cleanUp = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await app?.close().catch((error: unknown) => console.error('closing the API:', error));
    const deleted = await deleteKeys(REDIS_URL, [appPrefix, rawPrefix]).catch((error: unknown) => {
      console.error(`could not delete the Redis keys under ${appPrefix}: and ${rawPrefix}:`, error);
      return Number.NaN;
    });
    await database?.drop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    console.log(
      `\nCleaned up: the API closed, ${deleted} Redis keys under ${appPrefix}:* and ${rawPrefix}:* deleted, ` +
        `the ${database?.kind === 'postgres' ? 'benchmark database dropped' : 'in-memory PGlite stopped'}, ` +
        `${dataDir ?? 'the data dir'} removed.`,
    );
  };
  process.once('SIGINT', () => {
    console.log('\ninterrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    database = await createStandaloneDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'majlis-bench-notifications-'));
    const kind = database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
    console.log(
      `Starting the API with its workers on ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}` +
        ` and Redis ${redis} at ${REDIS_URL} (queue prefix ${appPrefix})…`,
    );
    const environment = testEnvironment({
      workersInApi: true,
      redisUrl: REDIS_URL,
      queuePrefix: appPrefix,
      dataDir,
      smtpUrl: undefined,
    });
    ({ app } = await createApiApplication(environment, database.url));
    const seeder = app.get(DemoSeeder);
    if (!(await seeder.isSeeded())) await seeder.seed(TEST_PASSWORD);
    await app.getHttpAdapter().getInstance().ready();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const [{ version }] = (await dataSource.query(`SELECT current_setting('server_version') AS version`)) as Array<{
      version: string;
    }>;
    const events = eventsWorker(app);
    const concurrency = events.concurrency;

    console.log('Letting the demo partnership’s own events settle…');
    const open = async (): Promise<number> =>
      (
        (await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE completed_at IS NULL`)) as Array<{
          n: number;
        }>
      )[0].n;
    const before = await open();
    await waitFor('demo events done', before, async () => before - (await open()), 250);
    const recipients = await addSecretariat(dataSource, RECIPIENTS);
    if (EMAIL === 'digest') await emailAsDigest(dataSource);
    console.log(
      `  ${recipients} active SECRETARIAT people hear of each ${TOPIC}; ` +
        (EMAIL === 'immediate' ? 'each gets an e-mail too' : 'their e-mail waits for the daily digest'),
    );
    const actor = await delegateActor(app);

    const majlis = await majlisRun(app, events, dataSource, actor, recipients, join(dataDir, 'mail'));
    console.log(`Baseline: raw BullMQ (prefix ${rawPrefix}), worker concurrency ${concurrency}, as fast as possible…`);
    const fast = await rawBullmq('raw BullMQ, as fast as possible', rawPrefix, concurrency, recipients);
    console.log('Baseline: raw BullMQ with the majlis run’s arrival times…');
    const paced = await rawBullmq("raw BullMQ, majlis's arrivals", rawPrefix, concurrency, recipients, majlis.arrivals);

    printReport(
      `In-app notifications, commit to delivered — ${kind} ${version}, Redis ${redis}, Node ${process.version}, ` +
        `NODE_ENV ${process.env.NODE_ENV ?? 'unset'}\n${EVENTS} × ${TOPIC} to ${recipients} recipients each, ` +
        `${CONCURRENCY} concurrent SUBMITs; events worker concurrency ${concurrency}; ` +
        `one pool of ${poolSizeFor(environment.databaseMode)} DB connections for all; ` +
        (EMAIL === 'immediate'
          ? 'e-mail on, 1 per notification (to .eml files, concurrency 16 beside the events)'
          : 'e-mail as a daily digest (no e-mail job during the run)'),
      [majlis.run, fast, paced],
      majlis.detail,
      recipients,
      concurrency,
      join(dataDir, 'mail'),
    );
  } finally {
    await cleanUp();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
