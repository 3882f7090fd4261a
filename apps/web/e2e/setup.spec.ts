import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { readMails } from './api';
import { check, expect, screenshotsFolder, test } from './fixtures';

// The first day of an installation, as the README's "Running majlis for real" tells it: an app in server mode
// on a throw-away PostgreSQL database (E2E_POSTGRES, default the local server) with nobody in it, the queue on
// Redis when REDIS_URL is set (its own prefix) and else on PostgreSQL, e-mails as .eml files in its data folder.
const SERVER = process.env.E2E_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';
const repository = resolve(import.meta.dirname, '../../..');
const suffix = crypto.randomUUID().slice(0, 8);
const database = `majlis_e2e_setup_${suffix}`;
const dataDir = mkdtempSync(join(tmpdir(), 'majlis-e2e-setup-'));

const ADMIN_EMAIL = 'amal@partnership.example';
const ADMIN_PASSWORD = 'the-first-of-many-2026';
const SET_PASSWORD = /\/set-password\?token=([^\s"<>&]+)/;

// Each test goes on from where the one before left the installation.
test.describe.configure({ mode: 'serial' });

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

/** The GraphQL API of this app, as one person (a bearer token) or nobody. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors !== undefined || body.data === undefined) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(E-mail|البريد الإلكتروني)/).fill(email);
  await page.getByLabel(/^(Password|كلمة المرور)/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|دخول)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** The path of the set-password link in the e-mail written to `to`, once it has been written. */
async function linkMailedTo(to: string): Promise<string> {
  const find = () => readMails(dataDir).find((mail) => mail.to.includes(to) && SET_PASSWORD.test(mail.text));
  await expect.poll(() => find() !== undefined, { message: `an e-mail with a link to ${to}` }).toBe(true);
  const token = SET_PASSWORD.exec(find()?.text ?? '')?.[1] ?? '';
  return `/set-password?token=${token}`;
}

async function choose(page: Page, field: ReturnType<Page['getByLabel']>, typed: string, option: RegExp | string) {
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
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
    MAJLIS_DATA_DIR: dataDir,
    MAJLIS_QUEUE_PREFIX: `e2e_setup_${suffix}`,
    LOG_LEVEL: 'warn',
  };
  for (const name of ['SMTP_URL', 'NODE_OPTIONS', 'MAJLIS_DEMO']) delete env[name];
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
  rmSync(dataDir, { recursive: true, force: true });
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
  await page.getByRole('textbox', { name: 'E-mail' }).fill(ADMIN_EMAIL);
  const submit = page.getByRole('button', { name: 'Create the administrator and sign in' });
  await page.getByLabel(/^New password/).fill('amal@partnership.example');
  await page.getByLabel(/^The same password again/).fill('amal@partnership.example');
  await expect(submit).toBeDisabled();
  await page.getByLabel(/^New password/).fill(ADMIN_PASSWORD);
  await page.getByLabel(/^The same password again/).fill(ADMIN_PASSWORD);
  await submit.click();

  // Signed in, as an administrator, with the administration at hand; and the page works only once.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Amal Al-Shammari');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Member cities' }),
  ).toBeVisible();
  await page.goto(`/setup?token=${link?.[1] ?? ''}`);
  await expect(page.getByRole('heading', { level: 1, name: 'majlis is already set up' })).toBeVisible();
});

test('the administrator adds a city and invites its delegate, who sets a password from the e-mail, takes the seat and finds the ballot open for them', async ({
  browser,
}) => {
  const delegateEmail = 'ziyad@dammam.example';
  const delegatePassword = 'eastern-province-2026';
  const context = () => browser.newContext({ baseURL });

  // The administrator signs in on the sign-in page and adds the first member city.
  const page = await (await context()).newPage();
  await signInAs(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const menu = page.getByRole('navigation', { name: 'Main' });
  await menu.getByRole('link', { name: 'Member cities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Member cities' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a member city' }).click();
  const cityForm = page.getByRole('dialog', { name: 'Add a member city' });
  await cityForm.getByLabel('Name in Arabic').fill('الدمام');
  await cityForm.getByLabel('Name in English').fill('Dammam');
  await cityForm.getByLabel('Code').fill('dammam');
  await choose(page, cityForm.getByLabel('Country'), 'Saudi', /Saudi Arabia \(SA\)/);
  await choose(page, cityForm.getByLabel('Time zone'), 'Asia/Riyadh', /Asia\/Riyadh$/);
  await cityForm.getByLabel('Year it joined').fill('1995');
  await cityForm.getByLabel('Coordinating office, in English').fill('Dammam coordinating office');
  await cityForm.getByRole('button', { name: 'Add the city' }).click();
  await expect(cityForm).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: 'Dammam' })).toContainText('Arabian Standard Time');
  await check(page, 'first-day-cities', 'en');

  // … invites the city's delegate and the secretariat, each of whom gets a link by e-mail.
  await menu.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const invite = async (nameAr: string, nameEn: string, email: string, role: string, city?: string) => {
    await page.getByRole('button', { name: 'Invite a person' }).click();
    const form = page.getByRole('dialog', { name: 'Invite a person' });
    await form.getByLabel('Name in Arabic').fill(nameAr);
    await form.getByLabel('Name in English').fill(nameEn);
    await form.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await form.getByRole('checkbox', { name: role, exact: true }).check();
    if (city !== undefined) await choose(page, form.getByLabel('Member city'), city, city);
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('listitem').filter({ hasText: email })).toContainText('Invitation pending');
  };
  await invite('زياد العتيبي', 'Ziyad Al-Otaibi', delegateEmail, 'Delegate', 'Dammam');
  await invite('سامي الأمين', 'Sami Al-Amin', 'sami@partnership.example', 'Secretariat');
  await check(page, 'first-day-people', 'en');

  // The delegate opens the e-mailed link in their own browser, sets a password and is signed in.
  const delegatePage = await (await context()).newPage();
  await delegatePage.goto(await linkMailedTo(delegateEmail));
  await delegatePage.getByRole('button', { name: 'English' }).click();
  await expect(delegatePage.getByRole('heading', { level: 1, name: 'Welcome, set your password' })).toBeVisible();
  await delegatePage.getByLabel(/^New password/).fill(delegatePassword);
  await delegatePage.getByLabel(/^The same password again/).fill(delegatePassword);
  await delegatePage.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(delegatePage.getByRole('heading', { level: 1 })).toContainText('Ziyad Al-Otaibi');
  await delegatePage.context().close();
  // The secretariat's link, used through the API (its page is the delegate's, just seen).
  const secretariatPath = await linkMailedTo('sami@partnership.example');
  const { setPassword: secretariat } = await graphql<{ setPassword: { token: string } }>(
    'mutation($t: String!, $p: String!) { setPassword(token: $t, password: $p) { token } }',
    { t: new URLSearchParams(secretariatPath.split('?')[1]).get('token'), p: 'general-secretariat-2026' },
  );

  // The administrator gives Dammam's board seat to the delegate, from today.
  await menu.getByRole('link', { name: 'Board seats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board seats' })).toBeVisible();
  const seatRow = page.getByRole('listitem').filter({ hasText: 'Dammam' });
  await expect(seatRow).toContainText('No seat holder');
  await seatRow.getByRole('button', { name: 'Give a seat' }).click();
  const seatForm = page.getByRole('dialog', { name: 'Give a board seat' });
  await choose(page, seatForm.getByLabel('Holder'), 'Ziyad', /Ziyad Al-Otaibi/);
  await seatForm.getByLabel('Starts on').fill(new Date().toISOString().slice(0, 10));
  await seatForm.getByRole('button', { name: 'Give a seat' }).click();
  await expect(seatForm).toBeHidden();
  await expect(seatRow).toContainText('Ziyad Al-Otaibi');
  await expect(seatRow).toContainText('Since');
  await check(page, 'first-day-seats', 'en');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'مقاعد مجلس الإدارة' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'الدمام' })).toContainText('زياد العتيبي');
  await check(page, 'first-day-seats', 'ar');

  // The secretariat puts a proposal of Dammam's to the board (screens of other issues: through the API).
  const { login: delegate } = await graphql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: delegateEmail, p: delegatePassword },
  );
  const title = 'A training exchange programme between member cities';
  const { createProposal } = await graphql<{ createProposal: { id: string } }>(
    'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
    { input: { category: 'PROGRAMME', title: { ar: 'برنامج التبادل التدريبي بين المدن الأعضاء', en: title } } },
    delegate.token,
  );
  let version = 1;
  for (const [token, event] of [
    [delegate.token, 'SUBMIT'],
    [secretariat.token, 'START_REVIEW'],
    [secretariat.token, 'ACCEPT'],
  ] as const)
    version = (
      await graphql<{ transitionProposal: { version: number } }>(
        'mutation($id: ID!, $e: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $e, expectedVersion: $v) { version } }',
        { id: createProposal.id, e: event, v: version },
        token,
      )
    ).transitionProposal.version;
  const { memberCities } = await graphql<{ memberCities: { id: string }[] }>(
    '{ memberCities { id } }',
    {},
    secretariat.token,
  );
  const { createMeeting } = await graphql<{ createMeeting: { id: string } }>(
    'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
    {
      input: {
        kind: 'BOARD',
        title: { ar: 'اجتماع مجلس الإدارة', en: 'Board meeting' },
        hostCityId: memberCities[0]?.id,
        startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString(),
      },
    },
    secretariat.token,
  );
  await graphql(
    'mutation($p: ID!, $m: ID!) { scheduleProposal(proposalId: $p, meetingId: $m) { id } }',
    { p: createProposal.id, m: createMeeting.id },
    secretariat.token,
  );
  const { openBallot } = await graphql<{ openBallot: { id: string } }>(
    'mutation($p: ID!) { openBallot(proposalId: $p, rules: { quorum: 0.5, majority: SIMPLE }) { id } }',
    { p: createProposal.id },
    secretariat.token,
  );

  // The new board member signs in and finds it open for their vote.
  const member = await (await context()).newPage();
  await signInAs(member, delegateEmail, delegatePassword);
  await member.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ballots' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Ballots' })).toBeVisible();
  const waiting = member.getByRole('link', {
    name: new RegExp(`^${title}.*0 of 1 member has voted.*Your vote is awaited`),
  });
  await expect(waiting).toHaveAttribute('href', `/ballots/${openBallot.id}`);
  await check(member, 'first-day-ballots', 'en');
  await member.getByRole('button', { name: 'العربية' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'الاقتراعات' })).toBeVisible();
  await expect(member.getByRole('link', { name: /برنامج التبادل التدريبي بين المدن الأعضاء/ })).toHaveAttribute(
    'href',
    `/ballots/${openBallot.id}`,
  );
  await check(member, 'first-day-ballots', 'ar');
  await waiting.or(member.getByRole('link', { name: /برنامج التبادل التدريبي/ })).click();
  await expect(member.getByRole('button', { name: /^(Cast my vote|الإدلاء بصوتي)$/ })).toBeVisible();
});
