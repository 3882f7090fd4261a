import { expect, signIn, test } from './fixtures';

test('a toast on a phone sits below the header and follows a switch of language', async ({ page, api }) => {
  const email = 'admin@demo.majlis';
  await api.setLanguage(email, 'ar');
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, email, '/admin/cities');
  await expect(page.getByRole('heading', { level: 1, name: 'المدن الأعضاء' })).toBeVisible();

  await page.getByRole('button', { name: 'تعديل' }).first().click();
  const form = page.getByRole('dialog', { name: 'تعديل مدينة عضو' });
  await form.getByRole('button', { name: 'حفظ' }).click();
  await expect(form).toBeHidden();
  const toast = page.getByRole('alert').filter({ hasText: 'تم الحفظ.' });
  await expect(toast).toBeVisible();
  // A toast under the pointer stays (and its time starts again when the pointer leaves).
  await toast.hover();

  // Below the header: the language switch and the menu stay within reach.
  const header = await page.getByRole('banner').boundingBox();
  const shown = await toast.boundingBox();
  expect(shown?.y ?? 0).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('alert').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('تم الحفظ.')).toHaveCount(0);
  await api.setLanguage(email, 'ar');
});
