import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { Environment, requestId } from '@majlis/config';
import { checkCatalogue, operationsWithoutWords } from '@majlis/language';
import { DemoSeeder } from '@majlis/demo';
import { setupLinkIfEmpty } from '@majlis/domain';
import { migrateDatabase } from '@majlis/persistence';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { admitRequests } from './admission/request-admission';
import { AppModule } from './app.module';
import { mountWebClient } from './web/web-client';
import { registerHttpSecurity } from './security/http-security';

export interface ApiStartReport {
  migrations: string[];
  demoSeeded: boolean;
  /** When no person exists: the one-time link to the setup page, which creates the first administrator. */
  setupLink: string | null;
}

/**
 * Refuses to start when a GraphQL operation has no words in the catalogue's `actions` namespace: its
 * refusals ("You may not …") would name it only as "do this".
 */
export function checkOperationWords(app: NestFastifyApplication): void {
  const { schema } = app.get(GraphQLSchemaHost);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const missing = operationsWithoutWords(roots.flatMap((root) => Object.keys(root?.getFields() ?? {})));
  if (missing.length > 0)
    throw new Error(
      `The message catalogue has no words for the operations ${missing.join(', ')}: add "actions:<operation>" to libs/language/catalogue/ar/actions.json and en/actions.json`,
    );
}

/**
 * Builds the API on a database: checks the message catalogue, applies pending migrations, loads the demo
 * partnership on an empty embedded database, initialises every module and checks that every operation has
 * words for its refusals. The caller decides whether and where to listen.
 */
export async function createApiApplication(
  environment: Environment,
  databaseUrl: string,
): Promise<{ app: NestFastifyApplication; report: ApiStartReport }> {
  // Before anything is opened: a missing or half-translated message must stop the start, not a request.
  checkCatalogue();
  // X-Forwarded-For and -Proto are believed only from proxies the deployment names (MAJLIS_TRUST_PROXY).
  const adapter = new FastifyAdapter({
    trustProxy: environment.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: requestId,
  });
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  admitRequests(adapter.getInstance(), environment);
  registerHttpSecurity(adapter.getInstance(), environment);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(environment, databaseUrl), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    app.useLogger(app.get(Logger));
    await app.register(fastifyCookie);
    await mountQueueDashboard(app, environment);
    await mountWebClient(app, environment);
    const migrations = await migrateDatabase(app.get<DataSource>(getDataSourceToken()));
    const seeder = app.get(DemoSeeder);
    const demoSeeded = environment.databaseMode === 'embedded' && environment.loadDemo && !(await seeder.isSeeded());
    if (demoSeeded) await seeder.seed(environment.demoPassword);
    const setupLink = await setupLinkIfEmpty(app.get<DataSource>(getDataSourceToken()), environment.publicUrl);
    if (setupLink !== null)
      app
        .get(Logger)
        .warn(
          `No person exists yet: open ${setupLink} to create the first administrator (or run: npm run majlis -- admin create --email …)`,
        );
    await app.init();
    checkOperationWords(app);
    return { app, report: { migrations, demoSeeded, setupLink } };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
