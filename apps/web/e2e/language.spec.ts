import { readMails } from './api';
import { dataDir, expect, signIn, test } from './fixtures';

test('the language chosen survives signing out and in, in a fresh browser, and the next e-mail is in it', async ({
  browser,
  baseURL,
  api,
}) => {
  const email = 'board.stavanger@demo.majlis';
  await api.setLanguage(email, 'ar');

  const first = await (await browser.newContext({ baseURL })).newPage();
  await signIn(first, email);
  const html = first.locator('html');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await first.getByRole('button', { name: 'English' }).click();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(first.getByRole('link', { name: 'Ballots' })).toBeVisible();

  await first.getByRole('button', { name: /^Your account:/ }).click();
  await first.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(first).toHaveURL(/\/sign-in/);
  await first.context().close();

  // A browser that has never seen this person starts in Arabic, and their profile brings English back.
  const fresh = await (await browser.newContext({ baseURL })).newPage();
  await fresh.goto('/sign-in');
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'ar');
  await signIn(fresh, email);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
  await expect(fresh.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(fresh.getByRole('heading', { level: 1 })).toContainText('Welcome');

  // The next e-mail to this person is in English.
  const { ballotId } = await api.openBallot({ title: `language ${crypto.randomUUID().slice(0, 6)}` });
  await expect
    .poll(() => readMails(dataDir()).find((mail) => mail.to.includes(email) && mail.text.includes(ballotId))?.language)
    .toBe('en');
  const mail = readMails(dataDir()).find((m) => m.to.includes(email) && m.text.includes(ballotId));
  expect(mail?.subject).toMatch(/[A-Za-z]/);
  expect(mail?.subject).not.toMatch(/[\u0600-\u06FF]{3}/);
});
