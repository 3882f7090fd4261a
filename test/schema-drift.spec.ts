import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DOMAIN_ENTITIES } from '@majlis/domain';
import { JOB_ENTITIES } from '@majlis/jobs';
import { dataSourceOptions, EmbeddedDatabase, migrateDatabase, pendingSchemaChanges } from '@majlis/persistence';

// Here, above every lib: the check needs every entity list, and persistence imports none of them.
const COLUMNS = `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
  FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`;
// PostgreSQL 18 (PGlite) also lists NOT NULL as constraints; the columns already compare nullability.
const CONSTRAINTS = `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY conname`;
const INDEXES = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`;

async function migratedSchema(url: string) {
  const dataSource = new DataSource(
    dataSourceOptions(url, { applicationName: 'majlis-test', entities: [...DOMAIN_ENTITIES, ...JOB_ENTITIES] }),
  );
  await dataSource.initialize();
  try {
    await migrateDatabase(dataSource);
    return {
      drift: await pendingSchemaChanges(dataSource),
      columns: await dataSource.query(COLUMNS),
      constraints: await dataSource.query(CONSTRAINTS),
      indexes: await dataSource.query(INDEXES),
    };
  } finally {
    await dataSource.destroy();
  }
}

describe(EmbeddedDatabase.name, () => {
  it('leaves no entity drift after the migrations, and the same schema as PostgreSQL', async () => {
    const embedded = await EmbeddedDatabase.start('memory');
    const onPglite = await migratedSchema(embedded.url).finally(() => embedded.stop());
    expect(onPglite.drift.up).toEqual([]);
    expect(onPglite.columns.length).toBeGreaterThan(20);

    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl === undefined || serverUrl === '') return;
    const name = `majlis_drift_${process.pid}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const onPostgres = await migratedSchema(url.toString());
      expect(onPostgres.drift.up).toEqual([]);
      expect(onPostgres.columns).toEqual(onPglite.columns);
      expect(onPostgres.constraints).toEqual(onPglite.constraints);
      expect(onPostgres.indexes).toEqual(onPglite.indexes);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    // Migrating twice from empty is slow-but-correct work: minutes on a busy machine.
  }, 600_000);
});
