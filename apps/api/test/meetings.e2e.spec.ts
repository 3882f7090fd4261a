import { fieldWords } from '@majlis/language';
import { ApiHarness, Caller, codeOf, GraphqlResponse, ok, startApi } from './api-harness';

const DEMO_MEETING = `query($id: ID!) {
  meeting(id: $id) {
    kind state timeZone startsAt endsAt calendarUrl
    title { text language isFallback }
    venue { text }
    hostCity { code }
    delegations { memberCity { code } members { isHead name { text } position { text } person { email } } }
    agenda { number kind title { text } children { number kind plannedMinutes presenter
      presenterDelegation { memberCity { code } } } }
  }
}`;
const CREATE = `mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) { id version timeZone startsAt endsAt title { text ar en authoritative } }
}`;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const fieldOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.field;

// The rules of meetings, agendas and delegations are proven in their services' specs
// (libs/domain/src/meetings/*.service.spec.ts); here, what GraphQL and HTTP add: fields, input scalars, files.
describe('meetings, delegations and agendas over GraphQL', () => {
  let api: ApiHarness;
  let asSecretariat: Caller;
  let asSecretariatInArabic: Caller;
  let asBoard: Caller;
  let asBoardInArabic: Caller;
  let boardToken: string;
  let demoMeetingId: string;
  let houstonId: string;
  let dammamId: string;

  beforeAll(async () => {
    api = await startApi();
    const secretariatToken = await api.tokenFor('secretariat@demo.majlis');
    boardToken = await api.tokenFor('board.aberdeen@demo.majlis');
    asSecretariat = api.caller(secretariatToken);
    asSecretariatInArabic = api.caller(secretariatToken, 'ar');
    asBoard = api.caller(boardToken);
    asBoardInArabic = api.caller(boardToken, 'ar');
    const { memberCities } = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      asBoard,
      '{ memberCities { id code } }',
    );
    houstonId = memberCities.find((city) => city.code === 'houston')!.id;
    dammamId = memberCities.find((city) => city.code === 'dammam')!.id;
    const list = await ok<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      asBoard,
      `{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }`,
    );
    demoMeetingId = list.meetings.edges[0].node.id;
  });

  afterAll(() => api.close());

  describe('the demo annual meeting', () => {
    it('is held in Houston with Dammam’s delegation, its head first, and a bilingual agenda', async () => {
      const result = await asBoardInArabic<{
        meeting: {
          kind: string;
          state: string;
          timeZone: string;
          title: { text: string; language: string };
          hostCity: { code: string };
          delegations: Array<{
            memberCity: { code: string };
            members: Array<{ isHead: boolean; name: { text: string }; position: { text: string } | null }>;
          }>;
          agenda: Array<{ number: string; kind: string; title: { text: string }; children: Array<{ number: string }> }>;
        };
      }>(DEMO_MEETING, { id: demoMeetingId });
      expect(result.errors).toBeUndefined();
      const meeting = result.data!.meeting;
      expect(meeting).toMatchObject({ kind: 'ANNUAL', state: 'planned', timeZone: 'America/Chicago' });
      expect(meeting.title).toMatchObject({ text: 'الاجتماع السنوي لتجمع مدن الطاقة العالمية', language: 'ar' });
      expect(meeting.hostCity.code).toBe('houston');
      const dammam = meeting.delegations.find((delegation) => delegation.memberCity.code === 'dammam')!;
      expect(dammam.members[0]).toMatchObject({
        isHead: true,
        name: { text: 'المهندس جمال بن ناصر الملحم' },
        position: { text: 'وكيل أمين المنطقة الشرقية للتعمير والمشاريع' },
      });
      expect(dammam.members).toHaveLength(2);
      expect(meeting.agenda.map((item) => [item.number, item.kind, item.title.text])).toEqual([
        ['1', 'SECTION', 'تطوير أعمال التجمع'],
        ['2', 'SECTION', 'برامج التبادل بين المدن الأعضاء'],
        ['3', 'PRESENTATION', expect.stringContaining('المشروعات التنموية')],
        ['4', 'DISCUSSION', expect.stringContaining('التبادل التجاري')],
      ]);
      expect(meeting.agenda[1].children.map((item) => item.number)).toEqual(['2.1', '2.2']);
    });

    it('answers in English for locale: en, and marks a missing language as a fallback', async () => {
      const result = await asBoardInArabic<{
        meeting: { title: { text: string; language: string; isFallback: boolean } };
      }>(`query($id: ID!) { meeting(id: $id) { title(locale: en) { text language isFallback } } }`, {
        id: demoMeetingId,
      });
      expect(result.data!.meeting.title).toEqual({
        text: 'Annual Meeting of the World Energy Cities Partnership',
        language: 'en',
        isFallback: false,
      });
      const arabicOnly = await asSecretariat<{ createMeeting: { id: string } }>(CREATE, {
        input: {
          kind: 'EXTRAORDINARY',
          title: { ar: 'اجتماع استثنائي' },
          hostCityId: dammamId,
          startsAt: '2027-02-01T09:00:00+03:00',
          endsAt: '2027-02-01T12:00:00+03:00',
        },
      });
      const fallback = await asBoard<{ meeting: { title: { text: string; language: string; isFallback: boolean } } }>(
        `query($id: ID!) { meeting(id: $id) { title(locale: en) { text language isFallback } } }`,
        { id: arabicOnly.data!.createMeeting.id },
      );
      expect(fallback.data!.meeting.title).toEqual({ text: 'اجتماع استثنائي', language: 'ar', isFallback: true });
    });

    it('shows Dammam’s coordinating office with its observer stakeholders', async () => {
      const result = await asBoard<{
        memberCities: Array<{
          code: string;
          coordinatingOffice: { stakeholders: Array<{ kind: string; name: { text: string } }> } | null;
        }>;
      }>(
        `{ memberCities { code coordinatingOffice { name { text } stakeholders { kind name(locale: ar) { text } } } } }`,
      );
      const dammam = result.data!.memberCities.find((city) => city.code === 'dammam')!;
      expect(dammam.coordinatingOffice!.stakeholders.map((s) => [s.kind, s.name.text])).toEqual([
        ['COMPANY', 'شركة أرامكو السعودية'],
        ['GOVERNMENT', 'فرع وزارة البترول والثروة المعدنية بالمنطقة الشرقية'],
        ['CHAMBER_OF_COMMERCE', 'غرفة الشرقية'],
      ]);
      expect(result.data!.memberCities.find((city) => city.code === 'perth')!.coordinatingOffice).toBeNull();
    });
  });

  describe('createMeeting', () => {
    const base = {
      kind: 'BOARD',
      title: { en: 'Valid' },
      startsAt: '2027-06-01T09:00:00Z',
      endsAt: '2027-06-01T10:00:00Z',
    };
    // What the input rule in front of every resolver and the date scalar refuse, naming the whole path; the
    // service's own refusals are in meeting.service.spec.ts.
    it.each([
      ['a NUL character', { title: { en: 'a\u0000b' } }, 'BAD_USER_INPUT', 'input.title.en'],
      ['a lone surrogate', { title: { ar: 'خطة \uD83D' } }, 'BAD_USER_INPUT', 'input.title.ar'],
      ['an invalid date', { startsAt: '2027-02-30T25:00:00Z' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a day that does not exist', { startsAt: '2026-02-30T09:00:00Z' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a date in words', { startsAt: 'March 7, 2026' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a time without an offset', { startsAt: '2027-06-01T09:00:00' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a date in year 20270', { endsAt: '+020270-06-01T10:00:00Z' }, 'BAD_USER_INPUT', 'input.endsAt'],
    ])('refuses %s, naming the field in Arabic too, and creates nothing', async (_case, change, code, field) => {
      const before = await ok<{ meetings: { totalCount: number } }>(asSecretariat, '{ meetings { totalCount } }');
      const result = await asSecretariatInArabic(CREATE, { input: { ...base, hostCityId: houstonId, ...change } });
      expect(codeOf(result)).toBe(code);
      expect(fieldOf(result)).toBe(field);
      // The field named in Arabic words («العنوان بالعربية»); its machine path stays in extensions.field.
      expect(result.errors![0].message).toContain(fieldWords('ar', field));
      expect(result.errors![0].message).toMatch(/[\u0600-\u06FF]/);
      const after = await ok<{ meetings: { totalCount: number } }>(asSecretariat, '{ meetings { totalCount } }');
      expect(after.meetings.totalCount).toBe(before.meetings.totalCount);
    });
  });

  describe('meetings(filter, first, after)', () => {
    it.each([
      [
        'a date that is no date',
        '{ meetings(filter: { startsAfter: "yesterday" }) { totalCount } }',
        'filter.startsAfter',
      ],
    ])('refuses %s with BAD_USER_INPUT', async (_case, query, field) => {
      const result = await asBoard(query);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
    });
  });

  describe('the calendar file', () => {
    it('serves the meeting as iCalendar in the language asked for', async () => {
      const response = await api.app.inject({
        method: 'GET',
        url: `/meetings/${demoMeetingId}/calendar.ics?lang=ar`,
        headers: { authorization: `Bearer ${boardToken}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const unfolded = response.body.replace(/\r\n /g, '');
      expect(unfolded).toContain('SUMMARY;LANGUAGE=ar:الاجتماع السنوي لتجمع مدن الطاقة العالمية');
      expect(unfolded).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      // The agenda numbered in Arabic digits, the meeting's time zone named in Arabic words.
      expect(unfolded).toContain('١.١ مناقشة المسودة الأولية');
      expect(unfolded).toContain('توقيت الاجتماع: التوقيت المركزي لأمريكا الشمالية.');
      expect(unfolded).not.toContain('America/Chicago');
    });

    it('needs a session and a real meeting', async () => {
      const anonymous = await api.app.inject({ method: 'GET', url: `/meetings/${demoMeetingId}/calendar.ics` });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const missing = await api.app.inject({
        method: 'GET',
        url: `/meetings/${NO_SUCH_ID}/calendar.ics`,
        headers: { authorization: `Bearer ${boardToken}` },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
