import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataFolderInUseError, EmbeddedDatabase } from './embedded-database';

describe(EmbeddedDatabase.name, () => {
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
