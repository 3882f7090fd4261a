import { DataSource } from 'typeorm';
// Jest runs its global set-up outside the module mapper, so this one file reaches the library by path.
import { dataSourceOptions, migrateDatabase } from '../../persistence/src';
import { databaseUrlFor, TEMPLATE_DATABASE, withAdminClient } from './server-database';

/**
 * With DATABASE_URL: builds a migrated template database once, which each test file copies (fast and
 * isolated). Without it, each test file starts its own in-memory PGlite instead.
 */
export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') return;
  await withAdminClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const dataSource = new DataSource(
    dataSourceOptions(databaseUrlFor(databaseUrl, TEMPLATE_DATABASE), 'majlis-test-setup'),
  );
  await dataSource.initialize();
  try {
    await migrateDatabase(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
