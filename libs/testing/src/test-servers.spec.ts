import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import { createTransport } from 'nodemailer';
import { describeWithRedisServer, startRedisProcess, type RedisProcess } from './redis-process';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** The error code of a TCP connection attempt, or 'connected'. */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function expectPortClosedSoon(port: number): Promise<void> {
  const deadline = Date.now() + 3_000;
  let outcome = await connectOutcome(port);
  while (outcome !== 'ECONNREFUSED' && Date.now() < deadline) {
    await delay(50);
    outcome = await connectOutcome(port);
  }
  expect(outcome).toBe('ECONNREFUSED');
}

function redisClient(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
}

async function withRedisClient<T>(url: string, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = redisClient(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    client.disconnect();
  }
}

/** Runs a script in a node process of its own that loads redis-process.ts, and reads what it prints. */
function spawnScript(script: string): {
  firstLine: Promise<string>;
  exit: Promise<{ code: number | null; signal: string | null }>;
  pid: number;
} {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-e', script], {
    cwd: `${__dirname}/../../..`,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
    });
    child.once('exit', () => reject(new Error(`script exited before printing; stderr:\n${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { firstLine, exit, pid: child.pid ?? 0 };
}

const REQUIRE_REDIS_PROCESS = `const { startRedisProcess } = require('./libs/testing/src/redis-process.ts');`;

describeWithRedisServer(startRedisProcess.name, () => {
  let redis: RedisProcess;

  beforeAll(async () => {
    redis = await startRedisProcess();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it('starts a server of its own that answers PING and keeps data', async () => {
    expect(redis.running).toBe(true);
    expect(redis.port).not.toBe(6379);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    await withRedisClient(redis.url, async (client) => {
      expect(await client.ping()).toBe('PONG');
      await client.set('majlis:test', 'قائم');
      expect(await client.get('majlis:test')).toBe('قائم');
      const info = await client.info('server');
      expect(info).toContain(`process_id:${redis.pid}\r\n`);
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
    });
  });

  it('refuses connections once stopped, and stopping twice is safe', async () => {
    await redis.stop();
    expect(redis.running).toBe(false);
    expect(redis.pid).toBeNull();
    expect(await connectOutcome(redis.port)).toBe('ECONNREFUSED');
    await redis.stop();
  });

  it('starts again on the same port, empty, because nothing is persisted', async () => {
    await redis.start();
    expect(redis.running).toBe(true);
    await withRedisClient(redis.url, async (client) => {
      expect(await client.ping()).toBe('PONG');
      expect(await client.get('majlis:test')).toBeNull();
    });
  });

  it('kill() ends the server at once and start() brings it back', async () => {
    await redis.kill();
    expect(redis.running).toBe(false);
    expect(await connectOutcome(redis.port)).toBe('ECONNREFUSED');
    await redis.start();
    await withRedisClient(redis.url, async (client) => expect(await client.ping()).toBe('PONG'));
  });

  it('runs several servers side by side on different ports', async () => {
    const other = await startRedisProcess();
    try {
      expect(other.port).not.toBe(redis.port);
      await withRedisClient(other.url, async (client) => expect(await client.ping()).toBe('PONG'));
    } finally {
      await other.stop();
    }
  });

  it('rejects with redis-server output when the port is taken', async () => {
    const error: unknown = await startRedisProcess({ port: redis.port }).catch((rejection: unknown) => rejection);
    expect(error).toMatchObject({ code: 'REDIS_SERVER_EXITED' });
    expect(String(error)).toMatch(/Address already in use/i);
  });

  it('leaves no server behind when the test process crashes', async () => {
    const script = spawnScript(
      `${REQUIRE_REDIS_PROCESS} startRedisProcess().then((r) => { console.log(r.port); throw new Error('crash'); });`,
    );
    const port = Number(await script.firstLine);
    expect((await script.exit).code).toBe(1);
    await expectPortClosedSoon(port);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('leaves no server behind when the test process gets %s', async (signal) => {
    const script = spawnScript(
      `${REQUIRE_REDIS_PROCESS} startRedisProcess().then((r) => { console.log(r.port); setInterval(() => {}, 1000); });`,
    );
    const port = Number(await script.firstLine);
    expect(await connectOutcome(port)).toBe('connected');
    process.kill(script.pid, signal);
    expect(await script.exit).toEqual({ code: null, signal });
    await expectPortClosedSoon(port);
  });

  it('does not keep the test process alive when a test forgets stop()', async () => {
    const script = spawnScript(`${REQUIRE_REDIS_PROCESS} startRedisProcess().then((r) => console.log(r.port));`);
    const port = Number(await script.firstLine);
    expect((await script.exit).code).toBe(0);
    await expectPortClosedSoon(port);
  });
});

describe(startSmtpSink.name, () => {
  let sink: SmtpSink;
  const transport = () => createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  const send = (subject: string) =>
    transport().sendMail({ from: 'secretariat@majlis.test', to: 'member@city.test', subject, text: subject });

  beforeEach(async () => {
    sink = await startSmtpSink();
  });

  afterEach(async () => {
    await sink.close();
  });

  it('receives a message and decodes an Arabic subject and body', async () => {
    const subject = 'دعوة إلى اجتماع المجلس الثالث';
    const text = 'السلام عليكم،\nيُعقد الاجتماع يوم الأحد في تمام الساعة العاشرة.';
    const html = '<p dir="rtl">يُعقد الاجتماع يوم الأحد</p>';

    const info = await transport().sendMail({
      from: '"أمانة المجلس" <secretariat@majlis.test>',
      to: 'member@city.test',
      bcc: 'archive@majlis.test',
      subject,
      text,
      html,
    });

    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail.messageId).toBe(info.messageId);
    expect(mail.from).toBe('secretariat@majlis.test');
    expect(mail.to).toEqual(['member@city.test', 'archive@majlis.test']);
    expect(mail.subject).toBe(subject);
    expect(mail.text.trim()).toBe(text);
    expect(mail.html.trim()).toBe(html);
    expect(mail.headers.get('subject')).toBe(subject);
    expect(mail.headers.get('from')).toBe('"أمانة المجلس" <secretariat@majlis.test>');
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    // The wire carries encoded words; only the parsed fields are Arabic.
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mail.raw).not.toContain(subject);
    expect(mail.receivedAt).toBeInstanceOf(Date);
  });

  it('refuseNext(2) fails two deliveries with 451 and accepts the third', async () => {
    sink.refuseNext(2);

    const first: unknown = await send('first').catch((error: unknown) => error);
    const second: unknown = await send('second').catch((error: unknown) => error);
    await send('third');

    expect(first).toMatchObject({ responseCode: 451 });
    expect(second).toMatchObject({ responseCode: 451 });
    expect(sink.refusals).toBe(2);
    expect(sink.messages.map((mail) => mail.subject)).toEqual(['third']);
  });

  it('refuseNext takes another failure code', async () => {
    sink.refuseNext(1, 550);
    await expect(send('permanent')).rejects.toMatchObject({ responseCode: 550 });
    await send('after');
    expect(sink.messages.map((mail) => mail.subject)).toEqual(['after']);
  });

  it('refuse(true) refuses until refuse(false)', async () => {
    sink.refuse(true);
    await expect(send('one')).rejects.toMatchObject({ responseCode: 451 });
    await expect(send('two')).rejects.toMatchObject({ responseCode: 451 });
    sink.refuse(false);
    await send('three');
    expect(sink.refusals).toBe(2);
    expect(sink.messages).toHaveLength(1);
  });

  it('refuseUntil refuses until the date has passed', async () => {
    sink.refuseUntil(new Date(Date.now() + 300));
    await expect(send('early')).rejects.toMatchObject({ responseCode: 451 });
    await delay(350);
    await send('late');
    expect(sink.messages.map((mail) => mail.subject)).toEqual(['late']);
  });

  it('waitFor resolves once a message arrives and rejects stating how many arrived', async () => {
    const arrival = sink.waitFor((messages) => messages.length === 1, 2_000);
    await send('awaited');
    await expect(arrival).resolves.toBeUndefined();
    await expect(sink.waitFor((messages) => messages.length === 2, 100)).rejects.toThrow(
      'SMTP sink: timed out after 100 ms; 1 message(s) arrived, 0 refused',
    );
  });
});

describe(startWebhookReceiver.name, () => {
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('answers 500 three times, then 200, and records every request with its raw body', async () => {
    receiver.respondWith([500, 500, 500]);
    const bodies = [0, 1, 2, 3].map((attempt) => `{"event":"ballot.closed",  "attempt":${attempt},"title":"تصويت"}\n`);

    const statuses: number[] = [];
    for (const body of bodies) {
      const response = await fetch(`${receiver.url}/hooks/majlis?city=7`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-majlis-signature': 'sha256=abc' },
        body,
      });
      statuses.push(response.status);
    }

    expect(statuses).toEqual([500, 500, 500, 200]);
    expect(receiver.requests).toHaveLength(4);
    expect(receiver.requests.map((request) => request.body)).toEqual(bodies);
    expect(receiver.requests.map((request) => request.status)).toEqual([500, 500, 500, 200]);
    expect(receiver.accepted).toHaveLength(1);
    expect(receiver.accepted[0].body).toBe(bodies[3]);
    const [first] = receiver.requests;
    expect(first).toMatchObject({ method: 'POST', path: '/hooks/majlis?city=7' });
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.headers['x-majlis-signature']).toBe('sha256=abc');
    expect(first.receivedAt).toBeInstanceOf(Date);
  });

  it('answers 200 again after the listed statuses, and waitFor states how many requests arrived', async () => {
    receiver.respondWith([503]);
    expect((await fetch(receiver.url, { method: 'POST', body: 'a' })).status).toBe(503);
    expect((await fetch(receiver.url, { method: 'POST', body: 'b' })).status).toBe(200);
    await receiver.waitFor((requests) => requests.length === 2, 1_000);
    await expect(receiver.waitFor((requests) => requests.length === 3, 100)).rejects.toThrow(
      'Webhook receiver: timed out after 100 ms; 2 request(s) arrived',
    );
  });
});
