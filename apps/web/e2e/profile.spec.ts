import { expect, signIn, test } from './fixtures';

test('a person chooses Latin digits and a time zone, and the ballot page shows both', async ({ page, api }) => {
  const email = 'admin@demo.majlis';
  await api.as(email, 'mutation { updateMyProfile(input: { locale: ar, digits: arab, timeZone: null }) { id } }');
  const { ballotId } = await api.openBallot({ title: `أرقام ${crypto.randomUUID().slice(0, 6)}` });
  await signIn(page, email, `/ballots/${ballotId}`);
  const turnout = page.getByRole('region', { name: 'نسبة المشاركة' }).getByRole('status');
  await expect(turnout).toHaveText('صوّت ٠ من ٧ أعضاء');

  await page.getByRole('button', { name: /^حسابك:/ }).click();
  await page.getByRole('menuitem', { name: /لاتينية/ }).click();
  await expect(turnout).toHaveText('صوّت 0 من 7 أعضاء');

  await page.getByRole('button', { name: /^حسابك:/ }).click();
  await page.getByRole('menuitem', { name: 'تغيير المنطقة الزمنية' }).click();
  const dialog = page.getByRole('dialog', { name: 'منطقتك الزمنية' });
  await dialog.getByLabel('المنطقة الزمنية', { exact: true }).fill('Asia/Tokyo');
  // Each zone named in Arabic, its identifier beside the name.
  await page.getByRole('option', { name: 'توقيت اليابان الرسمي — Asia/Tokyo', exact: true }).click();
  await dialog.getByRole('button', { name: 'حفظ' }).click();
  await expect(dialog).toBeHidden();
  // The closing time in the meeting's zone, then in the person's own.
  await expect(page.getByRole('region', { name: 'يُغلق بعد' })).toContainText('بتوقيتك');
  await expect(page.getByRole('region', { name: 'يُغلق بعد' })).toContainText('توقيت اليابان الرسمي');
  await page.getByRole('button', { name: /^حسابك:/ }).click();
  await expect(page.getByRole('menu')).toContainText('المنطقة الزمنية: توقيت اليابان الرسمي');
  await page.keyboard.press('Escape');

  // Saved in the profile: a new page load keeps both.
  await page.reload();
  await expect(turnout).toHaveText('صوّت 0 من 7 أعضاء');
  await expect(page.getByRole('region', { name: 'يُغلق بعد' })).toContainText('توقيت اليابان الرسمي');
});
