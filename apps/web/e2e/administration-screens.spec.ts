import type { Browser, Page } from '@playwright/test';
import { readMails } from './api';
import { check, dataDir, expect, LANGUAGES, screenshotsFolder, signIn, test } from './fixtures';

const ADMIN = 'admin@demo.majlis';
const HEAD_OF_DELEGATION = 'delegate.dammam@demo.majlis';

async function signedOutPage(browser: Browser, baseURL: string | undefined, lang: 'ar' | 'en'): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto('/forgot-password');
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  return page;
}

test.describe('the administration screens in Arabic and English at 375 and 1280 px', () => {
  test.beforeAll(() => screenshotsFolder());
  // Some ten screens, each at two widths with axe: on a loaded machine this outruns the default two minutes.
  test.slow();

  for (const lang of LANGUAGES) {
    test(`in ${lang === 'ar' ? 'Arabic' : 'English'}`, async ({ browser, baseURL, api }) => {
      const ar = lang === 'ar';
      // A fresh invitation, for the page its link opens.
      const email = `screens.${lang}.${crypto.randomUUID().slice(0, 8)}@example.org`;
      await api.as(ADMIN, 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }', {
        input: {
          email,
          name: { ar: 'سارة العتيبي', en: 'Sara Al-Otaibi' },
          roles: ['OBSERVER'],
          locale: lang,
        },
      });
      await expect
        .poll(() => readMails(dataDir()).some((mail) => mail.to.includes(email)), { message: 'the invitation e-mail' })
        .toBe(true);
      const mail = readMails(dataDir()).find((m) => m.to.includes(email));
      const token = /\/set-password\?token=([^\s"<>&]+)/.exec(mail?.text ?? '')?.[1] ?? '';
      expect(token).not.toBe('');

      const signedOut = await signedOutPage(browser, baseURL, lang);
      const publicScreens: [string, string, string][] = [
        ['forgot-password', '/forgot-password', ar ? 'نسيت كلمة المرور؟' : 'Forgot your password?'],
        [
          'set-password',
          `/set-password?token=${token}`,
          ar ? 'أهلاً بك، اختر كلمة المرور' : 'Welcome, set your password',
        ],
        [
          'set-password-used',
          '/set-password?token=not-a-real-token',
          ar ? 'لم يعد هذا الرابط صالحاً' : 'This link no longer works',
        ],
        ['setup-done', '/setup?token=not-needed', ar ? 'تم إعداد مجلس من قبل' : 'majlis is already set up'],
      ];
      for (const [screen, path, heading] of publicScreens) {
        await signedOut.goto(path);
        await expect(signedOut.getByRole('heading', { level: 1 })).toHaveText(heading);
        await check(signedOut, screen, lang);
      }
      await signedOut.context().close();

      await api.setLanguage(ADMIN, lang);
      const admin = await (await browser.newContext({ baseURL })).newPage();
      await signIn(admin, ADMIN);
      const adminScreens: [string, string, string][] = [
        ['home-admin', '/', ar ? 'مرحباً' : 'Welcome'],
        ['admin-people', '/admin/people', ar ? 'الأشخاص' : 'People'],
        ['admin-cities', '/admin/cities', ar ? 'المدن الأعضاء' : 'Member cities'],
        ['admin-seats', '/admin/seats', ar ? 'مقاعد مجلس الإدارة' : 'Board seats'],
      ];
      for (const [screen, path, heading] of adminScreens) {
        await admin.goto(path);
        await expect(admin.getByRole('heading', { level: 1 })).toContainText(heading);
        await check(admin, screen, lang);
      }
      // The forms, open over their pages.
      await admin.goto('/admin/people');
      await admin.getByRole('button', { name: ar ? 'دعوة شخص' : 'Invite a person' }).click();
      await expect(admin.getByRole('dialog')).toBeVisible();
      await check(admin, 'admin-people-invite', lang);
      await admin.goto('/admin/cities');
      await admin.getByRole('button', { name: ar ? 'إضافة مدينة عضو' : 'Add a member city' }).click();
      await expect(admin.getByRole('dialog')).toBeVisible();
      await check(admin, 'admin-cities-add', lang);
      await admin.goto('/admin/seats');
      await admin
        .getByRole('button', { name: ar ? 'منح مقعد' : 'Give a seat' })
        .first()
        .click();
      await expect(admin.getByRole('dialog')).toBeVisible();
      await check(admin, 'admin-seats-give', lang);
      await admin.context().close();

      // A head of delegation finds their delegation from the menu.
      await api.setLanguage(HEAD_OF_DELEGATION, lang);
      const head = await (await browser.newContext({ baseURL })).newPage();
      await signIn(head, HEAD_OF_DELEGATION);
      await head
        .getByRole('navigation')
        .getByRole('link', { name: ar ? 'وفدي' : 'My delegation' })
        .click({ force: true });
      await expect(head.getByRole('heading', { level: 1 })).toContainText(ar ? 'وفدي' : 'My delegation');
      await check(head, 'my-delegation', lang);
      await head.context().close();
    });
  }
});
