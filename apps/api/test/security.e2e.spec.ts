import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createClient, type Client } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { hostname } from 'node:os';
import { DeliveryService, NotificationDelivery, OutboxMessage, WebhookEndpoint } from '@majlis/domain';
import { LiveUpdates } from '@majlis/live';
import { startWebhookReceiver, TEST_PASSWORD } from '@majlis/testing';
import { ApiHarness, codeOf, startApi } from './api-harness';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { email } }';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookie = (token: string) => ({ cookie: `majlis_session=${encodeURIComponent(token)}` });

/** The doors of the security issue (points 4, 5, 7, 8): each refusal has its code, its language, and changes nothing. */
describe('doors closed', () => {
  let api: ApiHarness;
  let port: number;

  beforeAll(async () => {
    api = await startApi({
      workersInApi: false,
      graphqlIntrospection: false,
      allowedOrigins: ['http://localhost:5173'],
      signInLimits: { perAccount: 5, perAddress: 50, blockSeconds: 600 },
      webhookAllowedHosts: [],
    });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await api?.close();
  });

  const database = (): DataSource => api.app.get<DataSource>(getDataSourceToken());

  const socket = (params: Record<string, unknown>, headers: Record<string, string> = {}): Client =>
    createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
      connectionParams: params,
      retryAttempts: 0,
      lazy: true,
    });

  /** The first answer of one operation over a socket: its data, its errors, or the close event. */
  const once = (client: Client, query: string, variables: Record<string, unknown> = {}): Promise<unknown> =>
    new Promise((resolve) => {
      client.subscribe(
        { query, variables },
        { next: (value) => resolve(value), error: (error) => resolve(error), complete: () => undefined },
      );
    });

  describe('failed sign-ins (point 4)', () => {
    it('makes an account wait after too many wrong passwords, in its language, with Retry-After; the right one is refused too', async () => {
      const email = 'board.aberdeen@demo.majlis';
      const anonymous = api.caller(null, null);
      for (let i = 0; i < 5; i++) {
        const wrong = await anonymous(LOGIN, { e: email, p: `wrong-${i}` });
        expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      }
      const refused = await api.caller(null, 'ar')(LOGIN, { e: email, p: 'wrong-again' });
      // A refused operation keeps the GraphQL answer's 200 (Nest's driver resets it); the wait is in the header.
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining('محاولات دخول فاشلة كثيرة'),
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) },
      });
      const right = await anonymous(LOGIN, { e: email, p: TEST_PASSWORD });
      expect(codeOf(right)).toBe('TOO_MANY_REQUESTS');
      expect(right.data?.login).toBeUndefined();
      // Another account from the same address is not affected.
      const other = await anonymous(LOGIN, { e: 'board.perth@demo.majlis', p: TEST_PASSWORD });
      expect(other.errors).toBeUndefined();
    });

    it('never counts a successful sign-in', async () => {
      for (let i = 0; i < 12; i++) {
        const ok = await api.caller(null, null)(LOGIN, { e: 'board.calgary@demo.majlis', p: TEST_PASSWORD });
        expect(ok.errors).toBeUndefined();
      }
    });

    it('keeps no e-mail address in the store', async () => {
      if (api.environment.redisUrl !== undefined) return;
      const keys: Array<{ key: string }> = await database().query('SELECT key FROM sign_in_attempt');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.map((k) => k.key).join(' ')).not.toMatch(/@|demo/);
      const hashed = createHash('sha256').update('board.aberdeen@demo.majlis').digest('base64url');
      expect(keys.map((k) => k.key)).toContain(`account:${hashed}`);
    });

    it('counts per address: X-Forwarded-For is not believed without MAJLIS_TRUST_PROXY', async () => {
      expect(api.environment.trustProxy).toBe(false);
      const response = await api.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        payload: JSON.stringify({ query: LOGIN, variables: { e: 'nobody@demo.majlis', p: 'x' } }),
      });
      expect(response.json<{ errors: Array<{ extensions: { code: string } }> }>().errors[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      if (api.environment.redisUrl !== undefined) return;
      const address = createHash('sha256').update('203.0.113.9').digest('base64url');
      const rows: unknown[] = await database().query('SELECT 1 FROM sign_in_attempt WHERE key = $1', [
        `address:${address}`,
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe('sessions (point 5)', () => {
    it('logout revokes the token everywhere, not only the cookie', async () => {
      // The observer reads Arabic.
      const asObserver = await api.as('observer.dammam', 'ar');
      expect((await asObserver(ME)).errors).toBeUndefined();
      const out = await asObserver<{ logout: boolean }>('mutation { logout }');
      expect(out.data?.logout).toBe(true);
      const after = await asObserver(ME);
      expect(after.errors?.[0]).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringContaining('انتهت صلاحية الجلسة'),
      });
      // Another session of the same person goes on.
      const second = await api.as('observer.dammam', 'ar');
      expect((await second(ME)).errors).toBeUndefined();
    });

    it('closes the socket of a subscriber deactivated after connecting, at the next event', async () => {
      const email = 'board.stavanger@demo.majlis';
      const watcher = await api.tokenFor(email);
      const client = socket({ authorization: `Bearer ${watcher}` });
      try {
        const closed = new Promise<number>((resolve) =>
          client.on('closed', (event) => resolve((event as { code: number }).code)),
        );
        client.subscribe(
          { query: 'subscription { notificationAdded { id } }' },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
        // Connected and listening; then the person is deactivated and something happens for them.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await database().query('UPDATE person SET active = false WHERE email = $1', [email]);
        const [person] = (await database().query('SELECT id FROM person WHERE email = $1', [email])) as Array<{
          id: string;
        }>;
        await api.app
          .get(LiveUpdates)
          .publish('notificationAdded', { id: crypto.randomUUID(), recipientId: person.id });
        expect(await closed).toBe(4403);
      } finally {
        await database().query('UPDATE person SET active = true WHERE email = $1', [email]);
        await client.dispose();
      }
    });
  });

  describe('origins (point 7)', () => {
    const post = (query: string, headers: Record<string, string>) =>
      api.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ query }),
      });
    const CREATE = 'mutation { createProposal(input: { category: OTHER, title: { en: "From elsewhere" } }) { id } }';
    const count = async (): Promise<number> =>
      Number(((await database().query('SELECT count(*) AS n FROM proposal')) as Array<{ n: string }>)[0].n);

    it('refuses a cookie-authenticated mutation from a foreign Origin, in the request language, changing nothing', async () => {
      const token = await api.tokenFor('delegate.dammam@demo.majlis');
      const before = await count();
      const response = await post(CREATE, {
        ...cookie(token),
        origin: 'https://evil.example',
        'accept-language': 'ar',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        errors: [{ message: expect.stringContaining('صفحة من موقع آخر'), extensions: { code: 'FORBIDDEN' } }],
      });
      expect(await count()).toBe(before);
    });

    it.each([
      ['the public URL', () => new URL(api.environment.publicUrl).origin],
      ['a configured development server', () => 'http://localhost:5173'],
      ['the request’s own host', () => 'https://majlis.example.org:8443'],
    ])('accepts a cookie-authenticated mutation from %s', async (_name, origin) => {
      const token = await api.tokenFor('delegate.dammam@demo.majlis');
      const response = await post(CREATE, { ...cookie(token), origin: origin(), host: 'majlis.example.org:8443' });
      expect(response.json<{ errors?: unknown }>().errors).toBeUndefined();
    });

    it('leaves bearer-token requests from any Origin alone', async () => {
      const token = await api.tokenFor('delegate.dammam@demo.majlis');
      const response = await post(CREATE, { ...bearer(token), origin: 'https://evil.example' });
      expect(response.json<{ errors?: unknown }>().errors).toBeUndefined();
    });

    it('refuses the queue dashboard’s actions from a foreign Origin with the cookie', async () => {
      const token = await api.tokenFor('admin@demo.majlis');
      const response = await api.app.inject({
        method: 'PUT',
        url: '/admin/queues/api/queues/events/retry/failed',
        headers: { ...cookie(token), origin: 'https://evil.example' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('closes a cookie-authenticated socket from a foreign Origin; accepts it from an allowed one', async () => {
      const token = await api.tokenFor('board.perth@demo.majlis');
      const foreign = socket({}, { ...cookie(token), origin: 'https://evil.example' });
      const refused = new Promise<number>((resolve) =>
        foreign.on('closed', (e) => resolve((e as { code: number }).code)),
      );
      void once(foreign, ME);
      expect(await refused).toBe(4403);
      await foreign.dispose();

      const allowed = socket({}, { ...cookie(token), origin: 'http://localhost:5173' });
      expect(await once(allowed, ME)).toEqual({ data: { me: { email: 'board.perth@demo.majlis' } } });
      await allowed.dispose();
    });
  });

  describe('webhook destinations (point 6)', () => {
    const CREATE_HOOK = 'mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { secret } }';

    it.each([
      'https://127.0.0.1/hook',
      'https://2130706433/hook',
      'https://0x7f000001/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.1/hook',
      'https://[fe80::1]/hook',
      'https://localhost/hook',
    ])('refuses %s at registration, in the request language, storing nothing', async (url) => {
      const asAdmin = await api.as('admin', 'ar');
      const refused = await asAdmin(CREATE_HOOK, { url });
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'url' },
        message: expect.stringContaining('عنوان لهذا الجهاز أو لشبكة خاصة'),
      });
      const rows: unknown[] = await database().query('SELECT 1 FROM webhook_endpoint WHERE url LIKE $1', [
        `%${new URL(url).hostname}%`,
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe('webhook calls (point 6)', () => {
    it(`refuses for good, before connecting, a registered name that resolves to this machine (${hostname()})`, async () => {
      const receiver = await startWebhookReceiver();
      try {
        const manager = database().manager;
        const [admin] = (await database().query("SELECT id FROM person WHERE email = 'admin@demo.majlis'")) as Array<{
          id: string;
        }>;
        // A name passes registration (it is checked when called): here it resolves to 127.0.0.1.
        const endpoint = await manager.save(
          manager.create(WebhookEndpoint, {
            url: `https://${hostname()}:${receiver.port}/hook`,
            secret: 's'.repeat(32),
            createdById: admin.id,
          }),
        );
        const outbox = await manager.save(manager.create(OutboxMessage, { topic: 'proposal.submitted', payload: {} }));
        const delivery = await manager.save(
          manager.create(NotificationDelivery, {
            dedupeKey: crypto.randomUUID(),
            outboxId: outbox.id,
            topic: 'proposal.submitted',
            channel: 'webhook',
            webhookEndpointId: endpoint.id,
            address: endpoint.url,
            locale: 'en',
            content: { body: '{"event":"proposal.submitted"}' },
          }),
        );
        await expect(api.app.get(DeliveryService).deliver(delivery.id, { number: 1, of: 10 })).rejects.toThrow(
          'is not a public address',
        );
        const stored = await manager.findOneByOrFail(NotificationDelivery, { id: delivery.id });
        expect(stored).toMatchObject({ status: 'failed', lastError: expect.stringContaining('not a public address') });
        expect(receiver.requests).toEqual([]);
      } finally {
        await receiver.close();
      }
    });
  });

  describe('production (point 8)', () => {
    it('refuses introspection and gives no field suggestions', async () => {
      const anonymous = api.caller(null, null);
      const introspection = await anonymous('{ __schema { types { name } } }');
      expect(introspection.status).toBe(400);
      expect(codeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await anonymous('{ mee { email } }');
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('refuses introspection over graphql-ws too', async () => {
      const token = await api.tokenFor('board.perth@demo.majlis');
      const client = socket({ authorization: `Bearer ${token}` });
      const answer = await once(client, '{ __schema { types { name } } }');
      await client.dispose();
      expect(JSON.stringify(answer)).toMatch(/introspection/i);
    });

    it('answers a persisted query whose hash does not match with BAD_REQUEST, and an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
      const send = (body: object) =>
        api.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', 'accept-language': 'ar' },
          payload: JSON.stringify(body),
        });
      const mismatch = await send({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
      });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json()).toMatchObject({
        errors: [{ extensions: { code: 'BAD_REQUEST' }, message: expect.stringContaining('sha256Hash') }],
      });
      const unknown = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
      expect(unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    });
  });
});
