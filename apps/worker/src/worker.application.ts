import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { Environment } from '@majlis/config';
import { checkCatalogue } from '@majlis/language';
import { dataSourceOptions, migrateDatabase } from '@majlis/persistence';
import { WorkerModule } from './worker.module';

/**
 * The worker on a server database, the message catalogue checked, migrations applied, processors running.
 * The migrations run first, on a connection of their own: an application context starts its modules (the
 * outbox relay, the digest schedules) as it is created, and they read tables a pending migration may create.
 */
export async function createWorkerApplication(
  environment: Environment,
  databaseUrl: string,
): Promise<INestApplicationContext> {
  // The worker renders e-mails and notifications: a missing message stops it before it takes a job.
  checkCatalogue();
  const migrations = new DataSource(
    dataSourceOptions(databaseUrl, { applicationName: 'majlis-worker-migrations', poolSize: 1 }),
  );
  await migrations.initialize();
  try {
    await migrateDatabase(migrations);
  } finally {
    await migrations.destroy();
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.register(environment, databaseUrl), {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    app.useLogger(app.get(Logger));
    await app.init();
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
