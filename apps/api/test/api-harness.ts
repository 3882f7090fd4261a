import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Environment } from '@majlis/config';
import { DemoSeeder } from '@majlis/demo';
import { createTestDatabase, TEST_PASSWORD, testEnvironment, TestDatabase } from '@majlis/testing';
import { createApiApplication } from '../src/api.application';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export type Variables = Record<string, unknown>;

/** One signed-in person's (or an anonymous) view of the API, in one language. */
export interface Caller {
  /** The whole answer: data, errors, status. */
  <T = Record<string, unknown>>(query: string, variables?: Variables): Promise<GraphqlResponse<T>>;
}

/** The first error's stable code (`FORBIDDEN`, `BAD_USER_INPUT`…), or undefined for an answer without one. */
export const codeOf = (answer: GraphqlResponse): unknown => answer.errors?.[0]?.extensions?.code;

/** The answer's data; fails the test, naming the errors, when there are any. */
export async function ok<T = Record<string, unknown>>(call: Caller, query: string, variables?: Variables): Promise<T> {
  const answer = await call<T>(query, variables);
  if (answer.errors !== undefined || answer.data === undefined || answer.data === null)
    throw new Error(`expected data, got ${JSON.stringify(answer.errors)} for ${query.slice(0, 200)}`);
  return answer.data;
}

/** The refusal's code, checked to be `code`; fails the test when the call succeeded. */
export async function refused(call: Caller, code: string, query: string, variables?: Variables): Promise<void> {
  const answer = await call(query, variables);
  if (answer.errors === undefined)
    throw new Error(`expected ${code}, got data ${JSON.stringify(answer.data)} for ${query.slice(0, 200)}`);
  expect(codeOf(answer)).toBe(code);
}

export interface ApiHarness {
  app: NestFastifyApplication;
  database: TestDatabase;
  environment: Environment;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
  /** Signs a demo account in and returns its bearer token. */
  tokenFor(email: string): Promise<string>;
  /**
   * Calls as the holder of `token` (anonymous with null), reading answers in `language` (English unless
   * said; null sends no Accept-Language: the person's own language, English for nobody).
   */
  caller(token: string | null, language?: 'ar' | 'en' | null): Caller;
  /** Signs a demo account in (`secretariat`, `board.calgary`… or a whole address) and calls as them. */
  as(who: string, language?: 'ar' | 'en' | null): Promise<Caller>;
  close(): Promise<void>;
}

/**
 * The whole API on a fresh database (demo partnership loaded unless `seedDemo` is false: a fresh server
 * with nobody in it), reached in-process through Fastify's inject.
 */
export async function startApi(
  overrides: Partial<Environment> = {},
  { seedDemo = true }: { seedDemo?: boolean } = {},
): Promise<ApiHarness> {
  const database = await createTestDatabase();
  // Without the demo, the embedded default must not load it at start either: a fresh server has nobody.
  const environment = testEnvironment(seedDemo ? overrides : { loadDemo: false, ...overrides });
  let app: NestFastifyApplication;
  try {
    ({ app } = await createApiApplication(environment, database.url));
    if (seedDemo) await app.get(DemoSeeder).seed(TEST_PASSWORD);
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // A failed start must not leave the database (an in-memory server) holding jest open.
    await database.drop();
    throw error;
  }

  const graphql: ApiHarness['graphql'] = async (query, variables, headers = {}) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, headers: response.headers, ...(response.json() as object) };
  };

  const tokenFor = async (email: string): Promise<string> => {
    const result = await graphql<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password: TEST_PASSWORD },
    );
    if (result.data?.login === undefined) throw new Error(`cannot sign in ${email}: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  };
  const caller =
    (token: string | null, language: 'ar' | 'en' | null = 'en'): Caller =>
    (query, variables) =>
      graphql(query, variables, {
        ...(language === null ? {} : { 'accept-language': language }),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      });

  return {
    app,
    database,
    environment,
    graphql,
    tokenFor,
    caller,
    async as(who, language) {
      return caller(await tokenFor(who.includes('@') ? who : `${who}@demo.majlis`), language);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
