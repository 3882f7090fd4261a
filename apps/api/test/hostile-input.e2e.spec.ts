import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ApiHarness, Caller, startApi } from './api-harness';
import { SqlStatementCounter } from './sql-statement-counter';

/** proposal → meeting → agendaItems → proposal …, `levels` times round the cycle. */
const cycle = (levels: number): string => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `meeting { agendaItems { proposal { ${inner} } } }`;
  return `query($id: ID!) { proposal(id: $id) { ${inner} } }`;
};

/** The same cycle, one fragment per turn: spreads do not count as levels, but what they hold does. */
const fragmentCycle = (levels: number): string => {
  const fragments = Array.from({ length: levels }, (_, i) => {
    const inner = i + 1 < levels ? `...Turn${i + 1}` : 'id';
    return `fragment Turn${i} on Proposal { meeting { agendaItems { proposal { ${inner} } } } }`;
  });
  return `query($id: ID!) { proposal(id: $id) { ...Turn0 } } ${fragments.join(' ')}`;
};

/** The query shapes of a hostile client, each with the limit it must hit. */
const HOSTILE: Array<{ name: string; query: string; limit: string; variables?: Record<string, unknown> }> = [
  { name: 'a cycle a dozen levels deep', query: cycle(4), limit: 'depth', variables: { id: crypto.randomUUID() } },
  {
    name: 'a cycle a dozen levels deep, written as fragments',
    query: fragmentCycle(4),
    limit: 'depth',
    variables: { id: crypto.randomUUID() },
  },
  {
    name: 'a cycle three times round (proposal → meeting → agendaItems), within the depth',
    query: `query($id: ID!) { meeting(id: $id) { agendaItems { proposal { meeting { agendaItems { proposal {
      meeting { agendaItems { id } } } } } } } } }`,
    limit: 'repeats',
    variables: { id: crypto.randomUUID() },
  },
  {
    name: '1,000 aliases of meetings(first: 100) { agendaItems }',
    query: `{ ${Array.from({ length: 1000 }, (_, i) => `m${i}: meetings(first: 100) { edges { node { agendaItems { id } } } }`).join(' ')} }`,
    limit: 'tokens',
  },
  {
    name: '40 aliases of meetings(first: 100) { agendaItems }',
    query: `{ ${Array.from({ length: 40 }, (_, i) => `m${i}: meetings(first: 100) { totalCount }`).join(' ')} }`,
    limit: 'aliases',
  },
  {
    name: '100,000 __typename aliases',
    query: `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    limit: 'tokens',
  },
  { name: 'a 20,000-deep document', query: `${'{ a '.repeat(20_000)}${'}'.repeat(20_000)}`, limit: 'tokens' },
  {
    name: '60 directives on one field',
    query: `{ __typename ${'@include(if: true) '.repeat(60)}}`,
    limit: 'directives',
  },
  {
    name: 'a cost that grows with first',
    query: `{ meetings(first: 100) { edges { node { agendaItems { children { proposal { summary { text }
      revisions { number title { text } author { name { text } } } reviewComments { body { text } } } } } } } } }`,
    limit: 'cost',
  },
];

const ROLES = [
  'anonymous',
  'admin@demo.majlis',
  'secretariat@demo.majlis',
  'delegate.dammam@demo.majlis',
  'board.houston@demo.majlis',
  'observer.dammam@demo.majlis',
];

/**
 * Point 1 of the security issue: documents that would run the server out of memory or time are refused with
 * HTTP 400 and QUERY_TOO_COMPLEX before a single SQL statement runs, over HTTP and over graphql-ws, for an
 * anonymous caller and for every role.
 */
describe('hostile GraphQL documents', () => {
  let api: ApiHarness;
  let counter: SqlStatementCounter;
  let url: string;
  const tokens = new Map<string, string>();
  /** Each role's calls, in Arabic. */
  const callers = new Map<string, Caller>();

  beforeAll(async () => {
    api = await startApi({ workersInApi: false });
    for (const email of ROLES) {
      const token = email === 'anonymous' ? null : await api.tokenFor(email);
      if (token !== null) tokens.set(email, token);
      callers.set(email, api.caller(token, 'ar'));
    }
    counter = SqlStatementCounter.attach(api.app.get<DataSource>(getDataSourceToken()));
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    url = `ws://127.0.0.1:${port}/graphql`;
  });

  afterAll(async () => {
    counter?.detach();
    await api?.close();
  });

  describe.each(HOSTILE)('$name', ({ query, limit, variables }) => {
    it.each(ROLES)('is refused over HTTP before any SQL, for %s', async (email) => {
      const { result, count, statements } = await counter.count(() => callers.get(email)!(query, variables));
      expect(statements).toEqual([]);
      expect(count).toBe(0);
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors?.map((e) => e.extensions)).toContainEqual(
        expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }),
      );
      const refusal = result.errors!.find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')!;
      expect(refusal.message).toMatch(/الطلب أكبر مما يُسمح به/);
    });

    it('is refused over graphql-ws before any SQL, in English', async () => {
      const token = tokens.get('board.houston@demo.majlis');
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
        retryAttempts: 0,
      });
      try {
        counter.start();
        const errors = await new Promise<unknown>((resolve) => {
          client.subscribe(
            { query, variables },
            { next: () => resolve('answered'), error: (error) => resolve(error), complete: () => resolve('completed') },
          );
        });
        const { statements } = counter.stop();
        expect(statements).toEqual([]);
        expect(errors).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              message: expect.stringContaining('The query is larger than allowed'),
              extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }),
            }),
          ]),
        );
      } finally {
        await client.dispose();
      }
    });
  });

  it('lets a cycle twice round through (the limits refuse only what is hostile)', async () => {
    const asSecretariat = api.caller(tokens.get('secretariat@demo.majlis')!);
    const result = await asSecretariat(cycle(2), { id: crypto.randomUUID() });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
