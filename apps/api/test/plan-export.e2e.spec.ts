import { randomUUID } from 'node:crypto';
import { parseCsv } from '@majlis/testing';
import { ApiHarness, Caller, ok, startApi } from './api-harness';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const BOARD = ['dammam', 'houston', 'aberdeen', 'stavanger', 'calgary', 'perth', 'portharcourt'];
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { version }
}`;
const CREATE_ITEM = `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id version } }`;
const MOVE_ITEM = `mutation($id: ID!, $event: String!, $version: Int!, $comment: String) {
  transitionActionItem(id: $id, event: $event, expectedVersion: $version, comment: $comment) { version }
}`;

const PLAN_TITLE = { ar: 'التبادل التدريبي: المرحلة الأولى', en: 'Training exchange: phase one' };
const ARABIC_ONLY = 'تَبادُلُ المُتَدَرِّبِينَ بَيْنَ المُدُنِ الأَعْضَاءِ';
const WITH_COMMA_AND_QUOTE = 'Ports, pipelines and the "energy corridor"';
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const BLOCKED_REASON = '-waiting for visas, "urgent"';
const NOTE = 'تم استقبال ٣ متدربين، "الدفعة الأولى"\nوالبقية في الشهر القادم';

describe('implementation plan CSV export', () => {
  let api: ApiHarness;
  let secretariatToken: string;
  let observerToken: string;
  let asSecretariat: Caller;
  let planId: string;
  let cities: Map<string, { ar: string; en: string }>;
  let jamal: { id: string; name: { ar: string; en: string } };
  let reportDay: string;
  const ids: Record<'programme' | 'arabic' | 'ports' | 'formula', string> = {
    programme: '',
    arabic: '',
    ports: '',
    formula: '',
  };

  const download = (url: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url, headers });

  const csvOf = async (lang: 'ar' | 'en'): Promise<string[][]> => {
    const response = await download(`/implementation-plans/${planId}/items.csv?lang=${lang}`, {
      authorization: `Bearer ${secretariatToken}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    return parseCsv(response.body.slice(1));
  };

  /** A Dammam proposal taken from draft to approved by a board ballot; returns its implementation plan. */
  const approvedPlan = async (): Promise<string> => {
    const asDammam = await api.as('delegate.dammam');
    const { createProposal } = await ok<{ createProposal: { id: string } }>(
      asDammam,
      `mutation($title: LocalizedTextInput!) { createProposal(input: { category: PROGRAMME, title: $title }) { id } }`,
      { title: { ...PLAN_TITLE, authoritative: 'ar' } },
    );
    const proposalId = createProposal.id;
    let version = 1;
    for (const [call, event] of [
      [asDammam, 'SUBMIT'],
      [asSecretariat, 'START_REVIEW'],
      [asSecretariat, 'ACCEPT'],
    ] as const) {
      const moved = await ok<{ transitionProposal: { version: number } }>(call, TRANSITION, {
        id: proposalId,
        event,
        version,
      });
      version = moved.transitionProposal.version;
    }
    const meetings = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      asSecretariat,
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
    );
    await ok(
      asSecretariat,
      `mutation($id: ID!, $meeting: ID!) { scheduleProposal(proposalId: $id, meetingId: $meeting) { state } }`,
      {
        id: proposalId,
        meeting: meetings.meetings.edges[0].node.id,
      },
    );
    const { openBallot } = await ok<{ openBallot: { id: string } }>(
      asSecretariat,
      `mutation($id: ID!) { openBallot(proposalId: $id, rules: { quorum: 0.5, majority: SIMPLE }) { id } }`,
      { id: proposalId },
    );
    for (const city of BOARD.slice(0, 5))
      await ok(
        await api.as(`board.${city}`),
        `mutation($id: ID!, $key: String!) { castVote(ballotId: $id, choice: YES, idempotencyKey: $key) { choice } }`,
        { id: openBallot.id, key: randomUUID() },
      );
    await ok(asSecretariat, `mutation($id: ID!) { closeBallot(ballotId: $id) { result } }`, { id: openBallot.id });
    const { proposal } = await ok<{ proposal: { state: string; implementationPlan: { id: string } | null } }>(
      asSecretariat,
      `query($id: ID!) { proposal(id: $id) { state implementationPlan { id } } }`,
      { id: proposalId },
    );
    expect(proposal.state).toBe('approved');
    return proposal.implementationPlan!.id;
  };

  const addItem = async (input: Record<string, unknown>): Promise<{ id: string; version: number }> =>
    (
      await ok<{ createActionItem: { id: string; version: number } }>(asSecretariat, CREATE_ITEM, {
        input: { planId, ...input },
      })
    ).createActionItem;

  const move = async (item: { id: string; version: number }, events: string[], comment?: string): Promise<void> => {
    let version = item.version;
    for (const event of events)
      version = (
        await ok<{ transitionActionItem: { version: number } }>(asSecretariat, MOVE_ITEM, {
          id: item.id,
          event,
          version,
          comment,
        })
      ).transitionActionItem.version;
  };

  beforeAll(async () => {
    api = await startApi();
    secretariatToken = await api.tokenFor('secretariat@demo.majlis');
    observerToken = await api.tokenFor('observer.dammam@demo.majlis');
    asSecretariat = api.caller(secretariatToken);
    planId = await approvedPlan();

    const { memberCities } = await ok<{
      memberCities: Array<{ id: string; code: string; ar: { text: string }; en: { text: string } }>;
    }>(asSecretariat, '{ memberCities { id code ar: name(locale: ar) { text } en: name(locale: en) { text } } }');
    const cityId = (code: string): string => memberCities.find((city) => city.code === code)!.id;
    cities = new Map(memberCities.map((city) => [city.id, { ar: city.ar.text, en: city.en.text }]));
    const { me } = await ok<{ me: { id: string; ar: { text: string }; en: { text: string } } }>(
      await api.as('delegate.dammam'),
      '{ me { id ar: name(locale: ar) { text } en: name(locale: en) { text } } }',
    );
    jamal = { id: me.id, name: { ar: me.ar.text, en: me.en.text } };

    const programme = await addItem({
      kind: 'MILESTONE',
      title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme', authoritative: 'ar' },
      ownerCityId: cityId('dammam'),
      assigneeId: jamal.id,
      startDate: '2025-01-01',
      dueDate: '2099-12-31',
      weight: 2,
    });
    const arabic = await addItem({
      parentId: programme.id,
      title: { ar: ARABIC_ONLY },
      ownerCityId: cityId('dammam'),
      startDate: '2020-01-01',
      dueDate: '2020-06-30',
    });
    const ports = await addItem({
      parentId: programme.id,
      title: { en: WITH_COMMA_AND_QUOTE },
      ownerCityId: cityId('houston'),
      startDate: '2020-01-01',
      dueDate: '2020-06-30',
    });
    const formula = await addItem({
      title: { en: FORMULA },
      ownerCityId: cityId('houston'),
      startDate: '2025-01-01',
      dueDate: '2099-06-30',
    });
    Object.assign(ids, { programme: programme.id, arabic: arabic.id, ports: ports.id, formula: formula.id });
    await move(ports, ['START', 'COMPLETE']);
    await move(formula, ['START', 'BLOCK'], BLOCKED_REASON);
    const { reportProgress } = await ok<{ reportProgress: { progressReports: Array<{ reportedAt: string }> } }>(
      await api.as('delegate.dammam'),
      `mutation($id: ID!, $note: String) { reportProgress(actionItemId: $id, percent: 30, note: $note) { progressReports { reportedAt } } }`,
      { id: arabic.id, note: NOTE },
    );
    reportDay = reportProgress.progressReports[0].reportedAt.slice(0, 10);
  });

  afterAll(() => api.close());

  /** Every cell as the plan's items say, read back over GraphQL, in `lang`. */
  const expectedRows = async (lang: 'ar' | 'en'): Promise<string[][]> => {
    const { implementationPlan } = await ok<{
      implementationPlan: {
        allItems: Array<{ id: string; progress: number; weight: number | null; ownerCity: { id: string } }>;
      };
    }>(
      asSecretariat,
      `query($id: ID!) { implementationPlan(id: $id) { allItems { id progress weight ownerCity { id } } } }`,
      {
        id: planId,
      },
    );
    const item = (id: string) => implementationPlan.allItems.find((candidate) => candidate.id === id)!;
    const city = (id: string): string => cities.get(item(id).ownerCity.id)![lang];
    const progress = (id: string): string => `${item(id).progress}`;
    const words =
      lang === 'en'
        ? {
            milestone: 'Milestone',
            task: 'Task',
            planned: 'Planned',
            done: 'Done',
            blocked: 'Blocked',
            yes: 'yes',
            no: 'no',
          }
        : {
            milestone: 'مرحلة',
            task: 'مهمة',
            planned: 'مخطط له',
            done: 'منجز',
            blocked: 'متعثر',
            yes: 'نعم',
            no: 'لا',
          };
    return [
      [
        '1',
        words.milestone,
        lang === 'en' ? 'Training exchange programme' : 'برنامج التبادل التدريبي',
        city(ids.programme),
        jamal.name[lang],
        '2025-01-01',
        '2099-12-31',
        '2',
        progress(ids.programme),
        words.planned,
        words.no,
        '',
        '',
        '',
      ],
      [
        '1.1',
        words.task,
        ARABIC_ONLY,
        city(ids.arabic),
        '',
        '2020-01-01',
        '2020-06-30',
        '',
        '30',
        words.planned,
        words.yes,
        '',
        reportDay,
        NOTE,
      ],
      [
        '1.2',
        words.task,
        WITH_COMMA_AND_QUOTE,
        city(ids.ports),
        '',
        '2020-01-01',
        '2020-06-30',
        '',
        progress(ids.ports),
        words.done,
        words.no,
        '',
        '',
        '',
      ],
      [
        '2',
        words.task,
        `'${FORMULA}`,
        city(ids.formula),
        '',
        '2025-01-01',
        '2099-06-30',
        '',
        '0',
        words.blocked,
        words.no,
        `'${BLOCKED_REASON}`,
        '',
        '',
      ],
    ];
  };

  it('serves the items as a CSV file with a BOM and headers that keep it private', async () => {
    const response = await download(`/implementation-plans/${planId}/items.csv?lang=en`, {
      authorization: `Bearer ${secretariatToken}`,
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is a CRLF.
    expect(response.body.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(new RegExp(`^attachment; filename="plan-${planId}\\.csv"; filename\\*=UTF-8''`));
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Training exchange phase one.csv');
  });

  it('writes every cell in English, round-tripping through an RFC 4180 reader', async () => {
    const [header, ...rows] = await csvOf('en');

    expect(header).toEqual([
      'No.',
      'Kind',
      'Title',
      'Owner city',
      'Assignee',
      'Start date',
      'Due date',
      'Weight',
      'Progress %',
      'State',
      'Overdue',
      'Blocked reason',
      'Last report date',
      'Last report note',
    ]);
    expect(rows).toEqual(await expectedRows('en'));
  });

  it('writes every cell in Arabic, the Arabic-only title with its harakat untouched', async () => {
    const [header, ...rows] = await csvOf('ar');

    expect(header).toEqual([
      'الرقم',
      'النوع',
      'عنوان البند',
      'المدينة المسؤولة',
      'المكلَّف بالتنفيذ',
      'تاريخ البدء',
      'الموعد النهائي',
      'الوزن',
      'نسبة الإنجاز %',
      'الحالة',
      'متأخر',
      'سبب التعثر',
      'تاريخ آخر تقرير',
      'ملاحظة آخر تقرير',
    ]);
    expect(rows).toEqual(await expectedRows('ar'));
    expect(rows[1][2].normalize('NFC')).toBe(ARABIC_ONLY.normalize('NFC'));
    expect(rows[1][2]).toBe(ARABIC_ONLY);
  });

  it('quotes as RFC 4180 says and defuses formulas in the raw file', async () => {
    const response = await download(`/implementation-plans/${planId}/items.csv?lang=en`, {
      authorization: `Bearer ${secretariatToken}`,
    });

    expect(response.body).toContain(',"Ports, pipelines and the ""energy corridor""",');
    expect(response.body).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(response.body).toContain(`,"'-waiting for visas, ""urgent""",`);
    expect(response.body).toContain(`,"${NOTE.replace(/"/g, '""')}"\r\n`);
  });

  it('lets an observer download it with the session cookie, in their language', async () => {
    const response = await download(`/implementation-plans/${planId}/items.csv`, {
      cookie: `majlis_session=${encodeURIComponent(observerToken)}`,
    });

    expect(response.statusCode).toBe(200);
    const [header, ...rows] = parseCsv(response.body.slice(1));
    expect(header[0]).toBe('الرقم');
    expect(rows.map((row) => row[0])).toEqual(['1', '1.1', '1.2', '2']);
    const english = await download(`/implementation-plans/${planId}/items.csv`, {
      cookie: `majlis_session=${encodeURIComponent(observerToken)}`,
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(parseCsv(english.body.slice(1))[0][0]).toBe('No.');
  });

  it('needs a session and a real plan', async () => {
    const anonymous = await download(`/implementation-plans/${planId}/items.csv`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await download(`/implementation-plans/${planId}/items.csv`, { authorization: 'Bearer forged' });
    expect(forged.statusCode).toBe(401);

    const headers = { authorization: `Bearer ${observerToken}` };
    for (const id of [NO_SUCH_ID, 'not-a-plan']) {
      const missing = await download(`/implementation-plans/${id}/items.csv?lang=ar`, headers);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
