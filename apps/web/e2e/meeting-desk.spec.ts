import type { Page } from '@playwright/test';
import type { Api } from './api';
import { check, expect, LANGUAGES, screenshotsFolder, signIn, test } from './fixtures';

const SECRETARIAT = 'secretariat@demo.majlis';
const DAMMAM = 'delegate.dammam@demo.majlis';

/** Cancels the meetings a test planned, so later specs that look for the planned annual meeting find the demo's. */
async function cancelMeetings(api: Api, ids: string[]): Promise<void> {
  for (const id of ids) {
    const { meeting } = await api.as<{ meeting: { version: number; state: string } }>(
      SECRETARIAT,
      'query($id: ID!) { meeting(id: $id) { version state } }',
      { id },
    );
    if (meeting.state !== 'planned') continue;
    await api.as(
      SECRETARIAT,
      'mutation($id: ID!, $v: Int!) { transitionMeeting(id: $id, event: CANCEL, expectedVersion: $v) { id } }',
      { id, v: meeting.version },
    );
  }
}

/** Picks an option of a Mantine select by typing part of it. */
async function choose(page: Page, label: RegExp, typed: string, option: string | RegExp): Promise<void> {
  const field = page.getByRole('combobox', { name: label });
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test.describe('the secretariat’s meeting desk', () => {
  test.beforeAll(() => screenshotsFolder());
  // Screens at two widths in two languages with axe: on a busy machine this outruns the default two minutes.
  test.slow();
  // A missing element fails the step in half a minute instead of waiting out the whole test.
  test.use({ actionTimeout: 30_000 });

  for (const lang of LANGUAGES) {
    test(`the secretariat plans the year's Houston meeting and changes it (${lang})`, async ({
      browser,
      baseURL,
      api,
    }) => {
      const ar = lang === 'ar';
      const tag = crypto.randomUUID().slice(0, 6);
      const year = new Date().getFullYear() + 1;
      const titleAr = `الاجتماع السنوي لتجمع مدن الطاقة العالمية ${year} — ${tag}`;
      const titleEn = `World Energy Cities Partnership annual meeting ${year} — ${tag}`;
      await api.setLanguage(SECRETARIAT, lang);
      const page = await (await browser.newContext({ baseURL })).newPage();
      const planned: string[] = [];
      try {
        await signIn(page, SECRETARIAT, '/meetings');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar ? 'الاجتماعات' : 'Meetings');
        await expect(
          page.getByRole('heading', { level: 2, name: ar ? 'الاجتماعات القادمة' : 'Coming up' }),
        ).toBeVisible();
        await check(page, 'meetings', lang);

        await page.getByRole('button', { name: ar ? 'التخطيط لاجتماع' : 'Plan a meeting' }).click();
        const dialog = page.getByRole('dialog', { name: ar ? 'التخطيط لاجتماع' : 'Plan a meeting' });
        await expect(dialog).toBeVisible();
        await dialog.getByLabel(ar ? /^العنوان بالعربية/ : /^Title in Arabic/).fill(titleAr);
        await dialog.getByLabel(ar ? /^العنوان بالإنجليزية/ : /^Title in English/).fill(titleEn);
        await choose(page, ar ? /^المدينة المضيفة/ : /^Host city/, ar ? 'هيوس' : 'Hous', ar ? 'هيوستن' : 'Houston');
        // The host city's zone is taken for the meeting's.
        await expect(
          dialog.getByRole('combobox', { name: ar ? /^المنطقة الزمنية/ : /^The meeting's time zone/ }),
        ).toHaveValue(/America\/Chicago/);
        await dialog.getByLabel(ar ? /^يبدأ/ : /^Starts/).fill(`${year}-10-12T09:00`);
        await dialog.getByLabel(ar ? /^ينتهي/ : /^Ends/).fill(`${year}-10-14T17:00`);
        // The reader (Riyadh, by the browser) sees the start in their own time: 09:00 in Houston is 17:00 there.
        await expect(dialog.getByText(ar ? /بتوقيتك/ : /Your time/).first()).toContainText(ar ? /٥:٠٠|5:00/ : /5:00/);
        await check(page, 'meeting-form', lang);
        await dialog.getByRole('button', { name: ar ? 'اعتماد خطة الاجتماع' : 'Plan the meeting' }).click();

        await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
        planned.push(page.url().split('/').pop() ?? '');
        await expect(page.getByRole('heading', { level: 1 })).toContainText(ar ? titleAr : titleEn);
        await expect(page.getByText(ar ? 'الاجتماع السنوي' : 'Annual meeting').first()).toBeVisible();

        // Changed: the venue, and a day shorter.
        await page.getByRole('button', { name: ar ? 'تعديل التفاصيل' : 'Change the details' }).click();
        const edit = page.getByRole('dialog', { name: ar ? 'تعديل الاجتماع' : 'Change the meeting' });
        await expect(edit.getByLabel(ar ? /^يبدأ/ : /^Starts/)).toHaveValue(`${year}-10-12T09:00`);
        await edit.getByLabel(ar ? /^مكان الانعقاد بالعربية/ : /^Venue in Arabic/).fill('مركز جورج آر براون للمؤتمرات');
        await edit
          .getByLabel(ar ? /^مكان الانعقاد بالإنجليزية/ : /^Venue in English/)
          .fill('George R. Brown Convention Center');
        await edit.getByLabel(ar ? /^ينتهي/ : /^Ends/).fill(`${year}-10-13T17:00`);
        await edit.getByRole('button', { name: ar ? 'حفظ التعديلات' : 'Save the changes' }).click();
        await expect(edit).toBeHidden();
        await expect(
          page.getByText(ar ? 'مركز جورج آر براون للمؤتمرات' : 'George R. Brown Convention Center'),
        ).toBeVisible();

        // Saved as typed in Houston's zone.
        const { meeting } = await api.as<{ meeting: { startsAt: string; endsAt: string; timeZone: string } }>(
          SECRETARIAT,
          'query($id: ID!) { meeting(id: $id) { startsAt endsAt timeZone } }',
          { id: planned[0] },
        );
        expect(meeting).toEqual({
          startsAt: `${year}-10-12T14:00:00.000Z`,
          endsAt: `${year}-10-13T22:00:00.000Z`,
          timeZone: 'America/Chicago',
        });

        await expect(
          page.getByRole('link', { name: ar ? 'فتح إعداد جدول الأعمال' : 'Open the agenda builder' }),
        ).toHaveAttribute('href', `/meetings/${planned[0]}/agenda`);
        await expect(
          page.getByRole('link', { name: ar ? 'ملف التقويم (بالعربية)' : 'Calendar file (Arabic)' }),
        ).toHaveAttribute('href', `/meetings/${planned[0]}/calendar.ics?lang=ar`);
        // The two toasts cover the title on a phone: the page is shot once they have gone.
        await expect(page.getByText(ar ? 'خُطّط للاجتماع.' : 'The meeting is planned.')).toBeHidden();
        await expect(page.getByText(ar ? 'حُفظ الاجتماع.' : 'The meeting is saved.')).toBeHidden();
        await check(page, 'meeting', lang);

        // The list: the new meeting among the coming ones.
        await page
          .getByRole('link', { name: ar ? 'الاجتماعات' : 'Meetings' })
          .first()
          .click();
        await expect(page.getByRole('link', { name: new RegExp(ar ? titleAr : titleEn) })).toBeVisible();

        // The demo's annual meeting: its delegations, their heads and Dammam's coordinating office.
        // (Other specs plan annual meetings of their own, without delegations: the demo's is the one with Dammam's.)
        const { meetings } = await api.as<{
          meetings: { edges: { node: { id: string; delegations: { memberCity: { code: string } }[] } }[] };
        }>(
          SECRETARIAT,
          `{ meetings(filter: { kind: ANNUAL, state: planned }, orderBy: STARTS_AT_ASC, first: 50) {
               edges { node { id delegations { memberCity { code } } } } } }`,
        );
        const demo = meetings.edges.find(({ node }) => node.delegations.some((d) => d.memberCity.code === 'dammam'));
        await page.goto(`/meetings/${demo?.node.id ?? ''}`);
        const dammam = page.getByRole('article', { name: ar ? 'الدمام' : 'Dammam' });
        await expect(dammam.getByText(ar ? 'رئيس الوفد' : 'Head of delegation')).toBeVisible();
        await expect(
          dammam.getByText(ar ? 'وكيل أمين المنطقة الشرقية للتعمير والمشاريع' : /Deputy Mayor/),
        ).toBeVisible();
        await expect(dammam.getByText(ar ? 'شركة أرامكو السعودية' : 'Saudi Aramco')).toBeVisible();
        await check(page, 'meeting-delegations', lang);
      } finally {
        await cancelMeetings(api, planned);
        await page.context().close();
      }
    });
  }

  test('the secretariat requests changes; Dammam’s delegation sees it, and its unread count rises without a reload', async ({
    browser,
    baseURL,
    api,
  }) => {
    const tag = crypto.randomUUID().slice(0, 6);
    const titleEn = `Academic exchange programme between member cities — ${tag}`;
    const titleAr = `برنامج التبادل الأكاديمي بين المدن الأعضاء — ${tag}`;
    const { createProposal } = await api.as<{ createProposal: { id: string; version: number } }>(
      DAMMAM,
      'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id version } }',
      {
        input: {
          category: 'PROGRAMME',
          title: { ar: titleAr, en: titleEn, authoritative: 'ar' },
          summary: {
            ar: 'تبادل الباحثين والطلاب بين جامعات المدن الأعضاء.',
            en: 'Researchers and students exchanged between the universities of member cities.',
          },
          body: {
            ar: 'أولًا: منح دراسية قصيرة.\nثانيًا: مؤتمر سنوي للبحث في الطاقة.',
            en: 'First: short fellowships.\nSecond: a yearly energy research conference.',
          },
        },
      },
    );
    const proposalId = createProposal.id;
    await api.as(
      DAMMAM,
      'mutation($id: ID!, $v: Int!) { transitionProposal(id: $id, event: SUBMIT, expectedVersion: $v) { id } }',
      { id: proposalId, v: createProposal.version },
    );

    // Dammam's delegate on the notifications page: the count as it stands.
    await api.setLanguage(DAMMAM, 'en');
    const delegate = await (await browser.newContext({ baseURL })).newPage();
    await signIn(delegate, DAMMAM, '/notifications');
    await expect(delegate.getByRole('heading', { level: 1 })).toHaveText('Notifications');
    const { unreadNotificationCount: before } = await api.as<{ unreadNotificationCount: number }>(
      DAMMAM,
      '{ unreadNotificationCount }',
    );
    const bell = delegate.getByRole('link', { name: /^Notifications: \d+ unread$/ });
    await expect(bell).toHaveAccessibleName(`Notifications: ${before} unread`);
    const shownCount = async () => Number(/(\d+)/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? -1);

    for (const lang of LANGUAGES) {
      await api.setLanguage(SECRETARIAT, lang);
      const queue = await (await browser.newContext({ baseURL })).newPage();
      await signIn(queue, SECRETARIAT, '/review');
      const ar = lang === 'ar';
      await expect(queue.getByRole('heading', { level: 1 })).toHaveText(ar ? 'قائمة المراجعة' : 'Review queue');
      await expect(queue.getByRole('link', { name: new RegExp(ar ? titleAr : titleEn) })).toBeVisible();
      await check(queue, 'review-queue', lang);
      await queue.context().close();
    }

    // The secretariat, in English, reviews it.
    const page = await (await browser.newContext({ baseURL })).newPage();
    await signIn(page, SECRETARIAT, '/review');
    await page.getByRole('link', { name: new RegExp(titleEn) }).click();
    await expect(page).toHaveURL(new RegExp(`/review/${proposalId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(titleEn);
    await expect(page.getByText('Researchers and students exchanged').first()).toBeVisible();

    await page.getByRole('button', { name: 'Start the review' }).click();
    await expect(page.getByText('In review').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Request changes' })).toBeVisible();

    await page.getByLabel('A new comment').fill('How many fellowships a year, and who pays for them?');
    await page.getByRole('button', { name: 'Add the comment' }).click();
    const thread = page.getByRole('article', { name: 'Comment 1' });
    await expect(thread.getByText('How many fellowships a year, and who pays for them?')).toBeVisible();
    await thread.getByRole('button', { name: 'Reply' }).click();
    await thread.getByLabel('Your reply').fill('The budget annex should answer this.');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect(thread.getByText('The budget annex should answer this.')).toBeVisible();
    await thread.getByRole('button', { name: 'Mark resolved' }).click();
    await expect(thread.getByRole('button', { name: 'Open again' })).toBeVisible();
    await expect(thread.getByText(/^Resolved by/)).toBeVisible();

    for (const lang of LANGUAGES) {
      await api.setLanguage(SECRETARIAT, lang);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(lang === 'ar' ? titleAr : titleEn);
      await check(page, 'review', lang);
    }
    await api.setLanguage(SECRETARIAT, 'en');
    await page.reload();

    const request = 'Please add the yearly number of fellowships and the budget of each city.';
    await page.getByRole('button', { name: 'Request changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request changes from the delegation' });
    await expect(dialog.getByRole('button', { name: 'Send the request' })).toBeDisabled();
    await dialog.getByLabel(/^What should change/).fill(request);
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Changes requested').first()).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: request })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Request changes' })).toHaveCount(0);

    // The delegation's page, never reloaded: the count rises and the request with its comment appears.
    await expect.poll(shownCount, { message: 'the unread count in the header' }).toBeGreaterThan(before);
    await expect(delegate.getByText(request)).toBeVisible();
    await expect(
      delegate.getByText(new RegExp(`Changes requested: ${titleEn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
    ).toBeVisible();
    await check(delegate, 'review-delegation-notified', 'en');
    await page.context().close();
    await delegate.context().close();
  });
});
