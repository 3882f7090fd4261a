import { expect, signIn, test } from './fixtures';

test('a board member declares a conflict of interest before voting, with a reason, and is left out', async ({
  page,
  api,
}) => {
  const email = 'board.portharcourt@demo.majlis';
  await api.setLanguage(email, 'ar');
  const { ballotId } = await api.openBallot({ title: `تعارض ${crypto.randomUUID().slice(0, 6)}` });
  await signIn(page, email, `/ballots/${ballotId}`);
  const turnout = page.getByRole('region', { name: 'نسبة المشاركة' }).getByRole('status');
  await expect(turnout).toHaveText('صوّت ٠ من ٧ أعضاء');

  await page.getByRole('button', { name: 'التصريح بتعارض المصالح' }).click();
  const dialog = page.getByRole('dialog', { name: 'التصريح بتعارض المصالح' });
  const submit = dialog.getByRole('button', { name: 'التصريح والتنحي' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(/^السبب/).fill('أعمل مستشارًا لإحدى الجهات المستفيدة من البرنامج.');
  await submit.click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('لست من المصوّتين في هذا الاقتراع')).toBeVisible();
  await expect(page.getByRole('region', { name: 'صوتك' })).toHaveCount(0);
  await expect(turnout).toHaveText('صوّت ٠ من ٦ أعضاء');
});
