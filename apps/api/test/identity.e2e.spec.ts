import { DEMO_CITIES } from '@majlis/demo';
import { TEST_PASSWORD } from '@majlis/testing';
import { ApiHarness, ok, startApi } from './api-harness';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { email roles } }
}`;
const ME = `{ me { email roles isHeadOfDelegation name { text language isFallback } memberCity { code name(locale: ar) { text } } } }`;

describe('identity over GraphQL', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  describe('login', () => {
    it('sets the token as an httpOnly cookie that authenticates the next request', async () => {
      const result = await api.graphql(LOGIN, { email: 'secretariat@demo.majlis', password: TEST_PASSWORD });
      const cookie = String(result.headers['set-cookie']);
      expect(cookie).toMatch(/majlis_session=[^;]+;.*HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const me = await api.graphql<{ me: { email: string } }>(ME, {}, { cookie: cookie.split(';')[0] });
      expect(me.data?.me.email).toBe('secretariat@demo.majlis');
    });

    it.each([
      ['a wrong password', 'delegate.dammam@demo.majlis', 'not-the-password'],
      ['an unknown e-mail', 'nobody@demo.majlis', TEST_PASSWORD],
      ['an oversized password', 'delegate.dammam@demo.majlis', 'x'.repeat(100_000)],
    ])('refuses %s with UNAUTHENTICATED and the same message', async (_case, email, password) => {
      const result = await api.graphql(LOGIN, { email, password });
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        {
          message: 'The e-mail address or the password is not correct.',
          locations: expect.any(Array),
          path: ['login'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);
    });

    it('answers in Arabic when the request asks for it', async () => {
      const result = await api.graphql(
        LOGIN,
        { email: 'x@demo.majlis', password: 'wrong' },
        { 'accept-language': 'ar-SA,en;q=0.5' },
      );
      expect(result.errors?.[0].message).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
      expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('me', () => {
    it('returns the person with their city and roles', async () => {
      // No Accept-Language: the name in its own language.
      const token = await api.tokenFor('delegate.dammam@demo.majlis');
      const result = await api.graphql(ME, {}, { authorization: `Bearer ${token}` });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        me: {
          email: 'delegate.dammam@demo.majlis',
          roles: ['DELEGATE'],
          isHeadOfDelegation: true,
          name: {
            text: 'المهندس جمال بن ناصر الملحم، وكيل أمين المنطقة الشرقية للتعمير والمشاريع',
            language: 'ar',
            isFallback: false,
          },
          memberCity: { code: 'dammam', name: { text: 'الدمام' } },
        },
      });
    });

    it('gives the name in English when Accept-Language asks for English', async () => {
      const token = await api.tokenFor('delegate.dammam@demo.majlis');
      const result = await api.graphql<{ me: { name: { language: string } } }>(
        ME,
        {},
        {
          authorization: `Bearer ${token}`,
          'accept-language': 'en-GB',
        },
      );
      expect(result.data?.me.name.language).toBe('en');
    });

    it.each([
      ['no token', {}, 'Sign in first: this request needs a valid session.'],
      [
        'a forged token',
        { authorization: 'Bearer abc.def.ghi' },
        'Your session has expired or is not valid; sign in again.',
      ],
    ])('refuses a request with %s with UNAUTHENTICATED and no stack trace', async (_case, headers, message) => {
      const result = await api.graphql(ME, {}, headers);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0].message).toBe(message);
      expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+|at /);
    });
  });

  describe('memberCities', () => {
    it('lists the seven demo cities with Arabic and English names', async () => {
      const { memberCities } = await ok<{
        memberCities: Array<{ code: string; ar: { text: string }; en: { text: string } }>;
      }>(
        await api.as('observer.dammam', 'ar'),
        '{ memberCities { code ar: name(locale: ar) { text } en: name(locale: en) { text } } }',
      );
      expect(memberCities.map((city) => city.code).sort()).toEqual(DEMO_CITIES.map((city) => city.code).sort());
      expect(memberCities.find((city) => city.code === 'portharcourt')).toEqual({
        code: 'portharcourt',
        ar: { text: 'بورت هاركورت' },
        en: { text: 'Port Harcourt' },
      });
    });
  });

  describe('/health', () => {
    it('reports the database and the queue', async () => {
      const response = await api.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'ok',
        details: {
          database: { status: 'up' },
          queue: { status: 'up', backend: api.environment.redisUrl ? 'redis' : 'postgres' },
        },
      });
    });

    it('answers an unknown route with NOT_FOUND in the language asked for', async () => {
      const english = await api.app.inject({ method: 'GET', url: '/nothing?x=1' });
      expect(english.statusCode).toBe(404);
      expect(english.json()).toEqual({
        code: 'NOT_FOUND',
        message: 'There is nothing at "/nothing"; the API is at /graphql and the health report at /health.',
      });
      const arabic = await api.app.inject({ method: 'GET', url: '/nothing', headers: { 'accept-language': 'ar' } });
      expect(arabic.json()).toEqual({
        code: 'NOT_FOUND',
        message: 'لا يوجد شيء على المسار «/nothing»؛ واجهة البرمجة على «/graphql» وتقرير الحالة على «/health».',
      });
    });

    it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
      const given = await api.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'req-42' } });
      expect(given.headers['x-request-id']).toBe('req-42');
      const made = await api.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\n' } });
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
