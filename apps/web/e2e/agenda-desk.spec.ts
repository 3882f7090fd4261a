import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Api } from './api';
import { check, expect, SCREENSHOTS, screenshotsFolder, signIn, subscriptionSent, test } from './fixtures';

const SECRETARIAT = 'secretariat@demo.majlis';
// The README's screenshot of the agenda builder in Arabic, beside its others.
const README_SCREENSHOT = join(import.meta.dirname, '..', 'docs', 'agenda-builder-ar-1280.png');

interface AgendaLine {
  id: string;
  number: string;
  title: { en: string };
  proposal: { id: string } | null;
}

/** This year's annual meeting in Houston: one day of eight hours, in Houston's zone. */
async function houstonMeeting(api: Api, suffix: string): Promise<string> {
  const { memberCities } = await api.as<{ memberCities: { id: string; name: { en: string } }[] }>(
    SECRETARIAT,
    '{ memberCities { id name { en } } }',
  );
  const houston = memberCities.find((city) => city.name.en === 'Houston');
  if (houston === undefined) throw new Error('the demo has no Houston');
  const year = new Date().getUTCFullYear();
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const { createMeeting } = await api.as<{ createMeeting: { id: string } }>(
    SECRETARIAT,
    'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
    {
      input: {
        kind: 'ANNUAL',
        hostCityId: houston.id,
        timeZone: 'America/Chicago',
        startsAt: `${day}T09:00:00-05:00`,
        endsAt: `${day}T17:00:00-05:00`,
        title: {
          ar: `الاجتماع السنوي لتجمع مدن الطاقة العالمية في هيوستن ${year} (${suffix})`,
          en: `The World Energy Cities Partnership's annual meeting in Houston ${year} (${suffix})`,
        },
        venue: { ar: 'مركز جورج براون للمؤتمرات', en: 'George R. Brown Convention Center' },
      },
    },
  );
  return createMeeting.id;
}

/** A strategic plan of Dammam's, submitted and accepted by the secretariat: ready for the board. */
async function readyProposal(api: Api, suffix: string): Promise<{ id: string; titleAr: string }> {
  const titleAr = `خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء (${suffix})`;
  const { createProposal } = await api.as<{ createProposal: { id: string } }>(
    'delegate.dammam@demo.majlis',
    'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
    {
      input: {
        category: 'STRATEGIC_PLAN',
        title: { ar: titleAr, en: `A strategic plan to widen cooperation between member cities (${suffix})` },
        summary: {
          ar: 'تمنح الأمانة العامة للتجمع صلاحيات أوسع لمتابعة تنفيذ الخطط والبرامج التي يعتمدها مجلس الإدارة.',
          en: 'Gives the general secretariat wider powers to follow up the plans and programmes the board approves.',
        },
      },
    },
  );
  let version = 1;
  for (const [email, event] of [
    ['delegate.dammam@demo.majlis', 'SUBMIT'],
    [SECRETARIAT, 'START_REVIEW'],
    [SECRETARIAT, 'ACCEPT'],
  ] as const) {
    const { transitionProposal } = await api.as<{ transitionProposal: { version: number } }>(
      email,
      'mutation($id: ID!, $e: ProposalEvent!, $v: Int!) { transitionProposal(id: $id, event: $e, expectedVersion: $v) { version } }',
      { id: createProposal.id, e: event, v: version },
    );
    version = transitionProposal.version;
  }
  return { id: createProposal.id, titleAr };
}

async function addItem(
  api: Api,
  input: { meetingId: string; kind: string; ar: string; en: string; minutes?: number; parentId?: string },
): Promise<string> {
  const { addAgendaItem } = await api.as<{ addAgendaItem: { id: string } }>(
    SECRETARIAT,
    'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }',
    {
      input: {
        meetingId: input.meetingId,
        kind: input.kind,
        parentId: input.parentId,
        plannedMinutes: input.minutes,
        title: { ar: input.ar, en: input.en, authoritative: 'ar' },
        presenter: 'SECRETARIAT',
      },
    },
  );
  return addAgendaItem.id;
}

async function agendaOf(api: Api, meetingId: string): Promise<AgendaLine[]> {
  const { meeting } = await api.as<{ meeting: { agendaItems: AgendaLine[] } }>(
    SECRETARIAT,
    'query($id: ID!) { meeting(id: $id) { agendaItems { id number title { en } proposal { id } } } }',
    { id: meetingId },
  );
  return meeting.agendaItems;
}

const handle = (page: Page, title: string) => page.getByRole('button', { name: `نقل البند: ${title}` });

/** Drags an item by its handle onto another's place, `inward` pixels towards the inside of the tree. */
async function drag(page: Page, from: Locator, onto: Locator, inward = 0): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  const target = await onto.boundingBox();
  if (start === null || target === null) throw new Error('an item to drag is not on the screen');
  const x = start.x + start.width / 2;
  await page.mouse.move(x, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, start.y + start.height / 2 + 8, { steps: 4 });
  // Right to left: inwards is to the left.
  await page.mouse.move(x - inward, target.y + target.height / 2, { steps: 12 });
  await page.mouse.move(x - inward, target.y + target.height / 2 + 1, { steps: 2 });
  await page.mouse.up();
}

test('the secretariat builds the Houston agenda, puts a Dammam plan to the board and watches the votes arrive live', async ({
  page,
  api,
}) => {
  test.slow();
  screenshotsFolder();
  const suffix = crypto.randomUUID().slice(0, 6);
  await api.setLanguage(SECRETARIAT, 'ar');
  const meetingId = await houstonMeeting(api, suffix);
  const proposal = await readyProposal(api, suffix);
  // Out of order on purpose: the secretariat puts them right by dragging.
  await addItem(api, {
    meetingId,
    kind: 'DISCUSSION',
    ar: 'نشاطات قطاع الأعمال',
    en: 'Business-sector activities',
    minutes: 60,
  });
  const programmes = await addItem(api, { meetingId, kind: 'SECTION', ar: 'البرامج', en: 'Programmes' });
  await addItem(api, {
    meetingId,
    kind: 'PROGRAMME',
    ar: 'برنامج التبادل الأكاديمي',
    en: 'Academic exchange programme',
    minutes: 45,
    parentId: programmes,
  });
  await addItem(api, {
    meetingId,
    kind: 'PRESENTATION',
    ar: 'الافتتاح والترحيب',
    en: 'Opening and welcome',
    minutes: 15,
  });
  await addItem(api, {
    meetingId,
    kind: 'PROGRAMME',
    ar: 'برنامج التبادل التدريبي',
    en: 'Training exchange programme',
    minutes: 45,
  });

  // Tall enough for the whole agenda: the mouse drags only within the window.
  await page.setViewportSize({ width: 1280, height: 1400 });
  const subscribed = subscriptionSent(page, 'BallotUpdated');
  await signIn(page, SECRETARIAT, `/meetings/${meetingId}/agenda`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'الاجتماع السنوي لتجمع مدن الطاقة العالمية في هيوستن',
  );
  const list = page.getByRole('list', { name: 'بنود جدول الأعمال' });
  await expect(list.getByRole('listitem')).toHaveCount(5);

  // The sixth item through the form: the Dammam plan, linked, for decision.
  await page.getByRole('button', { name: 'إضافة بند' }).click();
  const dialog = page.getByRole('dialog', { name: 'بند جديد في جدول الأعمال' });
  await dialog.getByRole('combobox', { name: 'نوع البند' }).click();
  await page.getByRole('option', { name: 'قرار', exact: true }).click();
  await dialog.getByLabel('العنوان بالعربية').fill('اعتماد الخطة الإستراتيجية لمدينة الدمام');
  await dialog.getByLabel('العنوان بالإنجليزية').fill("Approving Dammam's strategic plan");
  await dialog.getByLabel('الوقت المخطط بالدقائق').fill('30');
  await dialog.getByRole('combobox', { name: 'المقترح المرتبط' }).click();
  await page.getByRole('option', { name: new RegExp(suffix) }).click();
  await dialog.getByRole('button', { name: 'إضافة', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(6);
  // Planned: 60 + 45 + 15 + 45 + 30 of the meeting's 480 minutes.
  await expect(page.getByText('الوقت المخطط ١٩٥ من مدة الاجتماع البالغة ٤٨٠ دقيقة، والمتبقي ٢٨٥.')).toBeVisible();

  // The opening to the top, by dragging.
  await drag(page, handle(page, 'الافتتاح والترحيب'), handle(page, 'نشاطات قطاع الأعمال'));
  await expect.poll(async () => (await agendaOf(api, meetingId))[0]?.title.en).toBe('Opening and welcome');
  // The training exchange into the programmes section, above the academic exchange, by dragging inwards.
  await drag(page, handle(page, 'برنامج التبادل التدريبي'), handle(page, 'برنامج التبادل الأكاديمي'), 40);
  await expect
    .poll(async () => (await agendaOf(api, meetingId)).map((item) => `${item.number} ${item.title.en}`))
    .toContain('3.1 Training exchange programme');
  // Business-sector activities to the end, by keyboard.
  // One key at a time, each waiting for the screen reader's announcement of where the item now is (a busy
  // machine may not have drawn the last step before the next key), until it is last.
  const business = handle(page, 'نشاطات قطاع الأعمال');
  const announced = page.locator('[id^="DndLiveRegion"]');
  await business.focus();
  await page.keyboard.press('Space');
  await expect(announced).toContainText('نشاطات قطاع الأعمال');
  for (let step = 0; step < 8; step++) {
    const before = (await announced.textContent()) ?? '';
    const place = /في الموضع (\S+) من (\S+?)\./.exec(before);
    if (place !== null && place[1] === place[2]) break;
    await page.keyboard.press('ArrowDown');
    // A key that lands on the same place says the same words again: the loop's check decides, not this wait.
    await expect(announced)
      .not.toHaveText(before, { timeout: 5_000 })
      .catch(() => undefined);
  }
  await expect(announced).toContainText('البند نشاطات قطاع الأعمال في الموضع ٦ من ٦.');
  await page.keyboard.press('Space');
  await expect
    .poll(async () => (await agendaOf(api, meetingId)).map((item) => `${item.number} ${item.title.en}`))
    .toEqual([
      '1 Opening and welcome',
      '2 Programmes',
      '2.1 Training exchange programme',
      '2.2 Academic exchange programme',
      "3 Approving Dammam's strategic plan",
      '4 Business-sector activities',
    ]);
  await expect(list.getByRole('listitem').nth(2)).toContainText('٢.١');
  await expect(list.getByRole('listitem').nth(2)).toContainText('برنامج التبادل التدريبي');

  // Meanwhile someone puts the programmes under the plan's item: the plan cannot now go under the programmes.
  const planItem = (await agendaOf(api, meetingId)).find((item) => item.proposal?.id === proposal.id);
  const MOVE = 'mutation($id: ID!, $p: ID, $at: Int!) { moveAgendaItem(id: $id, parentId: $p, position: $at) { id } }';
  await api.as(SECRETARIAT, MOVE, { id: programmes, p: planItem?.id, at: 0 });
  await page.getByRole('button', { name: 'إجراءات البند: اعتماد الخطة الإستراتيجية لمدينة الدمام' }).click();
  await page.getByRole('menuitem', { name: 'جعله بنداً فرعياً للبند السابق' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'لم يُنقل البند، وأُعيد إلى مكانه' });
  await expect(refusal).toContainText('لا يمكن وضع بند في جدول الأعمال تحت نفسه أو تحت أحد بنوده الفرعية');
  // The agenda as it now stands: the plan's item second, the programmes under it.
  await expect(list.getByRole('listitem').nth(1)).toContainText('اعتماد الخطة الإستراتيجية');
  await expect(list.getByRole('listitem').nth(2)).toContainText('٢.١');
  await expect(list.getByRole('listitem').nth(2)).toContainText('البرامج');
  await api.as(SECRETARIAT, MOVE, { id: programmes, p: null, at: 1 });
  await page.reload();
  await expect(list.getByRole('listitem').nth(2)).toContainText('٢.١');

  await page.getByRole('button', { name: 'نشر جدول الأعمال' }).click();
  await page.getByRole('dialog', { name: 'نشر جدول الأعمال' }).getByRole('button', { name: 'نشر الآن' }).click();
  await expect(page.getByText('جدول أعماله منشور', { exact: true })).toBeVisible();
  // The screenshot without the passing confirmation over the title.
  await expect(page.getByText('نُشر جدول الأعمال.')).toBeHidden();
  await check(page, 'agenda-builder', 'ar');
  copyFileSync(join(SCREENSHOTS, 'agenda-builder-ar-1280.png'), README_SCREENSHOT);

  // The print view, as handed out: right to left, without the application around it on paper.
  await page.getByRole('link', { name: 'نسخة للطباعة' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('هيوستن');
  await expect(page.getByRole('article')).toContainText('٢.١');
  await check(page, 'agenda-print', 'ar');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'طباعة' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // To the board: the plan is ready and already linked as item 3; scheduling it reuses that item.
  await page.getByRole('link', { name: 'العودة إلى جدول الأعمال' }).click();
  await page.getByRole('link', { name: 'العرض على المجلس' }).click();
  const ready = page.getByRole('region', { name: 'مقترحات جاهزة للعرض على المجلس' });
  const row = ready.getByRole('article', { name: proposal.titleAr });
  await expect(row).toContainText('مرتبط بالبند ٣');
  await row.getByRole('button', { name: 'جدولته في هذا الاجتماع' }).click();
  const onAgenda = page.getByRole('region', { name: 'المقترحات في جدول الأعمال' });
  const card = onAgenda.getByRole('article', { name: new RegExp(suffix) });
  await expect(card.getByRole('button', { name: 'فتح الاقتراع' })).toBeVisible();
  expect((await agendaOf(api, meetingId)).filter((item) => item.proposal?.id === proposal.id)).toHaveLength(1);

  // The ballot's form says each rule in words before it opens.
  await card.getByRole('button', { name: 'فتح الاقتراع' }).click();
  const form = page.getByRole('dialog', { name: 'فتح الاقتراع على المقترح' });
  await form.getByLabel('النصاب').fill('20%');
  await expect(form.getByText(/^النصاب: يجب أن يشارك ٢ على الأقل/)).toBeVisible();
  await expect(form.getByText('الأغلبية البسيطة: يُقرّ المقترح إذا زادت أصوات «نعم» على أصوات «لا».')).toBeVisible();
  await expect(form.getByText('اقتراع علني بالأسماء: بعد الإغلاق يرى الجميع من صوّت بماذا.')).toBeVisible();
  await form.getByLabel('يُغلق تلقائياً بعد (ساعات)').fill('48');
  await expect(form.getByText('يُغلق تلقائياً في')).toBeVisible();
  await form.getByRole('button', { name: 'فتح الاقتراع الآن' }).click();
  await expect(form).toBeHidden();
  await expect(card.getByRole('status').first()).toHaveText(/^صوّت ٠ من/);
  await subscribed;

  // From here the counts come over the subscription only: no request to /graphql about the ballot.
  let ballotRequests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/graphql') && /ballot/i.test(request.postData() ?? '')) ballotRequests += 1;
  });
  const { proposal: voted } = await api.as<{ proposal: { ballot: { id: string } } }>(
    SECRETARIAT,
    'query($id: ID!) { proposal(id: $id) { ballot { id } } }',
    { id: proposal.id },
  );
  await api.vote('dammam', voted.ballot.id, 'YES');
  await expect(card.getByRole('group', { name: 'نعم: ١' })).toBeVisible();
  await api.vote('houston', voted.ballot.id, 'YES');
  await expect(card.getByRole('status').first()).toHaveText(/^صوّت ٢ من/);
  await expect(card.getByRole('group', { name: 'نعم: ٢' })).toBeVisible();
  await expect(card.getByRole('group', { name: 'لا: ٠' })).toBeVisible();
  await expect(card.getByRole('list', { name: 'من صوّت بماذا' }).getByRole('listitem')).toHaveCount(2);
  expect(ballotRequests).toBe(0);
  await expect(page.getByText('فُتح الاقتراع، وأُبلغ أعضاء مجلس الإدارة.')).toBeHidden();
  await check(page, 'agenda-board', 'ar');

  await card.getByRole('button', { name: 'إغلاق الاقتراع' }).click();
  await page.getByRole('dialog', { name: 'إغلاق الاقتراع' }).getByRole('button', { name: 'إغلاق الآن' }).click();
  await expect(card.getByText('اعتمد مجلس الإدارة المقترح')).toBeVisible();
  await card.getByRole('link', { name: 'فتح خطة التنفيذ' }).click();
  await expect(page).toHaveURL(/\/implementation-plans\/[0-9a-f-]+$/);

  // The same screens in English.
  await api.setLanguage(SECRETARIAT, 'en');
  for (const [screen, path, heading] of [
    ['agenda-builder', `/meetings/${meetingId}/agenda`, 'Houston'],
    ['agenda-print', `/meetings/${meetingId}/agenda/print`, 'Houston'],
    ['agenda-board', `/meetings/${meetingId}/board`, 'Houston'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await check(page, screen, 'en');
  }
  await expect(page.getByText('The board approved the proposal')).toBeVisible();
  await api.setLanguage(SECRETARIAT, 'ar');
});
