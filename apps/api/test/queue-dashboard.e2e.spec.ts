import type { LightMyRequestResponse } from 'fastify';
import { QUEUE_NAMES } from '@majlis/queue';
import { ApiHarness, startApi } from './api-harness';

const DASHBOARD = '/admin/queues';
const withRedis = Boolean(process.env.REDIS_URL);

/** Every kind of request the dashboard answers: its page, a static file, its JSON API. */
const DASHBOARD_URLS = [DASHBOARD, `${DASHBOARD}/static/favicon-32x32.png`, `${DASHBOARD}/api/queues`];

interface QueuesAnswer {
  queues: Array<{ name: string }>;
}

describe('the queue dashboard at /admin/queues', () => {
  const get = (api: ApiHarness, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    api.app.inject({ method: 'GET', url, headers });

  const bearer = async (api: ApiHarness, email: string): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await api.tokenFor(email)}`,
  });

  /** Sign-in and role checks that hold whichever queue backend runs. */
  const refusesAllButAdmins = (harness: () => ApiHarness): void => {
    it.each(DASHBOARD_URLS)('refuses %s without a session with UNAUTHENTICATED', async (url) => {
      const response = await get(harness(), url);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Sign in first: this request needs a valid session.',
      });
    });

    it('refuses a token that is not valid as an expired session', async () => {
      const response = await get(harness(), DASHBOARD, { authorization: 'Bearer not-a-token' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('expired') });
    });

    it.each(DASHBOARD_URLS)('refuses the secretariat %s with FORBIDDEN', async (url) => {
      const response = await get(harness(), url, await bearer(harness(), 'secretariat@demo.majlis'));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        code: 'FORBIDDEN',
        message: 'You may not open the queue dashboard.',
      });
    });

    it('refuses in Arabic when the request asks for it', async () => {
      const headers = { ...(await bearer(harness(), 'secretariat@demo.majlis')), 'accept-language': 'ar' };
      const forbidden = await get(harness(), DASHBOARD, headers);
      expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN', message: 'لا يحق لك فتح لوحة طوابير المهام.' });
      const anonymous = await get(harness(), DASHBOARD, { 'accept-language': 'ar' });
      expect(anonymous.json()).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('تسجيل الدخول'),
      });
    });

    it('leaves every other route as it was', async () => {
      const health = await get(harness(), '/health');
      expect(health.statusCode).toBe(200);
      const elsewhere = await get(harness(), '/admin/elsewhere');
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.json()).toMatchObject({ code: 'NOT_FOUND' });
    });
  };

  (withRedis ? describe : describe.skip)(
    withRedis ? 'on Redis' : 'on Redis (skipped: REDIS_URL is not set, and Bull Board needs Redis)',
    () => {
      let api: ApiHarness;

      beforeAll(async () => {
        api = await startApi({ workersInApi: false });
      });

      afterAll(async () => {
        await api?.close();
      });

      it('shows an admin the page, based at /admin/queues/', async () => {
        const response = await get(api, DASHBOARD, await bearer(api, 'admin@demo.majlis'));
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.body).toContain('<base href="/admin/queues/" />');
      });

      it("serves an admin the page's static files", async () => {
        const response = await get(
          api,
          `${DASHBOARD}/static/favicon-32x32.png`,
          await bearer(api, 'admin@demo.majlis'),
        );
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('image/png');
      });

      it("lists every queue of the contract in the dashboard's API", async () => {
        const response = await get(api, `${DASHBOARD}/api/queues`, await bearer(api, 'admin@demo.majlis'));
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        const names = response.json<QueuesAnswer>().queues.map((queue) => queue.name);
        expect(names.sort()).toEqual([...QUEUE_NAMES].sort());
      });

      it('lets an admin in by the session cookie a browser sends', async () => {
        const login = await api.graphql(
          'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
          { email: 'admin@demo.majlis', password: api.environment.demoPassword },
        );
        const cookie = String(login.headers['set-cookie']).split(';')[0];
        expect(cookie).toMatch(/^majlis_session=./);
        const page = await get(api, DASHBOARD, { cookie });
        expect(page.statusCode).toBe(200);
        const queues = await get(api, `${DASHBOARD}/api/queues`, { cookie });
        expect(queues.statusCode).toBe(200);
      });

      it('asks for an admin before saying that a path under it does not exist', async () => {
        const anonymous = await get(api, `${DASHBOARD}/no/such/page`);
        expect(anonymous.statusCode).toBe(401);
        const admin = await get(api, `${DASHBOARD}/no/such/page`, await bearer(api, 'admin@demo.majlis'));
        expect(admin.statusCode).toBe(404);
        expect(admin.json()).toMatchObject({ code: 'NOT_FOUND' });
      });

      refusesAllButAdmins(() => api);
    },
  );

  describe('on the PostgreSQL queue backend', () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await startApi({ redisUrl: undefined, workersInApi: false });
    });

    afterAll(async () => {
      await api?.close();
    });

    it.each([DASHBOARD, `${DASHBOARD}/`, `${DASHBOARD}/api/queues`, `${DASHBOARD}/static/favicon-32x32.png`])(
      'tells an admin at %s that the dashboard needs Redis',
      async (url) => {
        const response = await get(api, url, await bearer(api, 'admin@demo.majlis'));
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({
          code: 'NOT_AVAILABLE',
          message:
            "The queue dashboard needs Redis: set REDIS_URL. With the PostgreSQL queue backend, see the worker's logs and failedDeliveries.",
        });
      },
    );

    it('tells an admin so in Arabic when the request asks for it', async () => {
      const headers = { ...(await bearer(api, 'admin@demo.majlis')), 'accept-language': 'ar' };
      const response = await get(api, DASHBOARD, headers);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        code: 'NOT_AVAILABLE',
        message: expect.stringMatching(/^لوحة طوابير المهام تحتاج إلى خادم «Redis»: اضبط المتغير «REDIS_URL»/),
      });
    });

    refusesAllButAdmins(() => api);
  });
});
