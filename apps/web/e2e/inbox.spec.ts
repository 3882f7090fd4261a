import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { BOARD, readMails } from './api';
import { check, dataDir, expect, LANGUAGES, screenshotsFolder, signIn, subscriptionSent, test } from './fixtures';

const ADMIN = 'admin@demo.majlis';

async function openAs(browser: Browser, baseURL: string | undefined, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, email, path);
  return page;
}

/** The unread count the header's bell says, read from its accessible name ("Notifications: 3 unread"). */
async function bellCount(page: Page): Promise<number> {
  const label =
    (await page.getByRole('link', { name: /^Notifications: \d+ unread$/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(label)?.[1] ?? NaN);
}

/** A webhook receiver on this machine: answers `status` (changeable) and counts what it was sent. */
async function receiver(): Promise<{
  url: string;
  answer(status: number): void;
  answered: number[];
  close(): Promise<void>;
}> {
  let status = 410;
  const answered: number[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      answered.push(status);
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/e2e-hook-${crypto.randomUUID().slice(0, 8)}`,
    answer: (next) => (status = next),
    answered,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

test('a topic set to daily digest in the settings stops its immediate e-mails; the inbox count still rises live', async ({
  browser,
  baseURL,
  api,
}) => {
  const email = 'board.portharcourt@demo.majlis';
  await api.setLanguage(email, 'en');
  const page = await (await browser.newContext({ baseURL })).newPage();
  const subscribed = subscriptionSent(page, 'NotificationAdded');
  await signIn(page, email, '/notifications');
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notification settings' })).toBeVisible();
  const opens = page.getByRole('radiogroup', { name: 'A ballot opens', exact: true });
  await opens.getByRole('radio', { name: 'Daily digest' }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'Saved: A ballot opens — Daily digest.' })).toBeVisible();
  // Saved on the server, not only shown: a fresh load says the same.
  await page.reload();
  await expect(
    page.getByRole('radiogroup', { name: 'A ballot opens', exact: true }).getByRole('radio', { name: 'Daily digest' }),
  ).toBeChecked();
  await expect(
    page.getByRole('radiogroup', { name: 'A ballot closes', exact: true }).getByRole('radio', { name: 'At once' }),
  ).toBeChecked();
  await subscribed;
  const before = await bellCount(page);

  try {
    const { ballotId } = await api.openBallot({ title: `digest ${crypto.randomUUID().slice(0, 6)}` });
    // The notification reaches the inbox at once, and the bell counts it without a reload.
    await expect
      .poll(() => bellCount(page), { message: 'the bell counts the new notification' })
      .toBeGreaterThan(before);

    // Every other board member set to "at once" gets the ballot's e-mail; Port Harcourt's waits for the digest.
    const others = BOARD.filter((city) => city !== 'portharcourt').map((city) => `board.${city}@demo.majlis`);
    const mailed = () =>
      new Set(
        readMails(dataDir())
          .filter((mail) => mail.text.includes(ballotId))
          .flatMap((mail) => [...others, email].filter((address) => mail.to.includes(address))),
      );
    await expect
      .poll(() => others.filter((address) => mailed().has(address)).length, {
        message: "the other board members' e-mails",
        timeout: 60_000,
      })
      .toBe(others.length);
    expect(mailed().has(email)).toBe(false);
  } finally {
    await api.as(
      email,
      'mutation { updateNotificationPreferences(preferences: [{ topic: "ballot.opened", mode: immediate }]) { timeZone } }',
    );
  }
  await page.context().close();
});

test('a person picks their time zone in the settings and the page names it at once, then goes back to their city’s', async ({
  browser,
  baseURL,
  api,
}) => {
  const email = 'board.houston@demo.majlis';
  await api.setLanguage(email, 'en');
  await api.as(email, 'mutation { updateNotificationPreferences(timeZone: null) { timeZone } }');
  const page = await openAs(browser, baseURL, email, '/notifications/settings');
  const section = page.getByRole('region', { name: 'Your time zone' });
  const lead = section.getByText(/^Times in e-mails/);
  const before = await lead.textContent();
  await section.getByLabel('Time zone', { exact: true }).fill('Asia/Tokyo');
  const option = page.getByRole('option', { name: /— Asia\/Tokyo$/ });
  const tokyo = ((await option.textContent()) ?? '').split(' — ')[0] ?? '';
  await option.click();
  await section.getByRole('button', { name: 'Save the time zone' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Time zone saved.' })).toBeVisible();
  await expect(lead).toHaveText(`Times in e-mails and the hour of the daily digest follow it. Now: ${tokyo}.`);
  await expect(section.getByRole('button', { name: 'Save the time zone' })).toBeDisabled();

  await section.getByRole('button', { name: 'Use my city’s' }).click();
  await expect(lead).toHaveText(before ?? '');
  await expect(section.getByRole('button', { name: 'Use my city’s' })).toBeDisabled();
  await page.context().close();
});

test('the calendar feed answers text/calendar at its address, and nothing once stopped', async ({
  browser,
  baseURL,
  api,
}) => {
  const email = 'board.houston@demo.majlis';
  await api.setLanguage(email, 'en');
  const page = await openAs(browser, baseURL, email, '/notifications/settings');
  await page.getByRole('button', { name: 'Make a feed address' }).click();
  const address = page.getByRole('textbox', { name: 'Your feed address' });
  await expect(address).toHaveValue(/\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  const path = new URL(await address.inputValue()).pathname;

  // A calendar program has no session: a plain GET with no cookie.
  const served = await fetch(`${baseURL}${path}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const body = await served.text();
  expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(body).toContain('BEGIN:VEVENT');

  await page.getByRole('button', { name: 'Stop the feed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop the calendar feed?' });
  await dialog.getByRole('button', { name: 'Stop the feed' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The calendar feed is stopped.' })).toBeVisible();
  await expect(page.getByText('You have no calendar feed.')).toBeVisible();
  expect((await fetch(`${baseURL}${path}`)).status).toBe(404);
  await page.context().close();
});

test('an admin sees failed deliveries and sends one again; /admin pages reload to the client', async ({
  browser,
  baseURL,
  api,
}) => {
  const hook = await receiver();
  const { createWebhookEndpoint } = await api.as<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    ADMIN,
    'mutation($url: String!) { createWebhookEndpoint(input: { url: $url }) { endpoint { id } } }',
    { url: hook.url },
  );
  try {
    // The receiver refuses for good (410): the calls fail at once, without rounds of retries.
    await api.openBallot({ title: `hook ${crypto.randomUUID().slice(0, 6)}` });
    await expect.poll(() => hook.answered.length, { message: 'the webhook was called' }).toBeGreaterThan(0);

    await api.setLanguage(ADMIN, 'en');
    const page = await openAs(browser, baseURL, ADMIN, '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Failed deliveries' }).click({ force: true });
    await expect(page.getByRole('heading', { level: 1, name: 'Failed deliveries' })).toBeVisible();
    const rows = page.getByRole('listitem').filter({ hasText: hook.url });
    await expect(rows.first()).toBeVisible();
    await expect(rows.first()).toContainText('answered 410');
    const failedBefore = await rows.count();

    hook.answer(200);
    const calls = hook.answered.length;
    await rows.first().getByRole('button', { name: 'Send again' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Sent again' })).toBeVisible();
    await expect.poll(() => hook.answered.slice(calls)).toContain(200);
    await expect(rows).toHaveCount(failedBefore - 1);

    // A reload of a client route under /admin/ gets the client, not the API's 404.
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    expect(reloaded?.headers()['content-type']).toContain('text/html');
    await expect(page.getByRole('heading', { level: 1, name: 'Failed deliveries' })).toBeVisible();

    // The endpoint is listed, and stopped from its page.
    const webhooks = await page.goto('/admin/webhooks');
    expect(webhooks?.status()).toBe(200);
    const endpoint = page.getByRole('listitem').filter({ hasText: hook.url });
    await expect(endpoint).toContainText('Active');
    await endpoint.getByRole('button', { name: 'Stop calling' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop calling' }).click();
    await expect(endpoint).toContainText('Stopped');
    await page.context().close();
  } finally {
    const { webhookEndpoints } = await api.as<{ webhookEndpoints: { id: string; active: boolean }[] }>(
      ADMIN,
      '{ webhookEndpoints { id active } }',
    );
    if (webhookEndpoints.some((row) => row.id === createWebhookEndpoint.endpoint.id && row.active))
      await api.as(ADMIN, 'mutation($id: ID!) { removeWebhookEndpoint(id: $id) { id } }', {
        id: createWebhookEndpoint.endpoint.id,
      });
    await hook.close();
  }
});

test.describe('the notification settings and operations screens in Arabic and English at 375 and 1280 px', () => {
  test.beforeAll(() => screenshotsFolder());
  test.slow();

  for (const lang of LANGUAGES) {
    test(`in ${lang === 'ar' ? 'Arabic' : 'English'}`, async ({ browser, baseURL, api }) => {
      const ar = lang === 'ar';
      const email = 'board.aberdeen@demo.majlis';
      await api.setLanguage(email, lang);
      await api.as(email, 'mutation { revokeCalendarFeed }');
      const person = await openAs(browser, baseURL, email, '/notifications');
      await expect(person.getByRole('heading', { level: 1 })).toHaveText(ar ? 'الإشعارات' : 'Notifications');
      await check(person, 'inbox', lang);
      await person.goto('/notifications/settings');
      await expect(person.getByRole('heading', { level: 1 })).toHaveText(
        ar ? 'إعدادات الإشعارات' : 'Notification settings',
      );
      await person.getByRole('button', { name: ar ? 'إنشاء رابط التقويم' : 'Make a feed address' }).click();
      await expect(person.getByRole('textbox', { name: ar ? 'رابط تقويمك' : 'Your feed address' })).toBeVisible();
      await check(person, 'inbox-settings', lang);
      await person.context().close();

      await api.setLanguage(ADMIN, lang);
      const admin = await openAs(browser, baseURL, ADMIN, '/admin/deliveries');
      await expect(admin.getByRole('heading', { level: 1 })).toHaveText(ar ? 'الإرسال المتعثر' : 'Failed deliveries');
      await check(admin, 'admin-deliveries', lang);
      await admin.goto('/admin/webhooks');
      await expect(admin.getByRole('heading', { level: 1 })).toHaveText(ar ? 'الإشعارات الآلية' : 'Webhooks');
      await check(admin, 'admin-webhooks', lang);
      await admin.getByRole('button', { name: ar ? 'إضافة عنوان' : 'Add an endpoint' }).click();
      await expect(admin.getByRole('dialog')).toBeVisible();
      await check(admin, 'admin-webhooks-add', lang);
      await admin.context().close();
    });
  }
});
