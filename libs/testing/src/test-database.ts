import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  const template = embeddedTemplate();
  const embedded = await EmbeddedDatabase.start('memory', template === null ? {} : { snapshot: template });
  if (template === null) await migrate(embedded.url);
  return { url: embedded.url, kind: 'pglite', drop: () => embedded.stop() };
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, { applicationName: 'majlis-test-setup' }));
  await dataSource.initialize();
  try {
    await migrateDatabase(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Where jest's global set-up leaves the migrated PGlite that each test file copies, without DATABASE_URL. */
export const EMBEDDED_TEMPLATE_VARIABLE = 'MAJLIS_TEST_PGLITE_TEMPLATE';

let template: Uint8Array | null | undefined;

/** The migrated PGlite's snapshot, read once per test process; null outside jest's global set-up. */
function embeddedTemplate(): Uint8Array | null {
  if (template === undefined) {
    const path = process.env[EMBEDDED_TEMPLATE_VARIABLE];
    template = path === undefined || path === '' || !existsSync(path) ? null : new Uint8Array(readFileSync(path));
  }
  return template;
}

/** Migrates an in-memory PGlite once and writes its snapshot to `path`, for every test file to copy. */
export async function writeEmbeddedTemplate(path: string): Promise<void> {
  const embedded = await EmbeddedDatabase.start('memory');
  try {
    await migrate(embedded.url);
    writeFileSync(path, await embedded.snapshot());
  } finally {
    await embedded.stop();
  }
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
