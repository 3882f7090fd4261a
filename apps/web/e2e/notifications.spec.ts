import { readMails } from './api';
import { dataDir, expect, signIn, test } from './fixtures';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a notification opens its page from the inbox and from the link in its e-mail', async ({
  page,
  browser,
  baseURL,
  api,
}) => {
  const email = 'board.perth@demo.majlis';
  await api.setLanguage(email, 'en');
  const { ballotId, titleAr, titleEn } = await api.openBallot({ title: `inbox ${crypto.randomUUID().slice(0, 6)}` });

  await signIn(page, email, '/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const link = page.getByRole('link', { name: new RegExp(escape(titleEn)) }).first();
  await expect(link).toHaveAttribute('href', `/ballots/${ballotId}`);
  // Switched to Arabic, the same inbox reads in Arabic: the server wrote each message in both languages.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الإشعارات' })).toBeVisible();
  const arabic = page.getByRole('link', { name: new RegExp(escape(titleAr)) }).first();
  await expect(arabic).toHaveAttribute('href', `/ballots/${ballotId}`);
  await expect(arabic).toHaveAttribute('lang', 'ar');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(link).toHaveAttribute('lang', 'en');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/ballots/${ballotId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(titleEn);

  // The e-mail links to the same page; opened in a browser that is not signed in, it asks to sign in first.
  await expect
    .poll(() => readMails(dataDir()).some((mail) => mail.to.includes(email) && mail.text.includes(ballotId)))
    .toBe(true);
  const mail = readMails(dataDir()).find((m) => m.to.includes(email) && m.text.includes(ballotId));
  const href = /https?:\/\/[^\s"<>]+\/ballots\/[0-9a-f-]{36}/.exec(mail?.text ?? '')?.[0];
  expect(href).toBeDefined();
  const url = new URL(href ?? '');
  expect(url.pathname).toBe(`/ballots/${ballotId}`);

  const fresh = await (await browser.newContext({ baseURL })).newPage();
  await fresh.goto(url.pathname);
  await expect(fresh).toHaveURL(/\/sign-in\?next=/);
  await fresh.getByLabel(/^(E-mail|البريد الإلكتروني)/).fill(email);
  await fresh.getByLabel(/^(Password|كلمة المرور)/).fill('majlis-demo');
  await fresh.getByRole('button', { name: /^(Sign in|دخول)$/ }).click();
  await expect(fresh).toHaveURL(new RegExp(`/ballots/${ballotId}$`));
  await expect(fresh.getByRole('heading', { level: 1 })).toContainText(titleEn);
});
