import type { Browser, Page } from '@playwright/test';
import type { Api } from './api';
import { check, expect, screenshotsFolder, signIn, subscriptionSent, test } from './fixtures';

const DELEGATE = 'delegate.dammam@demo.majlis';
const SECRETARIAT = 'secretariat@demo.majlis';

// The wording of the Eastern Province's article (../shared/source-article.ar.txt).
const TITLE_AR = 'خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء';
const SUMMARY_AR =
  'إعطاء المزيد من الصلاحيات للأمانة العامة للتجمع لمتابعة تنفيذ الخطط والبرامج التي يتم اعتمادها في مجلس إدارة التجمع.';
const BODY_AR = 'أولًا: برنامج التبادل التدريبي بين المدن الأعضاء.\nثانيًا: برنامج التبادل الأكاديمي.';
const BODY_AR_2 =
  'أولًا: برنامج التبادل التدريبي بين المدن الأعضاء.\nثانيًا: برنامج التبادل الأكاديمي للاستفادة من المعلومات والخبرات.';
const BODY_AR_3 = `${BODY_AR_2}\nثالثًا: مكتب متابعة في الأمانة العامة.`;
const COMMENT = 'Please add how the follow-up office is staffed and funded.';
const REQUEST = 'بيّنوا كيف يُموَّل مكتب المتابعة قبل العرض على المجلس.';

async function proposalVersion(api: Api, id: string): Promise<number> {
  const { proposal } = await api.as<{ proposal: { version: number } }>(
    SECRETARIAT,
    'query($id: ID!) { proposal(id: $id) { version } }',
    { id },
  );
  return proposal.version;
}

async function step(api: Api, email: string, id: string, event: string, comment?: string): Promise<void> {
  await api.as(
    email,
    `mutation($id: ID!, $e: ProposalEvent!, $v: Int!, $c: String) {
      transitionProposal(id: $id, event: $e, expectedVersion: $v, comment: $c) { version } }`,
    { id, e: event, v: await proposalVersion(api, id), c: comment ?? null },
  );
}

async function draft(api: Api, suffix: string): Promise<string> {
  const { createProposal } = await api.as<{ createProposal: { id: string } }>(
    DELEGATE,
    'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
    {
      input: {
        category: 'STRATEGIC_PLAN',
        title: { ar: `${TITLE_AR} — ${suffix}`, authoritative: 'ar' },
        summary: { ar: SUMMARY_AR },
        body: { ar: BODY_AR },
      },
    },
  );
  return createProposal.id;
}

async function revise(api: Api, id: string, input: Record<string, unknown>): Promise<void> {
  await api.as(
    DELEGATE,
    'mutation($id: ID!, $input: SaveProposalDraftInput!) { saveProposalDraft(id: $id, input: $input) { version } }',
    { id, input },
  );
}

async function openAs(browser: Browser, baseURL: string | undefined, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, path);
  return page;
}

async function sendOnPage(page: Page, event: string): Promise<void> {
  await page
    .getByRole('region', { name: 'ما يمكنك فعله الآن' })
    .getByRole('button', { name: event, exact: true })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog.getByRole('button', { name: 'تأكيد', exact: true }).click();
}

test("Dammam's delegation drafts, submits, answers the review and follows the proposal to the board", async ({
  browser,
  baseURL,
  api,
}) => {
  test.slow();
  screenshotsFolder();
  const suffix = crypto.randomUUID().slice(0, 6);
  await api.setLanguage(DELEGATE, 'ar');
  await api.setLanguage('delegate.houston@demo.majlis', 'ar');

  // The draft and its English side, saved as a second revision (the editor is its own spec's).
  const id = await draft(api, suffix);
  await revise(api, id, {
    title: { en: `A strategic plan to widen cooperation between member cities — ${suffix}` },
    body: { ar: BODY_AR_2 },
  });

  // Houston's delegate cannot open Dammam's draft by its link: a clear "not found".
  const houston = await openAs(browser, baseURL, 'delegate.houston@demo.majlis', `/proposals/${id}`);
  await expect(houston.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeVisible();
  await expect(houston.getByText(TITLE_AR, { exact: false })).toHaveCount(0);
  await houston.context().close();

  const page = await browser.newContext({ baseURL }).then((context) => context.newPage());
  const subscribed = subscriptionSent(page, 'ProposalUpdated');
  await signIn(page, DELEGATE, `/proposals/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE_AR);
  await expect(page.getByRole('link', { name: 'تعديل المسودة' })).toHaveAttribute('href', `/proposals/${id}/edit`);

  // The word diff between revisions 1 and 2: the added words inserted, in Arabic and right to left.
  const diff = page.getByTestId('revision-diff');
  const bodyAr = diff.getByRole('region', { name: 'النص الكامل · العربية' });
  await expect(bodyAr.locator('ins')).toContainText('للاستفادة من المعلومات والخبرات');
  await expect(bodyAr.locator('[dir="rtl"]')).toHaveCount(1);
  const titleEn = diff.getByRole('region', { name: 'العنوان · الإنجليزية' });
  await expect(titleEn.locator('ins')).toContainText('A strategic plan');
  await expect(titleEn.locator('[dir="ltr"]')).toHaveCount(1);

  // Submit from the page, after reading what will be frozen.
  await subscribed;
  await page
    .getByRole('region', { name: 'ما يمكنك فعله الآن' })
    .getByRole('button', { name: 'تقديم', exact: true })
    .click();
  await expect(page.getByTestId('submit-check')).toContainText('تُجمَّد المراجعة ٢');
  await page.getByRole('dialog').getByRole('button', { name: 'تأكيد', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('مقدَّم', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'تعديل المسودة' })).toHaveCount(0);

  // From here on the page is never reloaded: a mark on the window would be lost with it.
  await page.evaluate(() => ((window as unknown as { deskMark: string }).deskMark = 'same page'));

  // The secretariat reviews through the API: a comment, then changes requested with a reason.
  await step(api, SECRETARIAT, id, 'START_REVIEW');
  await api.as(SECRETARIAT, 'mutation($input: AddReviewCommentInput!) { addReviewComment(input: $input) { id } }', {
    input: { proposalId: id, body: { en: COMMENT } },
  });
  await step(api, SECRETARIAT, id, 'REQUEST_CHANGES', REQUEST);

  // The delegate reads the request where it is shown first, and the diagram says where the proposal is.
  const request = page.getByRole('region', { name: 'طلبت الأمانة العامة تعديلات على المقترح' });
  await expect(request).toContainText(REQUEST);
  const diagram = page.getByTestId('workflow-diagram');
  await expect(diagram.locator('[aria-current="step"]')).toHaveText('طُلبت تعديلات عليه');
  const path = page.getByRole('list', { name: 'المسار الذي سلكه' });
  await expect(path.getByRole('listitem')).toHaveText([
    'مسودة',
    'مقدَّم',
    'قيد المراجعة',
    'طُلبت تعديلات عليه (الحالة الحالية)',
  ]);
  await expect(path.locator('[aria-current="step"]')).toContainText('طُلبت تعديلات عليه');
  await expect(page.getByRole('list', { name: 'السجل' })).toContainText(REQUEST);

  // The delegate answers in the secretariat's thread.
  const review = page.getByRole('region', { name: 'ملاحظات المراجعة' });
  await expect(review).toContainText(COMMENT);
  await review.getByRole('button', { name: 'الرد', exact: true }).click();
  await review.getByLabel('ردك').fill('يُموَّل المكتب من ميزانية الأمانة العامة للتجمع، وتفاصيله في البند الثالث.');
  await review.getByRole('button', { name: 'إرسال الرد' }).click();
  await expect(review.getByRole('list', { name: 'الردود' })).toContainText('ميزانية الأمانة العامة');

  // Arabic and English, 375 and 1280 px, at changes requested.
  // The reply's toast closes by itself; the screenshots show the page without it.
  await expect(page.getByText('أُرسل ردك.')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await check(page, 'proposal-desk', 'ar');
  await api.setLanguage(DELEGATE, 'en');
  await page.reload();
  await expect(page.getByRole('region', { name: 'The secretariat requested changes' })).toContainText(REQUEST);
  await expect(page.getByTestId('workflow-diagram').locator('[aria-current="step"]')).toHaveText('Changes requested');
  await page.evaluate(() => window.scrollTo(0, 0));
  await check(page, 'proposal-desk', 'en');
  await api.setLanguage(DELEGATE, 'ar');
  await page.reload();
  await expect(request).toContainText(REQUEST);
  await page.evaluate(() => ((window as unknown as { deskMark: string }).deskMark = 'same page'));

  // The delegation revises (through the API) and the page shows revision 3 without a reload.
  await revise(api, id, { body: { ar: BODY_AR_3 } });
  await expect(
    page.getByRole('region', { name: 'المراجعات', exact: true }).getByText('المراجعة ٣', { exact: true }),
  ).toBeVisible();
  await expect(bodyAr.locator('ins')).toContainText('ثالثًا: مكتب متابعة في الأمانة العامة');

  // Resubmitted from the page; the secretariat starts the review again and accepts.
  await sendOnPage(page, 'تقديم');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(diagram.locator('[aria-current="step"]')).toHaveText('مقدَّم');
  await step(api, SECRETARIAT, id, 'START_REVIEW');
  await step(api, SECRETARIAT, id, 'ACCEPT');
  await expect(diagram.locator('[aria-current="step"]')).toHaveText('جاهز للعرض على المجلس');
  await expect(page.getByText('جاهز للعرض على المجلس', { exact: true }).first()).toBeVisible();
  await expect(request).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { deskMark?: string }).deskMark)).toBe('same page');
});
