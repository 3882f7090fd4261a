import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repository = resolve(import.meta.dirname, '../../..');
const main = join(repository, 'dist/apps/api/apps/api/src/main.js');
const client = join(repository, 'apps/web/dist/index.html');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? done(address.port) : fail(address)));
    });
  });
}

async function waitForHealth(url: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((next) => setTimeout(next, 500));
  }
  throw new Error(`the app did not answer ${url}/health within 3 minutes`);
}

/** Builds when nothing is built, then starts the app on the embedded default with a fresh data folder. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(main) || !existsSync(client)) {
    console.log('e2e: building the API and the client (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: repository, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'majlis-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    MAJLIS_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Webhook receivers a spec starts on this machine (inbox.spec.ts) may be called; no other private address.
    MAJLIS_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  };
  // The embedded default: no server database, no Redis, no SMTP (e-mails are .eml files in the data folder).
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'MAJLIS_PUBLIC_URL', 'NODE_OPTIONS']) delete env[name];
  const app = spawn(process.execPath, [main], { cwd: repository, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  app.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://localhost:${port}`;
  try {
    await waitForHealth(baseURL, app);
  } catch (error) {
    app.kill('SIGKILL');
    console.error(output);
    throw error;
  }
  console.log(`e2e: the app is at ${baseURL}, data in ${dataDir}`);
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    app.kill('SIGTERM');
    await new Promise((done) => {
      const timer = setTimeout(() => {
        app.kill('SIGKILL');
        done(undefined);
      }, 15_000);
      app.once('exit', () => {
        clearTimeout(timer);
        done(undefined);
      });
    });
    if (process.env.E2E_KEEP_DATA === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
}
