import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { check, expect, expectAccessible, screenshotsFolder, signIn, subscriptionSent, test } from './fixtures';

const SECRETARIAT = 'secretariat@demo.majlis';
const DELEGATE = 'delegate.dammam@demo.majlis';
const MILESTONE = 'المرحلة الأولى: التبادل التدريبي';
const WORKSHOP = 'ورشة تدريبية لمهندسي البلديات';
const VISIT = 'تقرير الزيارة الميدانية';
const NOTE = 'أنجزنا ستين بالمئة من الورشة بحضور خمسة وعشرين مهندساً.';
const README_SHOT = join(import.meta.dirname, '..', 'docs', 'plan-follow-up-ar.png');

async function open(browser: Browser, baseURL: string | undefined, email: string, path: string) {
  const page = await (await browser.newContext({ baseURL })).newPage();
  const subscribed = subscriptionSent(page, 'PlanUpdated');
  await signIn(page, email, path);
  return { page, subscribed };
}

/** The innermost item of the tree with this title (a milestone's card holds its tasks' titles too). */
const itemOf = (page: Page, title: string) =>
  page
    .getByTestId('plan-item')
    .filter({ has: page.getByText(title, { exact: true }) })
    .last();

async function addItem(
  page: Page,
  opener: () => Promise<void>,
  item: { title: string; start: string; due: string },
): Promise<void> {
  await opener();
  const dialog = page.getByRole('dialog', { name: 'إضافة إلى الخطة' });
  await dialog.getByLabel('العنوان بالعربية').fill(item.title);
  await dialog.getByRole('combobox', { name: 'المدينة المسؤولة' }).click();
  await page.getByRole('option', { name: 'الدمام', exact: true }).click();
  await dialog.getByLabel('تاريخ البدء').fill(item.start);
  await dialog.getByLabel('موعد الاستحقاق').fill(item.due);
  await dialog.getByRole('button', { name: 'إضافة', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(itemOf(page, item.title)).toBeVisible();
}

test('the secretariat follows an approved plan live while Dammam reports progress in Arabic', async ({
  browser,
  baseURL,
  api,
}) => {
  // Two browsers, five screens at two widths with axe: on a loaded machine this outruns the default two minutes.
  test.slow();
  screenshotsFolder();
  const suffix = crypto.randomUUID().slice(0, 6);
  const { proposalId, ballotId, titleAr } = await api.openBallot({ title: `متابعة ${suffix}`, quorum: 0.4 });
  for (const city of ['dammam', 'houston', 'aberdeen'] as const) await api.vote(city, ballotId, 'YES');
  await api.closeBallot(ballotId);
  const { proposal } = await api.as<{ proposal: { implementationPlan: { id: string } | null } }>(
    SECRETARIAT,
    'query($id: ID!) { proposal(id: $id) { implementationPlan { id } } }',
    { id: proposalId },
  );
  const planId = proposal.implementationPlan?.id;
  if (!planId) throw new Error('the approved proposal has no implementation plan');
  const path = `/implementation-plans/${planId}`;
  await api.setLanguage(SECRETARIAT, 'ar');
  await api.setLanguage(DELEGATE, 'ar');

  // The secretariat builds the plan in the UI: a milestone with two tasks owned by Dammam, one long overdue.
  const { page: office, subscribed } = await open(browser, baseURL, SECRETARIAT, path);
  await expect(office.getByRole('heading', { level: 1 })).toContainText(titleAr);
  await expect(office.getByText('لا بنود متابعة بعد.')).toBeVisible();
  await addItem(office, () => office.getByRole('button', { name: 'إضافة مرحلة أو مهمة' }).click(), {
    title: MILESTONE,
    start: '2026-01-01',
    due: '2040-12-31',
  });
  const underMilestone = () =>
    itemOf(office, MILESTONE).getByRole('button', { name: 'إضافة مهمة تحتها' }).first().click();
  await addItem(office, underMilestone, { title: WORKSHOP, start: '2026-01-01', due: '2040-06-30' });
  await expectAccessible(office, 'plan-add-dialog');
  await addItem(office, underMilestone, { title: VISIT, start: '2020-01-01', due: '2020-01-10' });
  await expect(itemOf(office, MILESTONE).getByTestId('plan-item')).toHaveCount(2);
  // Moving is a button away (and so keyboard-usable): the visit report goes before the workshop.
  await office.getByRole('button', { name: `نقل إلى أعلى: ${VISIT}` }).click();
  await expect(office.getByRole('button', { name: `نقل إلى أعلى: ${VISIT}` })).toBeDisabled();
  await expect
    .poll(() =>
      itemOf(office, MILESTONE)
        .getByTestId('plan-item')
        .evaluateAll((items) => items.map((item) => item.querySelector('[id^="item-"]')?.textContent)),
    )
    .toEqual([VISIT, WORKSHOP]);

  // The task past its due date is late, and it stands at the top of the page, above the tree.
  const overdue = office.getByTestId('overdue-item');
  await expect(overdue).toHaveCount(1);
  await expect(overdue.first()).toContainText(VISIT);
  await expect(overdue.first()).toContainText('متأخر');
  await expect(itemOf(office, VISIT).getByText('متأخر', { exact: true }).first()).toBeVisible();
  // Its due date in both calendars, in the reader's Arabic-Indic digits.
  await expect(overdue.first()).toContainText('١٠ يناير ٢٠٢٠');
  await expect(overdue.first()).toContainText('١٥ جمادى الأولى ١٤٤١ هـ');
  const tops = await office.locator('section h2').allTextContents();
  expect(tops.slice(0, 2)).toEqual(['بنود تجاوزت موعد استحقاقها', 'بنود المتابعة']);
  await expect(office.getByTestId('plan-progress')).toHaveText('٠٪');
  await subscribed;

  // From here the secretariat's page asks the API nothing over HTTP: the report must arrive on the socket.
  let graphqlRequests = 0;
  office.on('request', (request) => {
    if (request.url().includes('/graphql')) graphqlRequests += 1;
  });

  // Dammam's delegate, in their own browser, reports on their city's task in Arabic.
  const { page: delegate } = await open(browser, baseURL, DELEGATE, path);
  await expect(delegate.getByRole('radio', { name: 'بنود مدينتي' })).toBeChecked();
  await expect(itemOf(delegate, MILESTONE).getByRole('button', { name: 'الإبلاغ عن التقدم' })).toHaveCount(2);
  await itemOf(delegate, WORKSHOP).getByRole('button', { name: 'الإبلاغ عن التقدم' }).click();
  const report = delegate.getByRole('dialog', { name: 'الإبلاغ عن التقدم' });
  await report.getByLabel('نسبة الإنجاز (بالمئة)').fill('60');
  await report.getByLabel('ملاحظة').fill(NOTE);
  await report.getByRole('button', { name: 'إرسال التقرير' }).click();
  await expect(report).toHaveCount(0);
  await expect(itemOf(delegate, WORKSHOP).getByTestId('item-progress')).toHaveText('٦٠٪');
  await check(delegate, 'plan-follow-up-delegate', 'ar');

  // The secretariat's roll-up and city chart follow, with no GraphQL request made for them.
  await expect(itemOf(office, WORKSHOP).getByTestId('item-progress')).toHaveText('٦٠٪');
  await expect(itemOf(office, MILESTONE).getByTestId('item-progress').first()).toHaveText('٣٠٪');
  await expect(office.getByTestId('plan-progress')).toHaveText('٣٠٪');
  const dammamRow = office.getByTestId('city-table').getByRole('row').filter({ hasText: 'الدمام' });
  await expect(dammamRow.getByTestId('city-progress')).toHaveText('٣٠٪');
  await expect(office.getByTestId('city-chart').getByText('الدمام')).toBeVisible();
  expect(graphqlRequests).toBe(0);

  // The note reads in the language it was written in, right to left.
  await itemOf(office, WORKSHOP).getByText('تقرير تقدم واحد').click();
  const note = itemOf(office, WORKSHOP).getByTestId('report-note');
  await expect(note).toHaveText(NOTE);
  await expect(note).toHaveAttribute('lang', 'ar');
  await expect(note).toHaveAttribute('dir', 'rtl');
  expect(graphqlRequests).toBe(0);

  // The CSV downloads with its byte-order mark, so spreadsheet programs read the Arabic.
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: 'تنزيل جدول البنود بصيغة «CSV»' }).click(),
  ]);
  const file = readFileSync(await download.path());
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(file.toString('utf8')).toContain(WORKSHOP);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  await check(office, 'plan-follow-up', 'ar');
  await office.setViewportSize({ width: 1280, height: 900 });
  await office.screenshot({ path: README_SHOT, fullPage: true });

  // The list of plans: this one late, and late plans before any other.
  await office.goto('/follow-up');
  await expect(office.getByRole('heading', { level: 1 })).toHaveText('متابعة تنفيذ الخطط المعتمدة');
  const row = office.getByTestId('plan-row').filter({ hasText: titleAr });
  await expect(row).toContainText('متأخر');
  await expect(row).toHaveAttribute('data-status', 'late');
  const statuses = await office
    .getByTestId('plan-row')
    .evaluateAll((rows) => rows.map((element) => element.getAttribute('data-status')));
  const firstNotLate = statuses.findIndex((status) => status !== 'late');
  expect(firstNotLate === -1 || statuses.slice(firstNotLate).every((status) => status !== 'late')).toBe(true);
  await check(office, 'follow-up', 'ar');

  // The same screens in English.
  await api.setLanguage(SECRETARIAT, 'en');
  await office.goto(path);
  await expect(office.getByRole('heading', { level: 2, name: 'Progress by member city' })).toBeVisible();
  await expect(office.getByTestId('plan-progress')).toHaveText('30%');
  await check(office, 'plan-follow-up', 'en');
  await office.goto('/follow-up');
  await expect(office.getByRole('heading', { level: 1 })).toHaveText('Follow-up of approved plans');
  await check(office, 'follow-up', 'en');
  await delegate.context().close();
  await office.context().close();
});
