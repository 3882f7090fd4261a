import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { check, expect, screenshotsFolder, test } from './fixtures';

// An installation with nobody in it: the embedded default always loads the demo, so this app runs in server
// mode on a throw-away PostgreSQL database (E2E_POSTGRES, default the local server) with the queue on it too.
const SERVER = process.env.E2E_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';
const repository = resolve(import.meta.dirname, '../../..');
const database = `majlis_e2e_setup_${crypto.randomUUID().slice(0, 8)}`;

let app: ChildProcess | undefined;
let baseURL = '';
let log = '';

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

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  screenshotsFolder();
  await admin(`CREATE DATABASE ${database}`);
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `${SERVER}/${database}`,
    JWT_SECRET: 'e2e-setup-secret-that-is-long-enough-0123456789',
    MAJLIS_WORKERS_IN_API: 'true',
    MAJLIS_PUBLIC_URL: baseURL,
    LOG_LEVEL: 'warn',
  };
  for (const name of ['REDIS_URL', 'SMTP_URL', 'NODE_OPTIONS', 'MAJLIS_DATA_DIR']) delete env[name];
  app = spawn(process.execPath, [join(repository, 'dist/apps/api/apps/api/src/main.js')], {
    cwd: repository,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await expect
    .poll(
      async () => {
        if (app?.exitCode !== null) throw new Error(`the app exited: ${log}`);
        return fetch(`${baseURL}/health`).then(
          (response) => response.ok,
          () => false,
        );
      },
      { timeout: 150_000, message: 'the empty server answers /health' },
    )
    .toBe(true);
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((done) => app?.once('exit', done));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
    if (app.exitCode === null) app.kill('SIGKILL');
  }
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

test('the first administrator of an empty server is created on the setup page from the link in its log', async ({
  browser,
}) => {
  const link = /https?:\/\/\S+\/setup\?token=([A-Za-z0-9_-]+)/.exec(log);
  expect(link, 'the setup link in the log').not.toBeNull();
  const page = await (await browser.newContext({ baseURL })).newPage();

  // The sign-in page says where to find the link.
  await page.goto('/sign-in');
  await expect(page.getByText('لا يوجد حساب على هذا الخادم بعد')).toBeVisible();
  await check(page, 'sign-in-empty', 'ar');

  await page.goto(`/setup?token=${link?.[1] ?? ''}`);
  await expect(page.getByRole('heading', { level: 1, name: 'إعداد مجلس' })).toBeVisible();
  await check(page, 'setup', 'ar');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up majlis' })).toBeVisible();
  await check(page, 'setup', 'en');

  await page.getByLabel('Name in Arabic').fill('أمل الشمري');
  await page.getByLabel('Name in English').fill('Amal Al-Shammari');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('amal@partnership.example');
  const submit = page.getByRole('button', { name: 'Create the administrator and sign in' });
  await page.getByLabel(/^New password/).fill('amal@partnership.example');
  await page.getByLabel(/^The same password again/).fill('amal@partnership.example');
  await expect(submit).toBeDisabled();
  await page.getByLabel(/^New password/).fill('the-first-of-many-2026');
  await page.getByLabel(/^The same password again/).fill('the-first-of-many-2026');
  await submit.click();

  // Signed in, as an administrator, with the administration at hand; and the page works only once.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Amal Al-Shammari');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Member cities' }),
  ).toBeVisible();
  await page.goto(`/setup?token=${link?.[1] ?? ''}`);
  await expect(page.getByRole('heading', { level: 1, name: 'majlis is already set up' })).toBeVisible();
});
