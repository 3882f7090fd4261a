import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { DataFolderInUseError, EmbeddedDatabase } from './embedded-database';
import { migrateDatabase, pendingSchemaChanges } from './migrate';

const COLUMNS = `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
  FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`;
// PostgreSQL 18 (PGlite) also lists NOT NULL as constraints; the columns already compare nullability.
const CONSTRAINTS = `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY conname`;
const INDEXES = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`;

async function migratedSchema(url: string) {
  const dataSource = new DataSource(dataSourceOptions(url, 'majlis-test'));
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

  it('rolls a transaction back without a trace while a concurrent one commits', async () => {
    const embedded = await EmbeddedDatabase.start('memory');
    const first = new Client({ connectionString: embedded.url });
    const second = new Client({ connectionString: embedded.url });
    try {
      await first.connect();
      await second.connect();
      await first.query('CREATE TABLE ledger (entry text PRIMARY KEY)');

      await first.query('BEGIN');
      await first.query('INSERT INTO ledger VALUES ($1)', ['rolled back']);
      const concurrent = (async () => {
        await second.query('BEGIN');
        await second.query('INSERT INTO ledger VALUES ($1)', ['committed']);
        await second.query('COMMIT');
      })();
      await first.query('INSERT INTO ledger VALUES ($1)', ['also rolled back']);
      await first.query('ROLLBACK');
      await concurrent;

      const { rows } = await first.query('SELECT entry FROM ledger ORDER BY entry');
      expect(rows).toEqual([{ entry: 'committed' }]);
    } finally {
      await first.end();
      await second.end();
      await embedded.stop();
    }
  });

  it('delivers a NOTIFY to the connections that LISTEN on its channel, not to the one that sent it', async () => {
    const embedded = await EmbeddedDatabase.start('memory');
    const clients = [1, 2, 3, 4].map(() => new Client({ connectionString: embedded.url }));
    const heard = clients.map(() => [] as string[]);
    try {
      for (const [index, client] of clients.entries()) {
        await client.connect();
        client.on('notification', (message) => heard[index].push(`${message.channel}:${message.payload}`));
      }
      const [jobs, events, unlistened, producer] = clients;
      await jobs.query('-- a comment, as BullMQ writes them\nLISTEN bullmq_jobs;');
      await events.query('LISTEN "bullmq_events"');
      await unlistened.query('LISTEN bullmq_jobs');
      await unlistened.query('UNLISTEN bullmq_jobs');
      await producer.query("BEGIN; SELECT pg_notify('bullmq_jobs', 'ballots'); COMMIT");
      await producer.query("SELECT pg_notify('bullmq_events', 'مجلس'), repeat('x', 100000)");
      // A round trip on each listener: a notification sent before it is read before its answer.
      await Promise.all(clients.map((client) => client.query('SELECT 1')));
      expect(heard).toEqual([['bullmq_jobs:ballots'], ['bullmq_events:مجلس'], [], []]);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
      await embedded.stop();
    }
  });

  it('keeps its data in the folder across restarts and refuses a second process on the same folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'majlis-embedded-'));
    try {
      const opened = await EmbeddedDatabase.start(folder);
      const client = new Client({ connectionString: opened.url });
      await client.connect();
      await client.query("CREATE TABLE kept (word text); INSERT INTO kept VALUES ('مجلس')");
      await client.end();
      await opened.stop();

      const reopened = await EmbeddedDatabase.start(folder);
      const again = new Client({ connectionString: reopened.url });
      await again.connect();
      expect((await again.query('SELECT word FROM kept')).rows).toEqual([{ word: 'مجلس' }]);
      await again.end();
      await reopened.stop();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names the other process when the data folder is taken', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'majlis-locked-'));
    const { writeFileSync } = await import('node:fs');
    // The parent of this test process is alive and is not this process.
    writeFileSync(join(folder, 'majlis.pid'), String(process.ppid));
    try {
      await expect(EmbeddedDatabase.start(folder)).rejects.toThrow(DataFolderInUseError);
      await expect(EmbeddedDatabase.start(folder)).rejects.toThrow(
        `in use by another majlis process (pid ${process.ppid})`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('listens on no network port: only on a Unix socket in a folder of this user alone (0700) inside the data folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'majlis-socket-'));
    try {
      const opened = await EmbeddedDatabase.start(folder);
      try {
        expect(opened.socketFolder).toBe(join(folder, 'socket'));
        expect(statSync(opened.socketFolder).mode & 0o777).toBe(0o700);
        expect(statSync(join(opened.socketFolder, '.s.PGSQL.5432')).isSocket()).toBe(true);
        expect(opened.url).not.toMatch(/@[^/]*:\d+\//);
        const client = new Client({ connectionString: opened.url });
        await client.connect();
        expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        await client.end();
      } finally {
        await opened.stop();
      }
      // A second start after the first stopped (or died) takes the socket again.
      const again = await EmbeddedDatabase.start(folder);
      await again.stop();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('puts the in-memory database’s socket in a private temporary folder, removed at stop', async () => {
    const embedded = await EmbeddedDatabase.start('memory');
    const folder = embedded.socketFolder;
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    await embedded.stop();
    expect(() => statSync(folder)).toThrow();
  });
});
