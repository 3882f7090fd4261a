import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepProtocolSequencesTogether } from './socket-queue';

/** A data folder already in use by another running majlis process. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function lockDataFolder(dataDir: string): () => void {
  const lockFile = join(dataDir, 'majlis.pid');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder !== process.pid && Number.isInteger(holder) && isRunning(holder)) {
      throw new DataFolderInUseError(
        `the data folder ${dataDir} is in use by another majlis process (pid ${holder}); stop it or set MAJLIS_DATA_DIR to another folder`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served in-process on a loopback port so that the ordinary
 * `pg` driver, TypeORM and BullMQ reach it exactly as they reach a PostgreSQL server.
 */
export class EmbeddedDatabase {
  private constructor(
    readonly url: string,
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly unlock: () => void,
  ) {}

  /** Opens (creating on first use) the database in `dataDir`, or an in-memory one for `'memory'`. */
  static async start(dataDir: string | 'memory'): Promise<EmbeddedDatabase> {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    let unlock = () => {};
    let pgdata: string | undefined;
    if (dataDir !== 'memory') {
      const folder = resolve(dataDir);
      mkdirSync(folder, { recursive: true });
      unlock = lockDataFolder(folder);
      pgdata = join(folder, 'pgdata');
    }
    try {
      const db = await PGlite.create(pgdata === undefined ? {} : { dataDir: pgdata });
      // One PGlite backend serves every connection, so session settings are shared: BullMQ's tables
      // live in their own schema and must resolve beside ours.
      await db.exec('CREATE SCHEMA IF NOT EXISTS bullmq; SET search_path TO public, bullmq;');
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 100 });
      keepProtocolSequencesTogether(server);
      await server.start();
      const url = `postgres://postgres@${server.getServerConn()}/postgres`;
      return new EmbeddedDatabase(url, db, server, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Stops accepting connections, then closes the database files. Call after every client has closed. */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    this.unlock();
  }
}
