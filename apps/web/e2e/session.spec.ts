import { Api } from './api';
import { expect, signIn, test } from './fixtures';

test('a session that expires mid-vote asks to sign in again over the page, and the vote chosen is kept', async ({
  page,
  context,
  baseURL,
}) => {
  const api = new Api(baseURL ?? '');
  const email = 'board.dammam@demo.majlis';
  await api.setLanguage(email, 'ar');
  const { ballotId, titleAr } = await api.openBallot({ title: `جلسة ${crypto.randomUUID().slice(0, 6)}` });
  await signIn(page, email, `/ballots/${ballotId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(titleAr);

  await page.getByRole('radio', { name: 'امتناع', exact: true }).check();
  await context.clearCookies(); // the session ends while the member is choosing
  await page.getByRole('button', { name: 'الإدلاء بصوتي' }).click();
  await page.getByRole('dialog', { name: 'تأكيد صوتك' }).getByRole('button', { name: 'تأكيد: امتناع' }).click();

  const again = page.getByRole('dialog', { name: 'سجّل الدخول مرة أخرى' });
  await expect(again).toBeVisible();
  await expect(again.getByLabel(/^البريد الإلكتروني/)).toHaveValue(email);
  await again.getByLabel(/^كلمة المرور/).fill('majlis-demo');
  await again.getByRole('button', { name: 'دخول', exact: true }).click();
  await expect(again).toBeHidden();

  // Same page, same choice: confirm it now.
  await expect(page).toHaveURL(new RegExp(`/ballots/${ballotId}$`));
  await expect(page.getByRole('radio', { name: 'امتناع', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'الإدلاء بصوتي' }).click();
  await page.getByRole('dialog', { name: 'تأكيد صوتك' }).getByRole('button', { name: 'تأكيد: امتناع' }).click();
  await expect(page.getByText('صوتك: امتناع', { exact: true })).toBeVisible();
});
