import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';
import { databaseUrlFor, templateDatabase, THROWAWAY_COMMITS, withAdminClient } from './server-database';

/**
 * With DATABASE_URL: builds a migrated template database once, which each test file copies (fast and
 * isolated). Without it, migrates an in-memory PGlite once and leaves its snapshot in a file, from which
 * each test file starts its own copy (`createEmbeddedTestDatabase`).
 */
export default async function globalSetup(): Promise<void> {
  // Jest runs its global set-up outside the module mapper; the entities it loads import @majlis/* aliases.
  const config = loadConfig();
  if (config.resultType === 'success') register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') {
    const { EMBEDDED_TEMPLATE_VARIABLE, writeEmbeddedTemplate } = await import('./test-database');
    const path = join(tmpdir(), `majlis-pglite-template-${process.pid}.tar`);
    await writeEmbeddedTemplate(path);
    // The test files run in processes started after this, with this environment.
    process.env[EMBEDDED_TEMPLATE_VARIABLE] = path;
    return;
  }
  const [{ DataSource }, { dataSourceOptions, migrateDatabase }] = await Promise.all([
    import('typeorm'),
    import('../../persistence/src'),
  ]);
  const template = templateDatabase(databaseUrl);
  await withAdminClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
    await client.query(`ALTER DATABASE ${template} SET ${THROWAWAY_COMMITS}`);
  });
  const dataSource = new DataSource(
    dataSourceOptions(databaseUrlFor(databaseUrl, template), { applicationName: 'majlis-test-setup' }),
  );
  await dataSource.initialize();
  try {
    await migrateDatabase(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
