import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module, DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ConfigurationError,
  withJwtSecret,
  Environment,
  EnvironmentModule,
  parseCommandEnvironment,
} from '@majlis/config';
import { migrateDatabase, openDatabase, PersistenceModule } from '@majlis/persistence';
import { DOMAIN_ENTITIES } from '@majlis/domain';
import { DemoModule } from './demo.module';
import { DemoSeeder } from './demo.seeder';

@Module({})
class SeedModule {
  static register(environment: Environment, databaseUrl: string): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        EnvironmentModule.forRoot(environment),
        PersistenceModule.forRoot(databaseUrl, { applicationName: 'majlis-seed', entities: DOMAIN_ENTITIES }),
        DemoModule,
      ],
    };
  }
}

/** `npm run seed:demo`: loads (or refreshes) the demo partnership and its accounts on any database. */
async function main(): Promise<void> {
  const parsed = parseCommandEnvironment(process.env);
  const database = await openDatabase(parsed);
  const environment = withJwtSecret(parsed);
  try {
    const app = await NestFactory.createApplicationContext(SeedModule.register(environment, database.url), {
      logger: ['error'],
      abortOnError: false,
    });
    await migrateDatabase(app.get<DataSource>(getDataSourceToken()));
    const result = await app.get(DemoSeeder).seed(environment.demoPassword);
    await app.close();
    const where = database.mode === 'embedded' ? `the embedded database in ${environment.dataDir}` : 'DATABASE_URL';
    process.stdout.write(
      `Loaded ${result.partnership} (${result.cities} member cities) into ${where}.\n` +
        `Accounts, password from MAJLIS_DEMO_PASSWORD:\n${result.accounts.map((email) => `  ${email}`).join('\n')}\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `majlis seed:demo: ${error instanceof ConfigurationError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
