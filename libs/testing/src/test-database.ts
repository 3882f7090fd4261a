import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, EmbeddedDatabase, migrateDatabase } from '@majlis/persistence';
import { databaseUrlFor, templateDatabase, THROWAWAY_COMMITS, withAdminClient } from './server-database';

export interface TestDatabase {
  url: string;
  kind: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

/** A fresh PostgreSQL server database copied from the migrated template. Needs DATABASE_URL. */
export async function createServerTestDatabase(databaseUrl: string): Promise<TestDatabase> {
  const name = `majlis_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(databaseUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(databaseUrl)}`);
    await client.query(`ALTER DATABASE ${name} SET ${THROWAWAY_COMMITS}`);
  });
  return {
    url: databaseUrlFor(databaseUrl, name),
    kind: 'postgres',
    drop: () =>
      withAdminClient(databaseUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** A fresh in-memory PGlite with the migrations applied. */
export async function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  const embedded = await EmbeddedDatabase.start('memory');
  const dataSource = new DataSource(dataSourceOptions(embedded.url, { applicationName: 'majlis-test-setup' }));
  await dataSource.initialize();
  await migrateDatabase(dataSource);
  await dataSource.destroy();
  return { url: embedded.url, kind: 'pglite', drop: () => embedded.stop() };
}

/** A fresh database for one test file: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export function createTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL;
  return databaseUrl === undefined || databaseUrl === ''
    ? createEmbeddedTestDatabase()
    : createServerTestDatabase(databaseUrl);
}

/**
 * A database of its own for a script outside jest (a benchmark): a new, empty database on the
 * DATABASE_URL server (the API migrates it when it starts), or a migrated in-memory PGlite without one.
 */
export async function createStandaloneDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl === undefined || serverUrl === '') return createEmbeddedTestDatabase();
  const name = `majlis_bench_${randomBytes(5).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrlFor(serverUrl, name),
    kind: 'postgres',
    drop: () =>
      withAdminClient(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}
