import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ballotCloseJobId,
  BallotDeadlines,
  DueDateReminders,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
} from '@majlis/domain';
import {
  ReceivedMail,
  RedisProcess,
  requireRedisServer,
  SmtpSink,
  startRedisProcess,
  startSmtpSink,
  startWebhookReceiver,
  WebhookReceiver,
} from '@majlis/testing';
import { JobProducer } from '@majlis/queue';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';
import { approvedProposal } from './approved-proposal';
import { eventually } from './eventually';

const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!, $comment: String) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version, comment: $comment) { state version }
}`;
const CREATE = `mutation($ar: String, $en: String) {
  createProposal(input: { category: PROGRAMME, title: { ar: $ar, en: $en } }) { id }
}`;
const BOARD = ['dammam', 'houston', 'aberdeen', 'stavanger', 'calgary', 'perth', 'portharcourt'];
const boardEmail = (city: string): string => `board.${city}@demo.majlis`;
const SECRETARIAT = 'secretariat@demo.majlis';
const DAMMAM_DELEGATE = 'delegate.dammam@demo.majlis';
const HOUSTON_DELEGATE = 'delegate.houston@demo.majlis';
/** Arabic readers among the demo accounts: Dammam's people. */
const ARABIC = new Set([DAMMAM_DELEGATE, boardEmail('dammam'), 'observer.dammam@demo.majlis']);

const canRun = requireRedisServer('notifications e2e: each test file stops and restarts a redis-server of its own');
const describeWithRedis = canRun ? describe : describe.skip;

const sorted = (values: Iterable<string>): string[] => [...values].sort();

describeWithRedis('notifications: who hears what, in which language, by inbox, e-mail and webhook', () => {
  let redis: RedisProcess;
  let smtp: SmtpSink;
  let hooks: WebhookReceiver;
  let api: ApiHarness;
  let dataSource: DataSource;
  let asDammam: Caller;
  let asSecretariat: Caller;
  let asAdmin: Caller;
  const board = new Map<string, Caller>();
  let meetingId: string;
  const cityIds = new Map<string, string>();

  /** Waits until every outbox message has been dispatched and every delivery it queued is done. */
  const settled = (timeoutMs = 30_000): Promise<void> =>
    eventually(async () => {
      const [row] = (await dataSource.query(
        `SELECT (SELECT count(*) FROM outbox_message WHERE completed_at IS NULL)::int AS open,
                (SELECT count(*) FROM notification_delivery WHERE status = 'pending')::int AS pending`,
      )) as Array<{ open: number; pending: number }>;
      return row.open === 0 && row.pending === 0;
    }, timeoutMs);

  /** A Dammam proposal with a title in both languages, moved by `steps`; returns its id and version. */
  const proposal = async (titles: { ar: string; en: string }) => {
    const { createProposal } = await ok<{ createProposal: { id: string } }>(asDammam, CREATE, titles);
    let version = 1;
    const step = async (call: Caller, event: string, comment?: string): Promise<void> => {
      const moved = await ok<{ transitionProposal: { version: number } }>(call, TRANSITION, {
        id: createProposal.id,
        event,
        version,
        comment,
      });
      version = moved.transitionProposal.version;
    };
    return { id: createProposal.id, step };
  };

  const inboxOf = async (entityIds: string[]) =>
    (await dataSource.query(
      `SELECT notification.topic, person.email, notification.locale, notification.title, notification.body
         FROM notification JOIN person ON person.id = notification.recipient_id
        WHERE notification.entity_id = ANY($1)`,
      [entityIds],
    )) as Array<{ topic: string; email: string; locale: string; title: string; body: string }>;

  const mailsAbout = (title: RegExp): ReceivedMail[] =>
    smtp.messages.filter((mail) => title.test(mail.subject) || title.test(mail.text));

  beforeAll(async () => {
    [redis, smtp, hooks] = await Promise.all([startRedisProcess(), startSmtpSink(), startWebhookReceiver()]);
    api = await startApi({ redisUrl: redis.url, smtpUrl: smtp.url, retryBaseMs: 50, outboxSweepAfterMs: 1500 });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    asDammam = await api.as(DAMMAM_DELEGATE);
    asSecretariat = await api.as(SECRETARIAT);
    asAdmin = await api.as('admin');
    for (const city of BOARD) board.set(city, await api.as(boardEmail(city)));
    const meetings = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      asSecretariat,
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
    );
    meetingId = meetings.meetings.edges[0].node.id;
    const cities = (await dataSource.query(`SELECT id, code FROM member_city`)) as Array<{ id: string; code: string }>;
    for (const city of cities) cityIds.set(city.code, city.id);
    // Whatever the demo's own set-up told people is not part of what these tests count.
    await settled();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await Promise.all([redis?.stop(), smtp?.close(), hooks?.close()]);
  });

  it('tells each event of the rule table to exactly the people it names, each in their language', async () => {
    const endpoint = async (path: string, locale: 'ar' | 'en', city?: string) =>
      (
        await ok<{ createWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
          asAdmin,
          `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } secret } }`,
          {
            input: { url: `${hooks.url}${path}`, locale, memberCityId: city === undefined ? null : cityIds.get(city) },
          },
        )
      ).createWebhookEndpoint.secret;
    const secrets = new Map([
      ['/partnership', await endpoint('/partnership', 'ar')],
      ['/dammam', await endpoint('/dammam', 'en', 'dammam')],
      ['/houston', await endpoint('/houston', 'en', 'houston')],
      ['/calgary', await endpoint('/calgary', 'en', 'calgary')],
    ]);

    const titles = { ar: 'برنامج تبادل الخبرات الفنية', en: 'Technical exchange programme' };
    const { id, step } = await proposal(titles);
    await step(asDammam, 'SUBMIT');
    await step(asSecretariat, 'START_REVIEW');
    await step(asSecretariat, 'REQUEST_CHANGES', 'أضيفوا أسماء الجامعات الشريكة.');
    await step(asDammam, 'SUBMIT');
    await step(asSecretariat, 'START_REVIEW');
    await step(asSecretariat, 'ACCEPT');
    await ok(
      asSecretariat,
      `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state } }`,
      { id, meeting: meetingId },
    );
    const closesAt = new Date(Date.now() + 48 * 3600_000);
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      asSecretariat,
      `mutation($id: ID!, $closesAt: DateTime) {
        openBallot(proposalId: $id, rules: { quorum: 0.5, majority: SIMPLE }, closesAt: $closesAt) { id }
      }`,
      { id, closesAt: closesAt.toISOString() },
    );
    const ballotId = openBallot.id;
    const VOTE = `mutation($id: ID!, $choice: VoteChoice!, $key: String!) {
      castVote(ballotId: $id, choice: $choice, idempotencyKey: $key) { choice }
    }`;
    for (const city of ['dammam', 'houston', 'aberdeen'])
      await ok(board.get(city)!, VOTE, { id: ballotId, choice: 'YES', key: randomUUID() });
    await settled();
    // A day before the deadline the reminder job records "closing soon" once, however often it runs.
    const deadlines = api.app.get(BallotDeadlines);
    const dayBefore = new Date(closesAt.getTime() - 23 * 3600_000);
    expect(
      await Promise.all([deadlines.remindClosing(ballotId, dayBefore), deadlines.remindClosing(ballotId, dayBefore)]),
    ).toEqual(expect.arrayContaining([true, false]));
    await settled();
    await ok(board.get('stavanger')!, VOTE, { id: ballotId, choice: 'NO', key: randomUUID() });
    await ok(asSecretariat, `mutation($id: ID!) { closeBallot(ballotId: $id) { state } }`, { id: ballotId });
    await settled();

    const everyBoardMember = BOARD.map(boardEmail);
    const expected: Record<string, string[]> = {
      'proposal.submitted': [SECRETARIAT],
      'proposal.changesRequested': [DAMMAM_DELEGATE],
      'proposal.scheduled': [DAMMAM_DELEGATE, ...everyBoardMember],
      'ballot.opened': everyBoardMember,
      'ballot.closingSoon': ['stavanger', 'calgary', 'perth', 'portharcourt'].map(boardEmail),
      'ballot.closed': [SECRETARIAT, DAMMAM_DELEGATE, HOUSTON_DELEGATE, ...everyBoardMember],
    };
    // Submitted twice (before and after the changes): the secretariat hears of each submission.
    const times: Record<string, number> = { 'proposal.submitted': 2 };

    const inbox = await inboxOf([id, ballotId]);
    for (const [topic, people] of Object.entries(expected)) {
      const heard = inbox.filter((row) => row.topic === topic);
      const repeat = times[topic] ?? 1;
      expect({ topic, people: sorted(heard.map((row) => row.email)) }).toEqual({
        topic,
        people: sorted(people.flatMap((person) => Array(repeat).fill(person) as string[])),
      });
      for (const row of heard) {
        const arabic = ARABIC.has(row.email);
        expect({ email: row.email, locale: row.locale }).toEqual({ email: row.email, locale: arabic ? 'ar' : 'en' });
        expect(row.title).toContain(arabic ? titles.ar : titles.en);
      }
      const mails = mailsAbout(new RegExp(`${titles.en}|${titles.ar}`)).filter(
        (mail) => mail.headers.get('x-majlis-event') === topic,
      );
      expect({ topic, mailed: sorted(mails.flatMap((mail) => mail.to)) }).toEqual({
        topic,
        mailed: sorted(people.flatMap((person) => Array(repeat).fill(person) as string[])),
      });
      for (const mail of mails) {
        const arabic = ARABIC.has(mail.to[0]);
        expect(mail.subject).toContain(arabic ? titles.ar : titles.en);
        expect(mail.html).toContain(arabic ? 'dir="rtl"' : 'dir="ltr"');
        expect(mail.html).toContain(arabic ? 'lang="ar"' : 'lang="en"');
        expect(mail.text).toContain(arabic ? titles.ar : titles.en);
        expect(mail.text).not.toContain('<p');
      }
    }
    // The reviewer's comment reaches the city in the words it was written in.
    expect(inbox.find((row) => row.topic === 'proposal.changesRequested')?.body).toContain(
      'أضيفوا أسماء الجامعات الشريكة.',
    );
    // The result, with its count, in the reader's language.
    const result = inbox.find((row) => row.topic === 'ballot.closed' && row.email === boardEmail('dammam'))!;
    expect(result.body).toMatch(/4/);
    // Arabic readers count in Arabic-Indic digits, in words that agree with the number.
    const withoutLink = result.body.replace(/https?:\/\/\S+/g, '');
    expect(withoutLink).toMatch(/صوّت ([٠-٩]+ (أعضاء|عضواً|عضو)|عضوان|عضو واحد) من أصل [٠-٩]+ يحق لهم التصويت\./);
    expect(withoutLink).not.toMatch(/[0-9]/);
    // Each reader greeted as fits them: the head of Dammam's delegation as an excellency, the secretariat as an office.
    expect(inbox.find((row) => row.topic === 'proposal.changesRequested')?.body).toMatch(/^سعادة المهندس جمال /);
    expect(inbox.find((row) => row.topic === 'proposal.submitted')?.body).toMatch(
      /^Dear colleagues at General Secretariat of the Partnership,/,
    );

    // Webhooks: the partnership's hears every event, a city's those about it; each signed.
    const calls = (path: string) =>
      hooks.accepted
        .filter((call) => call.path === path)
        .map(
          (call) =>
            JSON.parse(call.body) as {
              event: string;
              proposalId: string;
              message: { locale: string; subject: string };
            },
        )
        .filter((body) => body.proposalId === id);
    const everyEvent = sorted(
      Object.entries(expected).flatMap(([topic]) => Array(times[topic] ?? 1).fill(topic) as string[]),
    );
    expect(sorted(calls('/partnership').map((body) => body.event))).toEqual(everyEvent);
    expect(sorted(calls('/dammam').map((body) => body.event))).toEqual(everyEvent);
    expect(calls('/houston').map((body) => body.event)).toEqual(['ballot.closed']);
    expect(calls('/calgary')).toEqual([]);
    // The data of each event has the keys receivers have always had (jsonb orders them, as it always did).
    const dataKeys = (topic: string) =>
      hooks.accepted
        .map((call) => JSON.parse(call.body) as { event: string; proposalId: string; data: Record<string, unknown> })
        .filter((body) => body.proposalId === id && body.event === topic)
        .map((body) => Object.keys(body.data).sort());
    expect(dataKeys('proposal.submitted')[0]).toEqual(
      ['entityType', 'entityId', 'actorId', 'from', 'to', 'event', 'version'].sort(),
    );
    expect(dataKeys('ballot.opened')[0]).toEqual(
      ['ballotId', 'proposalId', 'eligible', 'recused', 'quorum', 'majority', 'secret', 'closesAt'].sort(),
    );
    expect(dataKeys('ballot.closed')[0]).toEqual(
      [
        'ballotId',
        'proposalId',
        'result',
        'eligible',
        'cast',
        'yes',
        'no',
        'abstain',
        'decidedByChair',
        'reason',
      ].sort(),
    );
    expect(
      calls('/partnership').every((body) => body.message.locale === 'ar' && body.message.subject.includes(titles.ar)),
    ).toBe(true);
    for (const call of hooks.accepted) {
      const secret = secrets.get(call.path)!;
      expect(
        verifyWebhookSignature(
          secret,
          { signature: call.headers[WEBHOOK_HEADERS.signature], timestamp: call.headers[WEBHOOK_HEADERS.timestamp] },
          call.body,
        ),
      ).toBe(true);
    }
    // Each (event, recipient, channel) once: no e-mail and no webhook call came twice.
    const mailIds = smtp.messages.map((mail) => mail.messageId);
    expect(new Set(mailIds).size).toBe(mailIds.length);
    const callIds = hooks.accepted.map((call) => call.headers[WEBHOOK_HEADERS.delivery]);
    expect(new Set(callIds).size).toBe(callIds.length);
    // The webhooks are not needed by the tests that follow.
    for (const { id: endpointId } of (await dataSource.query(`SELECT id FROM webhook_endpoint`)) as Array<{
      id: string;
    }>)
      await ok(asAdmin, `mutation($id: ID!) { removeWebhookEndpoint(id: $id) { active } }`, { id: endpointId });
  }, 120_000);

  it('retries e-mail while the mail server refuses, then delivers each once', async () => {
    // Only the city's e-mail goes out now: the secretariat takes submissions in its daily digest.
    await ok(
      asSecretariat,
      `mutation { updateNotificationPreferences(preferences: [{ topic: "proposal.submitted", mode: digest }]) { timeZone } }`,
    );
    smtp.refuseNext(3);
    const refusalsBefore = smtp.refusals;
    const { step } = await proposal({ ar: 'مقترح أثناء تعطل البريد', en: 'Proposal while mail is refused' });
    await step(asDammam, 'SUBMIT');
    await step(asSecretariat, 'START_REVIEW');
    await step(asSecretariat, 'REQUEST_CHANGES', 'Please add a budget.');
    await settled();
    expect(smtp.refusals - refusalsBefore).toBe(3);
    const mails = mailsAbout(/مقترح أثناء تعطل البريد|Proposal while mail is refused/);
    expect(sorted(mails.flatMap((mail) => mail.to))).toEqual([DAMMAM_DELEGATE]);
    const [delivery] = (await dataSource.query(
      `SELECT attempts, status FROM notification_delivery WHERE address = $1 AND topic = 'proposal.changesRequested'
        ORDER BY created_at DESC LIMIT 1`,
      [DAMMAM_DELEGATE],
    )) as Array<{ attempts: number; status: string }>;
    expect(delivery).toEqual({ attempts: 4, status: 'sent' });
  }, 60_000);

  it('calls a webhook answering 500 three times a fourth time: delivered once, signature verified', async () => {
    const flaky = await startWebhookReceiver();
    try {
      const created = await ok<{ createWebhookEndpoint: { secret: string } }>(
        asSecretariat,
        `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, memberCityId: null }) { secret } }`,
        { url: `${flaky.url}/hook` },
      );
      flaky.respondWith([500, 500, 500]);
      const { step } = await proposal({ ar: 'مقترح لخطاف متعثر', en: 'Proposal for a flaky hook' });
      await step(asDammam, 'SUBMIT');
      await settled();
      expect(flaky.requests.map((call) => call.status)).toEqual([500, 500, 500, 200]);
      expect(new Set(flaky.requests.map((call) => call.headers[WEBHOOK_HEADERS.delivery])).size).toBe(1);
      expect(new Set(flaky.requests.map((call) => call.body)).size).toBe(1);
      const [call] = flaky.accepted;
      expect(JSON.parse(call.body)).toMatchObject({ event: 'proposal.submitted', message: { locale: 'en' } });
      expect(
        verifyWebhookSignature(
          created.createWebhookEndpoint.secret,
          { signature: call.headers[WEBHOOK_HEADERS.signature], timestamp: call.headers[WEBHOOK_HEADERS.timestamp] },
          call.body,
        ),
      ).toBe(true);
      expect(
        verifyWebhookSignature(
          'whsec_someone-else',
          { signature: call.headers[WEBHOOK_HEADERS.signature], timestamp: call.headers[WEBHOOK_HEADERS.timestamp] },
          call.body,
        ),
      ).toBe(false);
    } finally {
      for (const { id } of (await dataSource.query(`SELECT id FROM webhook_endpoint WHERE active`)) as Array<{
        id: string;
      }>)
        await ok(asAdmin, `mutation($id: ID!) { removeWebhookEndpoint(id: $id) { active } }`, { id });
      await flaky.close();
    }
  }, 60_000);

  it('marks a delivery refused for good as failed, lists it for admins, and sends it again on retryDelivery', async () => {
    const gone = await startWebhookReceiver();
    try {
      await ok(asAdmin, `mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret } }`, {
        url: `${gone.url}/gone`,
      });
      gone.respondWith([410]);
      const { step } = await proposal({ ar: 'مقترح لعنوان زائل', en: 'Proposal for a gone hook' });
      await step(asDammam, 'SUBMIT');
      await settled();
      expect(gone.requests.map((call) => call.status)).toEqual([410]);
      const FAILED = `{ failedDeliveries(first: 10) { totalCount edges { node { id channel status address attempts round lastError recipient { email } } } } }`;
      const failed = await ok<{
        failedDeliveries: {
          totalCount: number;
          edges: Array<{
            node: { id: string; channel: string; status: string; address: string; lastError: string; recipient: null };
          }>;
        };
      }>(asAdmin, FAILED);
      expect(failed.failedDeliveries.totalCount).toBe(1);
      const [{ node }] = failed.failedDeliveries.edges;
      expect(node).toMatchObject({
        channel: 'webhook',
        status: 'failed',
        address: `${gone.url}/gone`,
        recipient: null,
      });
      expect(node.lastError).toContain('410');
      expect(codeOf(await asSecretariat(FAILED))).toBe('FORBIDDEN');
      const RETRY = `mutation($id: ID!) { retryDelivery(id: $id) { status round attempts } }`;
      expect((await ok<{ retryDelivery: unknown }>(asAdmin, RETRY, { id: node.id })).retryDelivery).toEqual({
        status: 'pending',
        round: 2,
        attempts: 0,
      });
      await settled();
      expect(gone.requests.map((call) => call.status)).toEqual([410, 200]);
      expect(
        (await ok<{ failedDeliveries: { totalCount: number } }>(asAdmin, FAILED)).failedDeliveries.totalCount,
      ).toBe(0);
      // Retrying what has not failed is refused and changes nothing.
      const again = await asAdmin(RETRY, { id: node.id });
      expect([codeOf(again), again.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'id']);
      expect(again.errors?.[0]?.message).toContain('Sent');
    } finally {
      for (const { id } of (await dataSource.query(`SELECT id FROM webhook_endpoint WHERE active`)) as Array<{
        id: string;
      }>)
        await ok(asAdmin, `mutation($id: ID!) { removeWebhookEndpoint(id: $id) { active } }`, { id });
      await gone.close();
    }
  }, 60_000);

  it("tells a subscriber of each new notification of theirs, and of nobody else's", async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const subscribe = (email: string, token: string) => {
      const received: Array<{ topic: string; title: string; locale: string }> = [];
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      client.subscribe<{ notificationAdded: { topic: string; title: string; locale: string } }>(
        { query: `subscription { notificationAdded { topic title locale } }` },
        {
          next: (value) => {
            if (value.data) received.push(value.data.notificationAdded);
          },
          error: (error) => received.push({ topic: 'error', title: JSON.stringify(error), locale: email }),
          complete: () => undefined,
        },
      );
      return { received, client };
    };
    const secretariat = subscribe(SECRETARIAT, await api.tokenFor(SECRETARIAT));
    const perth = subscribe(boardEmail('perth'), await api.tokenFor(boardEmail('perth')));
    try {
      // The subscriptions must be listening (on Redis) before the event.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { step } = await proposal({ ar: 'مقترح على الهواء', en: 'Live proposal' });
      await step(asDammam, 'SUBMIT');
      await settled();
      await eventually(() => secretariat.received.length > 0, 10_000, 'the secretariat to hear of the submission');
      expect(secretariat.received).toEqual([
        { topic: 'proposal.submitted', title: expect.stringContaining('Live proposal') as string, locale: 'en' },
      ]);
      expect(perth.received).toEqual([]);
    } finally {
      await Promise.all([secretariat.client.dispose(), perth.client.dispose()]);
    }
  }, 60_000);

  it("tells an action item's city when it is assigned, due soon and overdue, and the secretariat when it is escalated", async () => {
    const { planId } = await approvedProposal(api, { ar: 'خطة التنفيذ التجريبية', en: 'Trial implementation plan' });
    const titles = { ar: 'إطلاق برنامج التبادل الأكاديمي', en: 'Launch the academic exchange' };
    const { createActionItem } = await ok<{ createActionItem: { id: string } }>(
      asSecretariat,
      `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`,
      {
        input: {
          planId,
          title: titles,
          ownerCityId: cityIds.get('dammam'),
          startDate: '2027-01-01',
          dueDate: '2027-03-01',
        },
      },
    );
    // An item of another city on the same (Dammam's) plan: its own city hears of it, Dammam does not.
    const houstonTitle = 'Host the training exchange';
    const houstonItem = await ok<{ createActionItem: { id: string } }>(
      asSecretariat,
      `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`,
      {
        input: {
          planId,
          title: { en: houstonTitle },
          ownerCityId: cityIds.get('houston'),
          startDate: '2027-01-01',
          dueDate: '2027-06-01',
        },
      },
    );
    const reminders = api.app.get(DueDateReminders);
    await reminders.scan(new Date('2027-02-27T08:00:00Z'));
    await reminders.scan(new Date('2027-03-02T08:00:00Z'));
    await reminders.scan(new Date('2027-03-09T08:00:00Z'));
    await settled();
    const heard = (await inboxOf([createActionItem.id])).map((row) => ({
      topic: row.topic,
      email: row.email,
      locale: row.locale,
      titled: row.title.includes(row.locale === 'ar' ? titles.ar : titles.en),
    }));
    const dammam = { email: DAMMAM_DELEGATE, locale: 'ar', titled: true };
    expect(heard.sort((a, b) => a.topic.localeCompare(b.topic))).toEqual([
      { topic: 'actionItem.assigned', ...dammam },
      { topic: 'actionItem.dueSoon', ...dammam },
      { topic: 'actionItem.escalated', email: SECRETARIAT, locale: 'en', titled: true },
      { topic: 'actionItem.overdue', ...dammam },
    ]);
    expect((await inboxOf([houstonItem.createActionItem.id])).map((row) => [row.topic, row.email, row.locale])).toEqual(
      [['actionItem.assigned', HOUSTON_DELEGATE, 'en']],
    );
    const escalated = (await inboxOf([createActionItem.id])).find((row) => row.topic === 'actionItem.escalated')!;
    expect(escalated.body).toContain('8');
    expect(escalated.body).toContain('It is 8 days overdue.');
    const mailed = smtp.messages.filter((mail) => mail.subject.includes(titles.ar) || mail.subject.includes(titles.en));
    expect(sorted(mailed.map((mail) => `${mail.headers.get('x-majlis-event')} ${mail.to.join()}`))).toEqual(
      sorted([
        `actionItem.assigned ${DAMMAM_DELEGATE}`,
        `actionItem.dueSoon ${DAMMAM_DELEGATE}`,
        `actionItem.overdue ${DAMMAM_DELEGATE}`,
        `actionItem.escalated ${SECRETARIAT}`,
      ]),
    );
    expect(mailed.find((mail) => mail.to.includes(DAMMAM_DELEGATE))?.html).toContain('dir="rtl"');
  }, 120_000);

  it('dispatches outbox rows and jobs left by the code before the event contract, ballot events without transition keys', async () => {
    const { id, step } = await proposal({ ar: 'برنامج تبادل الطلاب', en: 'Student exchange programme' });
    await step(asDammam, 'SUBMIT');
    await step(asSecretariat, 'START_REVIEW');
    await step(asSecretariat, 'ACCEPT');
    await ok(
      asSecretariat,
      `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state } }`,
      { id, meeting: meetingId },
    );
    const closesAt = new Date(Date.now() + 72 * 3600_000);
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      asSecretariat,
      `mutation($id: ID!, $closesAt: DateTime) {
        openBallot(proposalId: $id, rules: { quorum: 0.5, majority: SIMPLE }, closesAt: $closesAt) { id }
      }`,
      { id, closesAt: closesAt.toISOString() },
    );
    const ballotId = openBallot.id;
    await settled();
    // Only the old row can bring the deadline back now.
    await api.app.get(BallotDeadlines).forget(ballotId);
    const ballots = api.app.get(JobProducer).queue('ballots');
    expect(await ballots.getJob(ballotCloseJobId(ballotId))).toBeUndefined();

    // As the code before the contract left them: a relayed `ballot.opened` of its shape, its dispatch job
    // still queued, and a transition not relayed yet.
    const [opened] = (await dataSource.query(
      `INSERT INTO outbox_message (topic, payload, relayed_at) VALUES ('ballot.opened', $1, now()) RETURNING id`,
      [
        JSON.stringify({
          ballotId,
          proposalId: id,
          eligible: BOARD.length,
          recused: 0,
          quorum: 0.5,
          majority: 'SIMPLE',
          secret: false,
          closesAt: closesAt.toISOString(),
        }),
      ],
    )) as Array<{ id: string }>;
    await api.app.get(JobProducer).add('events', 'dispatch', { outboxId: opened.id }, { jobId: opened.id });
    const [submitted] = (await dataSource.query(
      `INSERT INTO outbox_message (topic, payload) VALUES ('proposal.submitted', $1) RETURNING id`,
      [
        JSON.stringify({
          entityType: 'proposal',
          entityId: id,
          actorId: null,
          from: 'draft',
          to: 'submitted',
          event: 'SUBMIT',
          version: 2,
        }),
      ],
    )) as Array<{ id: string }>;
    await settled();

    const heardOf = async (eventId: string) =>
      sorted(
        (
          (await dataSource.query(
            `SELECT person.email FROM notification JOIN person ON person.id = notification.recipient_id
              WHERE notification.event_id = $1`,
            [eventId],
          )) as Array<{ email: string }>
        ).map((row) => row.email),
      );
    expect(await heardOf(opened.id)).toEqual(sorted(BOARD.map(boardEmail)));
    expect(await heardOf(submitted.id)).toEqual([SECRETARIAT]);
    await eventually(async () => (await ballots.getJob(ballotCloseJobId(ballotId))) !== undefined);
  }, 120_000);
});
