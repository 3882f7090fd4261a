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

  return {
    app,
    database,
    environment,
    graphql,
    async tokenFor(email) {
      const result = await graphql<{ login: { token: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: TEST_PASSWORD },
      );
      if (result.data?.login === undefined)
        throw new Error(`cannot sign in ${email}: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
