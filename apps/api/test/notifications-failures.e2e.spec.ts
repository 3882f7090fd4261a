import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RedisProcess, requireRedisServer, SmtpSink, startRedisProcess, startSmtpSink } from '@majlis/testing';
import { ApiHarness, Caller, GraphqlResponse, startApi } from './api-harness';
import { eventually } from './eventually';
import { retryWhenBusy } from './retry-when-busy';

const SUBMIT = `mutation($id: ID!) { transitionProposal(id: $id, event: SUBMIT, expectedVersion: 1) { state } }`;
/** The secretariat hears of every submission: the demo's one account and these. */
const EXTRA_SECRETARIAT = 4;
const RECIPIENTS = 1 + EXTRA_SECRETARIAT;

const canRun = requireRedisServer(
  'notification failure tests: they stop, restart and kill a redis-server of their own',
);
const onPostgres = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';
if (canRun && !onPostgres)
  console.warn(
    'notification failure tests skipped: they need PostgreSQL (set DATABASE_URL), as a separate worker process shares the database',
  );
const describeFailures = canRun && onPostgres ? describe : describe.skip;

/** Runs `work` over `items`, `concurrency` at a time, in order of start. */
async function inPool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

describeFailures('notifications are never lost: Redis stopped, the worker killed', () => {
  let redis: RedisProcess;
  let smtp: SmtpSink;
  let api: ApiHarness;
  let dataSource: DataSource;
  let asDammam: Caller;

  /** `count` new Dammam drafts. */
  const drafts = async (count: number, label: string): Promise<string[]> =>
    inPool(
      Array.from({ length: count }, (_, n) => n),
      8,
      async (n) => {
        const created = await retryWhenBusy(() =>
          asDammam<{ createProposal: { id: string } }>(
            `mutation($title: String!) { createProposal(input: { category: OTHER, title: { en: $title } }) { id } }`,
            { title: `${label} ${n}` },
          ),
        );
        if (created.data?.createProposal === undefined) throw new Error(JSON.stringify(created.errors));
        return created.data.createProposal.id;
      },
    );

  // A busy API (SERVICE_UNAVAILABLE) changed nothing: the submission is sent again, as a client would.
  const submit = (ids: string[]): Promise<Array<GraphqlResponse>> =>
    inPool(ids, 10, (id) => retryWhenBusy(() => asDammam(SUBMIT, { id })));

  const counts = async (ids: string[]) => {
    const [row] = (await dataSource.query(
      `SELECT (SELECT count(*) FROM notification WHERE entity_id = ANY($1))::int AS inbox,
              (SELECT count(DISTINCT (event_id, recipient_id)) FROM notification WHERE entity_id = ANY($1))::int AS "inboxDistinct",
              (SELECT count(*) FROM notification_delivery d JOIN outbox_message o ON o.id = d.event_id
                WHERE d.status = 'sent' AND o.payload->>'entityId' = ANY($1::text[]))::int AS mailed,
              (SELECT count(*) FROM outbox_message WHERE completed_at IS NULL)::int AS open`,
      [ids],
    )) as Array<{ inbox: number; inboxDistinct: number; mailed: number; open: number }>;
    return row;
  };

  /** E-mails the SMTP server took for these proposals' submissions: in all, and distinct by Message-ID. */
  const mails = (label: string) => {
    const about = smtp.messages.filter((mail) => mail.subject.includes(label));
    return { total: about.length, distinct: new Set(about.map((mail) => mail.messageId)).size };
  };

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([startRedisProcess(), startSmtpSink()]);
    api = await startApi({
      redisUrl: redis.url,
      smtpUrl: smtp.url,
      retryBaseMs: 100,
      outboxSweepAfterMs: 3000,
      workersInApi: true,
    });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    asDammam = await api.as('delegate.dammam');
    for (let n = 1; n <= EXTRA_SECRETARIAT; n++)
      await dataSource.query(
        `INSERT INTO person (email, password_hash, name, preferred_locale, roles)
         VALUES ($1, 'not-a-hash', $2, 'en', '{SECRETARIAT}')`,
        [`secretariat.${n}@demo.majlis`, { en: `Secretariat officer ${n}`, authoritative: 'en' }],
      );
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    await Promise.all([redis?.stop(), smtp?.close()]);
  });

  it('loses nothing when Redis stops in the middle of 1,000 transitions (5,000 in-app, 5,000 e-mail deliveries)', async () => {
    const label = 'While Redis was away';
    const ids = await drafts(1000, label);
    const answers: GraphqlResponse[] = [];
    answers.push(...(await submit(ids.slice(0, 250))));
    await redis.stop();
    const whileDown = await submit(ids.slice(250, 750));
    answers.push(...whileDown);
    // The events committed while Redis was down are waiting in the outbox, not lost and not failed.
    const [{ waiting }] = (await dataSource.query(
      `SELECT count(*)::int AS waiting FROM outbox_message WHERE completed_at IS NULL AND topic = 'proposal.submitted'`,
    )) as Array<{ waiting: number }>;
    expect(waiting).toBeGreaterThanOrEqual(500);
    await redis.start();
    answers.push(...(await submit(ids.slice(750))));

    // No mutation failed because Redis was down.
    expect(answers.filter((answer) => answer.errors !== undefined).map((answer) => answer.errors)).toEqual([]);
    expect(
      answers.every(
        (answer) => (answer.data as { transitionProposal: { state: string } }).transitionProposal.state === 'submitted',
      ),
    ).toBe(true);

    await eventually(
      async () => {
        const now = await counts(ids);
        return now.open === 0 && now.inbox === 1000 * RECIPIENTS && now.mailed === 1000 * RECIPIENTS;
      },
      1_200_000,
      'every delivery of the 1,000 submissions',
      500,
    );
    const done = await counts(ids);
    expect(done).toEqual({ inbox: 5000, inboxDistinct: 5000, mailed: 5000, open: 0 });
    await smtp.waitFor(() => mails(label).distinct === 5000, 120_000);
    // Exactly once: every e-mail arrived, none twice.
    expect(mails(label)).toEqual({ total: 5000, distinct: 5000 });
  }, 1_800_000);
});

describeFailures('notifications are never lost: the worker killed in the middle of a batch', () => {
  let redis: RedisProcess;
  let smtp: SmtpSink;
  let api: ApiHarness;
  let dataSource: DataSource;
  let asDammam: Caller;
  const workers: ChildProcess[] = [];

  /** The worker application in a process of its own, on this test's database, Redis and SMTP server. */
  const startWorker = (): ChildProcess => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
      {
        cwd: join(__dirname, '../../..'),
        env: {
          PATH: process.env.PATH,
          TS_NODE_SWC: 'true',
          TS_NODE_TRANSPILE_ONLY: 'true',
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          DATABASE_URL: api.database.url,
          REDIS_URL: redis.url,
          SMTP_URL: smtp.url,
          JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
          MAJLIS_QUEUE_PREFIX: api.environment.queuePrefix,
          MAJLIS_RETRY_BASE_MS: '100',
          MAJLIS_OUTBOX_SWEEP_AFTER_MS: '3000',
          MAJLIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'majlis-worker-')),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
    workers.push(child);
    return child;
  };

  const exited = (child: ChildProcess): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', () => resolve()));

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([startRedisProcess(), startSmtpSink()]);
    // The API only commits; the worker, in its own process, relays and delivers.
    api = await startApi({ redisUrl: redis.url, smtpUrl: smtp.url, workersInApi: false });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    asDammam = await api.as('delegate.dammam');
    for (let n = 1; n <= EXTRA_SECRETARIAT; n++)
      await dataSource.query(
        `INSERT INTO person (email, password_hash, name, preferred_locale, roles)
         VALUES ($1, 'not-a-hash', $2, 'ar', '{SECRETARIAT}')`,
        [`secretariat.${n}@demo.majlis`, { ar: `موظف الأمانة ${n}`, authoritative: 'ar' }],
      );
  }, 300_000);

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map(exited));
    await api?.close();
    await Promise.all([redis?.stop(), smtp?.close()]);
  });

  it('delivers every notification exactly once after a worker is SIGKILLed mid-batch and another starts', async () => {
    const label = 'Before the worker died';
    const ids = await inPool(
      Array.from({ length: 400 }, (_, n) => n),
      8,
      async (n) =>
        (
          await retryWhenBusy(() =>
            asDammam<{ createProposal: { id: string } }>(
              `mutation($title: String!) { createProposal(input: { category: OTHER, title: { en: $title } }) { id } }`,
              { title: `${label} ${n}` },
            ),
          )
        ).data!.createProposal.id,
    );
    const answers = await inPool(ids, 10, (id) => retryWhenBusy(() => asDammam(SUBMIT, { id })));
    expect(answers.filter((answer) => answer.errors !== undefined)).toEqual([]);
    const expected = ids.length * RECIPIENTS;
    const delivered = async () =>
      (
        (await dataSource.query(
          `SELECT (SELECT count(*) FROM notification WHERE entity_id = ANY($1))::int AS inbox,
                  (SELECT count(*) FROM notification_delivery WHERE status = 'sent' AND topic = 'proposal.submitted')::int AS mailed`,
          [ids],
        )) as Array<{ inbox: number; mailed: number }>
      )[0];

    const first = startWorker();
    await eventually(
      async () => (await delivered()).inbox >= expected / 5,
      300_000,
      'the first worker to start delivering',
      20,
    );
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await delivered();
    // It died in the middle: some delivered, not all.
    expect(atKill.inbox + atKill.mailed).toBeLessThan(2 * expected);

    startWorker();
    await eventually(
      async () => {
        const now = await delivered();
        const [{ open }] = (await dataSource.query(
          `SELECT count(*)::int AS open FROM outbox_message WHERE completed_at IS NULL`,
        )) as Array<{ open: number }>;
        return now.inbox === expected && now.mailed === expected && open === 0;
      },
      1_200_000,
      'every delivery after the restart',
      500,
    );
    const [{ inboxDistinct }] = (await dataSource.query(
      `SELECT count(DISTINCT (event_id, recipient_id))::int AS "inboxDistinct" FROM notification WHERE entity_id = ANY($1)`,
      [ids],
    )) as Array<{ inboxDistinct: number }>;
    expect(inboxDistinct).toBe(expected);
    const about = smtp.messages.filter((mail) => mail.subject.includes(label));
    const distinct = new Set(about.map((mail) => mail.messageId)).size;
    expect(distinct).toBe(expected);
    // An e-mail the SMTP server took just before the kill, but not yet recorded as sent, goes again with
    // the same Message-ID (mail systems drop such repeats); at most one per send in flight at the kill.
    const repeats = about.length - distinct;
    if (repeats > 0) console.warn(`${repeats} e-mail(s) sent again after the kill, each with its first Message-ID`);
    expect(repeats).toBeLessThanOrEqual(16);
  }, 1_800_000);
});
