import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ApiHarness, Caller, codeOf, GraphqlResponse, startApi } from './api-harness';

const MEETINGS = '{ meetings(first: 20) { edges { node { id state agendaItems { id title { text } } } } } }';
const CREATE = `mutation($title: String!) { createProposal(input: { category: PROGRAMME, title: { en: $title } }) { id } }`;

/** Every answer is data, or a refusal the client may retry: never a 500 or INTERNAL_SERVER_ERROR. */
function expectDataOrRetryable(results: GraphqlResponse[]): { served: number; refused: number } {
  const shapes = results.map((result) =>
    result.errors === undefined && result.status === 200 && result.data != null
      ? 'data'
      : result.status === 503 && codeOf(result) === 'SERVICE_UNAVAILABLE' && result.headers['retry-after'] === '2'
        ? 'refused'
        : JSON.stringify({ status: result.status, errors: result.errors }),
  );
  expect(shapes.filter((shape) => shape !== 'data' && shape !== 'refused')).toEqual([]);
  return {
    served: shapes.filter((shape) => shape === 'data').length,
    refused: shapes.filter((shape) => shape === 'refused').length,
  };
}

describe('the API under load', () => {
  describe('at the default limits', () => {
    let api: ApiHarness;
    let asSecretariat: Caller;
    let asSecretariatInArabic: Caller;

    beforeAll(async () => {
      api = await startApi();
      const token = await api.tokenFor('secretariat@demo.majlis');
      asSecretariat = api.caller(token);
      asSecretariatInArabic = api.caller(token, 'ar');
    });
    afterAll(() => api.close());

    it('answers 200 concurrent queries with data or SERVICE_UNAVAILABLE, and /health keeps answering', async () => {
      const queries = Array.from({ length: 200 }, () => asSecretariat(MEETINGS));
      const health = await api.app.inject({ method: 'GET', url: '/health' });
      const { served, refused } = expectDataOrRetryable(await Promise.all(queries));
      expect(served + refused).toBe(200);
      expect(served).toBeGreaterThan(0);
      expect([health.statusCode, health.json()]).toMatchObject([200, { info: { database: { status: 'up' } } }]);
    }, 180_000);

    it('answers SERVICE_UNAVAILABLE with Retry-After, not INTERNAL_SERVER_ERROR, when no connection frees up in time', async () => {
      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      const pool = (dataSource.driver as PostgresDriver).master as Pool;
      const held: PoolClient[] = [];
      try {
        while (held.length < (pool.options.max ?? 10)) held.push(await pool.connect());
        const result = await asSecretariatInArabic(MEETINGS);
        // A GraphQL answer whose execution ran stays HTTP 200 (@nestjs/apollo keeps it so for clients); the code and
        // Retry-After say it is load. Refusals before execution (admission control, below) are HTTP 503.
        expect([result.status, result.headers['retry-after'], codeOf(result)]).toEqual([
          200,
          '2',
          'SERVICE_UNAVAILABLE',
        ]);
        expect(result.errors?.[0]?.message).toBe('الخادم مشغول بخدمة طلبات أخرى: أعد المحاولة بعد ثانيتين.');
      } finally {
        for (const client of held) client.release();
      }
      const again = await asSecretariat(MEETINGS);
      expect(again.errors).toBeUndefined();
    }, 60_000);
  });

  describe('with a short line (one request at a time, two waiting)', () => {
    let api: ApiHarness;
    let asDelegate: Caller;

    beforeAll(async () => {
      api = await startApi({ maxActiveRequests: 1, maxWaitingRequests: 2 });
      asDelegate = await api.as('delegate.dammam', 'ar');
    });
    afterAll(() => api.close());

    it('refuses the rest at once with 503, Retry-After and SERVICE_UNAVAILABLE in the caller language, changing nothing', async () => {
      const batch = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => asDelegate(CREATE, { title: `${batch} ${i}` })),
      );
      const { served, refused } = expectDataOrRetryable(results);
      expect(served).toBeGreaterThanOrEqual(1);
      expect(refused).toBeGreaterThanOrEqual(1);
      const refusal = results.find((result) => result.status === 503)!;
      expect(refusal.errors).toEqual([
        {
          message: 'الخادم مشغول بخدمة طلبات أخرى: أعد المحاولة بعد ثانيتين.',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 },
        },
      ]);
      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      const [{ stored }] = (await dataSource.query(
        `SELECT count(*)::int AS stored FROM proposal WHERE title->>'en' LIKE $1`,
        [`${batch} %`],
      )) as Array<{ stored: number }>;
      expect(stored).toBe(served);
      // The line frees up: the next request is served.
      const next = await asDelegate(CREATE, { title: `${batch} after` });
      expect(next.errors).toBeUndefined();
    }, 120_000);
  });
});
