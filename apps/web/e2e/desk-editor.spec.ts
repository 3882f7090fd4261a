import type { Page } from '@playwright/test';
import { readMails, type Api } from './api';
import { check, dataDir, expect, LANGUAGES, screenshotsFolder, signIn, test } from './fixtures';

const DAMMAM = 'delegate.dammam@demo.majlis';
const HOUSTON = 'delegate.houston@demo.majlis';
const ADMIN = 'admin@demo.majlis';
const ARABIC_LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** A word no other spec writes, in Arabic letters, so that a search finds this spec's proposal only. */
function arabicWord(length = 6): string {
  return Array.from({ length }, () => ARABIC_LETTERS[Math.floor(Math.random() * ARABIC_LETTERS.length)] ?? 'ب').join(
    '',
  );
}

// The wording of the Eastern Province Municipality's draft (../shared/source-article.ar.txt).
const TITLE_AR = 'خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء';
const SUMMARY_AR =
  'إعطاء المزيد من الصلاحيات للأمانة العامة للتجمع لمتابعة تنفيذ الخطط والبرامج التي يتم اعتمادها في مجلس إدارة التجمع.';
const BODY_AR =
  'تتضمن المسودة الأولية المقدمة من أمانة المنطقة الشرقية لتطوير أعمال التجمع خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء.';
const BODY_AR_MORE = '\nويتضمن جدول الأعمال برنامجي التبادل التدريبي والأكاديمي بين المدن الأعضاء في التجمع.';
const TITLE_EN = 'A strategic plan to widen cooperation between member cities';
const BODY_EN =
  "The Eastern Province Municipality's initial draft for developing the partnership's work: a strategic plan to widen cooperation between member cities.";

interface Text {
  ar: string | null;
  en: string | null;
}
interface Desk {
  state: string;
  version: number;
  revisionCount: number;
  cosponsors: { code: string }[];
  revisions: { number: number; frozenAt: string | null; title: Text; body: Text | null }[];
  workingCopy: { body: Text | null } | null;
}

const DESK = `state version revisionCount cosponsors { code }
  revisions { number frozenAt title { ar en } body { ar en } } workingCopy { body { ar en } }`;

async function read(api: Api, email: string, id: string): Promise<Desk> {
  const { proposal } = await api.as<{ proposal: Desk }>(email, `query($id: ID!) { proposal(id: $id) { ${DESK} } }`, {
    id,
  });
  return proposal;
}

async function createDraft(api: Api, email: string, input: Record<string, unknown>): Promise<string> {
  const { createProposal } = await api.as<{ createProposal: { id: string } }>(
    email,
    'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
    { input: { category: 'STRATEGIC_PLAN', ...input } },
  );
  return createProposal.id;
}

/** A second delegate of Dammam, invited by the administrator, with the demo password set from the e-mail. */
async function dammamColleague(api: Api): Promise<string> {
  const email = `colleague.${crypto.randomUUID().slice(0, 8)}@example.org`;
  const { memberCities } = await api.as<{ memberCities: { id: string; code: string }[] }>(
    ADMIN,
    '{ memberCities { id code } }',
  );
  await api.as(ADMIN, 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }', {
    input: {
      email,
      name: { ar: 'زياد السويدان', en: 'Ziad Al-Suwaidan' },
      roles: ['DELEGATE'],
      memberCityId: memberCities.find((city) => city.code === 'dammam')?.id,
      locale: 'ar',
    },
  });
  let token = '';
  await expect
    .poll(() => {
      const mail = readMails(dataDir()).find((m) => m.to.includes(email));
      token = /\/set-password\?token=([^\s"<>&]+)/.exec(mail?.text ?? '')?.[1] ?? '';
      return token;
    })
    .not.toBe('');
  await api.request('mutation($p: String!, $t: String!) { setPassword(password: $p, token: $t) { token } }', {
    p: 'majlis-demo',
    t: token,
  });
  return email;
}

async function openEditor(page: Page, id: string): Promise<void> {
  await page.goto(`/proposals/${id}/edit`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test.describe("the delegation's desk", () => {
  test.beforeAll(() => screenshotsFolder());

  test("Dammam's delegate drafts the strategic plan in Arabic, adds the English side, saves a revision, edits and submits", async ({
    page,
    api,
  }) => {
    const suffix = arabicWord();
    await api.setLanguage(DAMMAM, 'ar');
    await signIn(page, DAMMAM, '/proposals');
    await expect(page.getByRole('heading', { level: 1, name: 'مقترحات مدينتك' })).toBeVisible();
    await page.getByRole('link', { name: 'مقترح جديد' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'مقترح جديد' })).toBeVisible();

    const titleAr = page.getByRole('textbox', { name: 'العنوان بالعربية' });
    await expect(titleAr).toHaveCSS('direction', 'rtl');
    await expect(page.getByRole('textbox', { name: 'العنوان بالإنجليزية' })).toHaveCSS('direction', 'ltr');
    await titleAr.fill(`${TITLE_AR} ${suffix}`);
    await page.getByRole('textbox', { name: 'الملخص بالعربية' }).fill(SUMMARY_AR);
    await page.getByRole('textbox', { name: 'النص بالعربية' }).fill(BODY_AR);
    // The length as the server counts it, before any refusal.
    await expect(
      page.getByText(`الأحرف: ${[...`${TITLE_AR} ${suffix}`].length.toLocaleString('ar-u-nu-arab')} من ٣٠٠`),
    ).toBeVisible();
    await page.getByRole('button', { name: 'إنشاء المسودة' }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]+\/edit$/);
    const id = /\/proposals\/([0-9a-f-]+)\/edit$/.exec(page.url())?.[1] ?? '';
    await expect(page.getByRole('heading', { level: 1, name: 'تحرير المقترح' })).toBeVisible();

    // The English side: autosave keeps it in the working copy, no revision made.
    await page.getByRole('textbox', { name: 'العنوان بالإنجليزية' }).fill(TITLE_EN);
    await page.getByRole('textbox', { name: 'النص بالإنجليزية' }).fill(BODY_EN);
    const status = page.getByRole('status').filter({ hasText: /الحفظ|حُفظ|تُحفظ|يُحفظ|محفوظة/ });
    await expect(status).toContainText('حُفظ تلقائياً الساعة');
    await expect.poll(async () => (await read(api, DAMMAM, id)).workingCopy?.body?.en).toBe(BODY_EN);
    expect((await read(api, DAMMAM, id)).revisionCount).toBe(1);

    // A co-sponsor, changeable while a draft.
    await page.getByRole('combobox', { name: 'المدن المشاركة في التقديم' }).click();
    await page.getByRole('option', { name: 'هيوستن' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await read(api, DAMMAM, id)).cosponsors.map((c) => c.code)).toEqual(['houston']);

    await page.getByRole('button', { name: 'حفظ مراجعة' }).click();
    await expect(status).toContainText('حُفظت المراجعة ٢');
    const saved = await read(api, DAMMAM, id);
    expect(saved.revisionCount).toBe(2);
    expect(saved.revisions[1]?.title).toEqual({ ar: `${TITLE_AR} ${suffix}`, en: TITLE_EN });
    expect(saved.workingCopy).toBeNull();

    // An edit, autosaved, then submitted: the working copy becomes the frozen revision 3.
    await page.getByRole('textbox', { name: 'النص بالعربية' }).fill(BODY_AR + BODY_AR_MORE);
    await expect(status).toContainText('حُفظ تلقائياً الساعة');
    await page.getByRole('button', { name: 'تقديم', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'تقديم المقترح' });
    await expect(dialog).toContainText('المراجعة ٣');
    await expect(dialog).toContainText('هيوستن');
    await dialog.getByRole('button', { name: 'تقديم المقترح' }).click();
    await page.waitForURL(`**/proposals/${id}`);
    const submitted = await read(api, DAMMAM, id);
    expect(submitted.state).toBe('submitted');
    expect(submitted.revisionCount).toBe(3);
    expect(submitted.revisions[2]?.frozenAt).not.toBeNull();
    expect(submitted.revisions[2]?.body?.ar).toBe(BODY_AR + BODY_AR_MORE);
  });

  test('nothing typed is lost: a failed save offline, a reload, a closed tab, and a colleague’s save in between', async ({
    browser,
    baseURL,
    api,
  }) => {
    const colleague = await dammamColleague(api);
    const id = await createDraft(api, DAMMAM, {
      title: { ar: `${TITLE_AR} ${arabicWord()}`, en: TITLE_EN, authoritative: 'ar' },
      body: { ar: BODY_AR, en: BODY_EN, authoritative: 'ar' },
    });
    await api.setLanguage(DAMMAM, 'en');
    const context = await browser.newContext({ baseURL });
    let page = await context.newPage();
    await signIn(page, DAMMAM, `/proposals/${id}/edit`);
    const body = () => page.getByRole('textbox', { name: 'Text in English' });
    const status = () => page.getByRole('status').filter({ hasText: /Saved|saved|Unsaved|Saving/ });

    // Offline while typing: the save fails, the text stays, and it is saved once the connection is back.
    await expect(body()).toHaveValue(BODY_EN);
    await context.setOffline(true);
    await body().fill(`${BODY_EN} Typed offline.`);
    await expect(status()).toContainText('Not saved: no connection');
    await expect(body()).toHaveValue(`${BODY_EN} Typed offline.`);
    await context.setOffline(false);
    await expect(status()).toContainText('Saved at');
    await expect
      .poll(async () => (await read(api, DAMMAM, id)).workingCopy?.body?.en)
      .toBe(`${BODY_EN} Typed offline.`);

    // Offline again; then the page is reloaded while the server still cannot be reached for saving.
    await context.setOffline(true);
    const mine = `${BODY_EN} Typed offline. And more, never saved.`;
    await body().fill(mine);
    await expect(status()).toContainText('Not saved: no connection');
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('SaveWorkingCopy') ? route.abort('internetdisconnected') : route.fallback(),
    );
    await context.setOffline(false);
    await page.reload();
    const offer = () => page.getByRole('alert').filter({ hasText: 'Unsaved text' });
    await expect(offer()).toContainText('never reached the server');
    await expect(body()).toHaveValue(`${BODY_EN} Typed offline.`);

    // The tab closed and another opened: offered back again.
    await page.close();
    page = await context.newPage();
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('SaveWorkingCopy') ? route.abort('internetdisconnected') : route.fallback(),
    );
    await openEditor(page, id);
    await expect(offer()).toBeVisible();

    // Meanwhile a colleague of Dammam's delegation saves through the API.
    const current = await read(api, DAMMAM, id);
    const theirs = `${BODY_EN} The colleague's sentence.`;
    await api.as(
      colleague,
      'mutation($id: ID!, $input: SaveProposalWorkingCopyInput!) { saveProposalWorkingCopy(id: $id, input: $input) { id } }',
      { id, input: { body: { en: theirs }, expectedVersion: current.version } },
    );

    // Restored and the connection back: the save meets the colleague's, both are shown, nothing is overwritten.
    await page.unroute('**/graphql');
    await offer().getByRole('button', { name: 'Restore' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'A colleague saved another version' });
    await expect(conflict.getByRole('region', { name: 'The version on the server' })).toContainText(
      "The colleague's sentence.",
    );
    await expect(conflict.getByRole('region', { name: 'Your version' })).toContainText('And more, never saved.');
    await expect(conflict).toContainText('Ziad Al-Suwaidan');
    expect((await read(api, DAMMAM, id)).workingCopy?.body?.en).toBe(theirs);

    // The person chooses: theirs is replaced by mine only now.
    await conflict.getByRole('button', { name: 'Keep my version' }).click();
    await expect(conflict).toBeHidden();
    await expect(status()).toContainText('Saved at');
    await expect.poll(async () => (await read(api, DAMMAM, id)).workingCopy?.body?.en).toBe(mine);
    await page.reload();
    await expect(body()).toHaveValue(mine);
    await expect(offer()).toHaveCount(0);

    // Text kept on this browser is the person's: signing out clears it, so the next person here finds none.
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('SaveWorkingCopy') ? route.abort('internetdisconnected') : route.fallback(),
    );
    await body().fill(`${mine} Not yet saved.`);
    await expect(status()).toContainText('Not saved: no connection');
    const deskKeys = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('majlis.desk.')).length);
    expect(await deskKeys()).toBe(1);
    await page.getByRole('button', { name: /^Your account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await deskKeys()).toBe(0);
    await context.close();
  });

  test('the list finds a proposal by an Arabic spelling variant, with its amendments under it; another city’s draft is not found', async ({
    page,
    browser,
    baseURL,
    api,
  }) => {
    const word = arabicWord();
    // Written with hamza (إستراتيجية), searched without it (استراتيجية).
    const id = await createDraft(api, DAMMAM, {
      title: { ar: `خطة إستراتيجية ${word}`, en: `Strategic plan ${word}` },
    });
    const { transitionProposal } = await api.as<{ transitionProposal: { version: number } }>(
      DAMMAM,
      'mutation($id: ID!) { transitionProposal(id: $id, event: SUBMIT, expectedVersion: 1) { version } }',
      { id },
    );
    expect(transitionProposal.version).toBe(2);
    const amendmentId = await createDraft(api, HOUSTON, {
      parentId: id,
      title: { en: `Houston's amendment ${word}`, ar: `تعديل هيوستن ${word}` },
    });
    // Submitted, so that Dammam sees it (a draft is its own city's only).
    await api.as(
      HOUSTON,
      'mutation($id: ID!) { transitionProposal(id: $id, event: SUBMIT, expectedVersion: 1) { id } }',
      {
        id: amendmentId,
      },
    );
    const draftId = await createDraft(api, DAMMAM, { title: { ar: `مسودة ${word}` } });

    await api.setLanguage(DAMMAM, 'ar');
    await signIn(page, DAMMAM, '/proposals');
    await page.getByRole('searchbox', { name: 'بحث' }).fill(`استراتيجية ${word}`);
    await page.getByRole('combobox', { name: 'الحالة' }).click();
    await page.getByRole('option', { name: 'مقدَّم', exact: true }).click();
    await page.getByRole('combobox', { name: 'التصنيف' }).click();
    await page.getByRole('option', { name: 'خطة إستراتيجية', exact: true }).click();
    await expect(page.getByText('مقترح واحد', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: `خطة إستراتيجية ${word}`, exact: true })).toBeVisible();
    const amendments = page.getByRole('list', { name: `التعديلات المقترحة على خطة إستراتيجية ${word}` });
    await expect(amendments.getByRole('link', { name: `تعديل هيوستن ${word}` })).toBeVisible();
    await expect(page).toHaveURL(/state=submitted/);

    // Another state: the submitted one is gone, the draft found by the same word.
    await page.getByRole('searchbox', { name: 'بحث' }).fill(word);
    await page.getByRole('combobox', { name: 'الحالة' }).click();
    await page.getByRole('option', { name: 'مسودة', exact: true }).click();
    await expect(page.getByRole('link', { name: `مسودة ${word}`, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: `خطة إستراتيجية ${word}`, exact: true })).toHaveCount(0);

    // Houston's delegate opens Dammam's draft by its link: not found, said plainly.
    await api.setLanguage(HOUSTON, 'en');
    const houston = await (await browser.newContext({ baseURL })).newPage();
    await signIn(houston, HOUSTON, `/proposals/${draftId}/edit`);
    await expect(houston.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(houston.getByRole('link', { name: 'Back to the proposals' })).toBeVisible();
    await houston.context().close();
  });

  for (const lang of LANGUAGES) {
    test(`the list and the editor in ${lang === 'ar' ? 'Arabic' : 'English'} at 375 and 1280 px`, async ({
      page,
      api,
    }) => {
      test.slow();
      const ar = lang === 'ar';
      const id = await createDraft(api, DAMMAM, {
        title: { ar: `${TITLE_AR} ${arabicWord()}`, en: TITLE_EN, authoritative: 'ar' },
        summary: {
          ar: SUMMARY_AR,
          en: "Wider powers for the partnership's general secretariat to follow up the plans.",
        },
        body: { ar: BODY_AR, en: BODY_EN, authoritative: 'ar' },
      });
      await api.setLanguage(DAMMAM, lang);
      await signIn(page, DAMMAM, '/proposals');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar ? 'مقترحات مدينتك' : "My city's proposals");
      await expect(page.getByRole('listitem').first()).toBeVisible();
      await check(page, 'desk-list', lang);

      await openEditor(page, id);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar ? 'تحرير المقترح' : 'Edit the proposal');
      await expect(page.getByRole('textbox', { name: ar ? 'النص بالعربية' : 'Text in Arabic' })).toHaveValue(BODY_AR);
      await check(page, 'desk-editor', lang);

      await page.goto('/proposals/new');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar ? 'مقترح جديد' : 'New proposal');
      await check(page, 'desk-new', lang);
    });
  }
});
