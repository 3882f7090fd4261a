import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// A Unix socket's path must fit in 108 bytes; a deeper data folder gets its socket in a private temporary folder.
const MAX_SOCKET_PATH = 100;

/**
 * The folder of the database's Unix socket, readable by this user only (0700): the data folder's `socket`
 * folder, or a private temporary one. Nobody else on the machine can connect, so the embedded server
 * needs no password and serves no one but majlis.
 */
function socketFolder(dataFolder: string | undefined): { folder: string; temporary: boolean } {
  const inData = dataFolder === undefined ? undefined : join(dataFolder, 'socket');
  if (inData !== undefined && join(inData, '.s.PGSQL.5432').length <= MAX_SOCKET_PATH) {
    mkdirSync(inData, { recursive: true, mode: 0o700 });
    chmodSync(inData, 0o700);
    // A socket left by a process that died (the data folder's lock says none is running now).
    rmSync(join(inData, '.s.PGSQL.5432'), { force: true });
    return { folder: inData, temporary: false };
  }
  return { folder: mkdtempSync(join(tmpdir(), 'majlis-db-')), temporary: true };
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served in-process on a Unix socket in a folder only this
 * user can open, so that the ordinary `pg` driver, TypeORM and BullMQ reach it exactly as they reach a
 * PostgreSQL server — and no other user of the machine reaches it at all.
 */
export class EmbeddedDatabase {
  private constructor(
    readonly url: string,
    /** The folder holding the socket (`.s.PGSQL.5432`), mode 0700. */
    readonly socketFolder: string,
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly release: () => void,
  ) {}

  /**
   * Opens (creating on first use) the database in `dataDir`, or an in-memory one for `'memory'`; an
   * in-memory one may start as a copy of a `snapshot` taken earlier (a migrated template, for tests).
   */
  static async start(
    dataDir: string | 'memory',
    { snapshot }: { snapshot?: Uint8Array } = {},
  ): Promise<EmbeddedDatabase> {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    let unlock = () => {};
    let pgdata: string | undefined;
    let folder: string | undefined;
    if (dataDir !== 'memory') {
      folder = resolve(dataDir);
      mkdirSync(folder, { recursive: true });
      unlock = lockDataFolder(folder);
      pgdata = join(folder, 'pgdata');
    }
    let socket: { folder: string; temporary: boolean } | undefined;
    const release = () => {
      if (socket?.temporary === true) rmSync(socket.folder, { recursive: true, force: true });
      unlock();
    };
    try {
      socket = socketFolder(folder);
      const db = await PGlite.create(
        pgdata !== undefined
          ? { dataDir: pgdata }
          : snapshot !== undefined
            ? { loadDataDir: new Blob([snapshot]) }
            : {},
      );
      // One PGlite backend serves every connection, so session settings are shared: BullMQ's tables
      // live in their own schema and must resolve beside ours.
      await db.exec('CREATE SCHEMA IF NOT EXISTS bullmq; SET search_path TO public, bullmq;');
      const path = join(socket.folder, '.s.PGSQL.5432');
      const server = new PGLiteSocketServer({ db, path, maxConnections: 100 });
      keepProtocolSequencesTogether(server);
      await server.start();
      // pg reads `host` as the socket's folder (TypeORM hands pg the URL as its connection string).
      const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socket.folder)}`;
      return new EmbeddedDatabase(url, socket.folder, db, server, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The whole data folder as an uncompressed tar, which `start('memory', { snapshot })` opens as a copy. */
  async snapshot(): Promise<Uint8Array> {
    return new Uint8Array(await (await this.db.dumpDataDir('none')).arrayBuffer());
  }

  /** Stops accepting connections, then closes the database files. Call after every client has closed. */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    this.release();
  }
}
