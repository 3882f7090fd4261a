import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { Environment } from '@majlis/config';
import { migrateDatabase } from '@majlis/persistence';
import { WorkerModule } from './worker.module';

/** The worker on a server database, migrations applied, processors running. */
export async function createWorkerApplication(
  environment: Environment,
  databaseUrl: string,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(environment, databaseUrl), {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    app.useLogger(app.get(Logger));
    await migrateDatabase(app.get<DataSource>(getDataSourceToken()));
    await app.init();
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
