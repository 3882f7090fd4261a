import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 16_000;
const EXTRA_DIRECTORIES = ['/usr/bin', '/usr/local/bin'];
const REQUIRE_VARIABLE = 'MAJLIS_REQUIRE_REDIS_SERVER';

export type RedisProcessErrorCode = 'REDIS_SERVER_NOT_FOUND' | 'REDIS_SERVER_EXITED' | 'REDIS_SERVER_START_TIMEOUT';

export class RedisProcessError extends Error {
  constructor(
    readonly code: RedisProcessErrorCode,
    message: string,
    readonly output = '',
  ) {
    super(message);
    this.name = 'RedisProcessError';
  }
}

/** A redis-server of a test's own, on 127.0.0.1, without persistence. */
export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  /** The running server's process id, null while stopped. */
  readonly pid: number | null;
  readonly running: boolean;
  /** Starts the server again on the same port and waits until it answers PING; nothing when running. */
  start(): Promise<void>;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s); the port is closed afterwards. Safe when stopped. */
  stop(): Promise<void>;
  /** SIGKILL, then waits for the exit. Safe when stopped. */
  kill(): Promise<void>;
}

export function redisServerBinary(): string | null {
  const pathDirectories = (process.env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  for (const directory of [...pathDirectories, ...EXTRA_DIRECTORIES]) {
    const candidate = join(directory, 'redis-server');
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/**
 * For the top of a spec: true when redis-server exists. Without it the spec is skipped with a warning,
 * unless MAJLIS_REQUIRE_REDIS_SERVER=1 (CI), where a skip would hide untested code: then it throws.
 */
export function requireRedisServer(reason: string): boolean {
  if (redisServerBinary() !== null) return true;
  const searched = `PATH, ${EXTRA_DIRECTORIES.join(', ')}`;
  if (process.env[REQUIRE_VARIABLE] === '1') {
    throw new RedisProcessError(
      'REDIS_SERVER_NOT_FOUND',
      `${reason} cannot be skipped here: ${REQUIRE_VARIABLE}=1 but redis-server was not found in ${searched}. Install redis-server.`,
    );
  }
  console.warn(
    `Skipping ${reason}: redis-server was not found in ${searched} (install it; ${REQUIRE_VARIABLE}=1 makes this an error).`,
  );
  return false;
}

/** `describe` when redis-server exists, otherwise `describe.skip` after requireRedisServer's warning. */
export function describeWithRedisServer(name: string, fn: () => void): void {
  if (requireRedisServer(name)) describe(name, fn);
  else describe.skip(name, fn);
}

export async function startRedisProcess(options: { port?: number } = {}): Promise<RedisProcess> {
  const binary = redisServerBinary();
  if (binary === null) {
    throw new RedisProcessError(
      'REDIS_SERVER_NOT_FOUND',
      `redis-server was not found in PATH, ${EXTRA_DIRECTORIES.join(', ')}`,
    );
  }
  const { port, child: firstChild } = await launchOnPort(binary, options.port);
  let child: ChildProcess | null = firstChild;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child !== null && isAlive(child) ? (child.pid ?? null) : null;
    },
    get running() {
      return child !== null && isAlive(child);
    },
    async start() {
      if (child !== null && isAlive(child)) return;
      child = await launch(binary, port);
    },
    async stop() {
      if (child !== null) await terminate(child, 'SIGTERM');
      child = null;
    },
    async kill() {
      if (child !== null) await terminate(child, 'SIGKILL');
      child = null;
    },
  };
}

/** With no port asked for, a free one; another process may take it before redis binds, so try a few. */
async function launchOnPort(binary: string, port: number | undefined): Promise<{ port: number; child: ChildProcess }> {
  if (port !== undefined) return { port, child: await launch(binary, port) };
  for (let attempt = 1; ; attempt += 1) {
    const candidate = await freePort();
    try {
      return { port: candidate, child: await launch(binary, candidate) };
    } catch (error) {
      const portTaken = error instanceof RedisProcessError && /Address already in use/i.test(error.output);
      if (!portTaken || attempt === 3) throw error;
    }
  }
}

async function launch(binary: string, port: number): Promise<ChildProcess> {
  const directory = await mkdtemp(join(tmpdir(), 'majlis-redis-'));
  const args = ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(port), '--dir', directory];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let spawnError: Error | null = null;
  const collect = (chunk: Buffer) => {
    if (output.length < OUTPUT_LIMIT) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('error', (error) => {
    spawnError = error;
  });
  child.once('exit', () => {
    rm(directory, { recursive: true, force: true }).catch(() => undefined);
  });
  guard(child, directory);

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError !== null || !isAlive(child)) {
      const cause =
        spawnError !== null ? `could not be started (${String(spawnError)})` : `exited (${exitText(child)})`;
      throw new RedisProcessError(
        'REDIS_SERVER_EXITED',
        `redis-server on port ${port} ${cause} before answering PING. Its output:\n${output.trim()}`,
        output,
      );
    }
    if (child.pid !== undefined && (await answersPing(port, child.pid))) return child;
    if (Date.now() >= deadline) {
      await terminate(child, 'SIGKILL');
      throw new RedisProcessError(
        'REDIS_SERVER_START_TIMEOUT',
        `redis-server on port ${port} did not answer PING within ${START_TIMEOUT_MS / 1000} s. Its output:\n${output.trim()}`,
        output,
      );
    }
    await delay(50);
  }
}

/** PING answered by this very process: INFO's process_id rules out another server on the port. */
function answersPing(port: number, pid: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const finish = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      const serving = /\r\nprocess_id:(\d+)\r\n/.exec(reply);
      if (serving !== null) finish(reply.startsWith('+PONG\r\n') && Number(serving[1]) === pid);
    });
    socket.once('connect', () => socket.write(resp('PING') + resp('INFO', 'server')));
  });
}

function resp(...words: string[]): string {
  return `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join('')}`;
}

async function terminate(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (!isAlive(child)) return;
  child.ref();
  const exited = once(child, 'exit').then(() => 'exited' as const);
  const patience = new AbortController();
  const timer = delay(STOP_TIMEOUT_MS, 'timeout' as const, { signal: patience.signal }).catch(() => 'exited' as const);
  child.kill(signal);
  const outcome = await Promise.race([exited, timer]);
  patience.abort();
  if (outcome === 'timeout' && isAlive(child)) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

function isAlive(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function exitText(child: ChildProcess): string {
  return child.signalCode !== null ? `signal ${child.signalCode}` : `code ${String(child.exitCode)}`;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// A test process that crashes, is killed or is force-exited must not leave servers behind. Jest gives
// each test file its own copy of `process`, whose 'exit' and signal events never fire, so a watchdog
// process does it: it learns the pids on its stdin and kills them when that pipe closes, however we ended.
const WATCHDOG_SCRIPT = `
const fs = require('node:fs');
const live = new Map();
let pending = '';
const isRedis = (pid) => {
  try { return fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes('redis-server'); }
  catch { return !fs.existsSync('/proc'); }
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\\n');
  pending = lines.pop();
  for (const line of lines) {
    const { pid, directory, ended } = JSON.parse(line);
    if (ended) live.delete(pid); else live.set(pid, directory);
  }
});
process.stdin.on('end', () => {
  for (const [pid, directory] of live) {
    try { if (isRedis(pid)) process.kill(pid, 'SIGKILL'); } catch {}
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
`;
let watchdog: ChildProcess | null = null;

function guard(child: ChildProcess, directory: string): void {
  const { pid } = child;
  if (pid === undefined) return;
  const input = watchdogInput();
  input?.write(`${JSON.stringify({ pid, directory })}\n`);
  child.once('exit', () => input?.write(`${JSON.stringify({ pid, ended: true })}\n`));
  // A forgotten stop() must not keep the test process alive; the watchdog kills the server when it ends.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) if (stream instanceof Socket) stream.unref();
}

function watchdogInput(): Writable | null {
  if (watchdog === null || !isAlive(watchdog)) {
    watchdog = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    watchdog.on('error', () => undefined);
    watchdog.stdin?.on('error', () => undefined);
    watchdog.unref();
    if (watchdog.stdin instanceof Socket) watchdog.stdin.unref();
  }
  return watchdog.stdin;
}
