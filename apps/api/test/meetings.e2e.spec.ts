import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { fieldWords } from '@majlis/language';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

type Call = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphqlResponse<T>>;

interface AgendaEntry {
  id: string;
  number: string;
  parentId: string | null;
  position: number;
  title: { text: string };
}

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
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id number position parentId } }`;
const MOVE = `mutation($id: ID!, $parentId: ID, $position: Int!) {
  moveAgendaItem(id: $id, parentId: $parentId, position: $position) { id parentId position number }
}`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agendaItems { id number parentId position title { text } } } }`;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const codeOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.field;

describe('meetings, delegations and agendas over GraphQL', () => {
  let api: ApiHarness;
  let asSecretariat: Call;
  let asBoard: Call;
  let demoMeetingId: string;
  let houstonId: string;
  let dammamId: string;

  const caller =
    (token: string): Call =>
    (query, variables, headers = {}) =>
      api.graphql(query, variables, { authorization: `Bearer ${token}`, ...headers });

  const newMeeting = async (title = 'Board meeting'): Promise<string> => {
    const result = await asSecretariat<{ createMeeting: { id: string } }>(CREATE, {
      input: {
        kind: 'BOARD',
        title: { en: title },
        hostCityId: houstonId,
        startsAt: '2027-06-01T09:00:00-05:00',
        endsAt: '2027-06-01T17:00:00-05:00',
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.createMeeting.id;
  };

  const addItem = async (meetingId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const result = await asSecretariat<{ addAgendaItem: { id: string } }>(ADD_ITEM, {
      input: { meetingId, kind: 'DISCUSSION', title: { en: title }, ...extra },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.addAgendaItem.id;
  };

  const agendaOf = async (meetingId: string): Promise<AgendaEntry[]> => {
    const result = await asSecretariat<{ meeting: { agendaItems: AgendaEntry[] } }>(AGENDA, { id: meetingId });
    expect(result.errors).toBeUndefined();
    return result.data!.meeting.agendaItems;
  };

  /** Every parent's children are numbered 0..n-1 exactly once. */
  const expectDense = (items: AgendaEntry[]): void => {
    const byParent = new Map<string | null, number[]>();
    for (const item of items) byParent.set(item.parentId, [...(byParent.get(item.parentId) ?? []), item.position]);
    for (const positions of byParent.values())
      expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, index) => index));
  };

  beforeAll(async () => {
    api = await startApi();
    asSecretariat = caller(await api.tokenFor('secretariat@demo.majlis'));
    asBoard = caller(await api.tokenFor('board.aberdeen@demo.majlis'));
    const cities = await asBoard<{ memberCities: Array<{ id: string; code: string }> }>('{ memberCities { id code } }');
    houstonId = cities.data!.memberCities.find((city) => city.code === 'houston')!.id;
    dammamId = cities.data!.memberCities.find((city) => city.code === 'dammam')!.id;
    const list = await asBoard<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      `{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }`,
    );
    demoMeetingId = list.data!.meetings.edges[0].node.id;
  });

  afterAll(() => api.close());

  describe('the demo annual meeting', () => {
    it('is held in Houston with Dammam’s delegation, its head first, and a bilingual agenda', async () => {
      const result = await asBoard<{
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
      }>(DEMO_MEETING, { id: demoMeetingId }, { 'accept-language': 'ar' });
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
      const result = await asBoard<{ meeting: { title: { text: string; language: string; isFallback: boolean } } }>(
        `query($id: ID!) { meeting(id: $id) { title(locale: en) { text language isFallback } } }`,
        { id: demoMeetingId },
        { 'accept-language': 'ar' },
      );
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

  describe('createMeeting and updateMeeting', () => {
    it('keeps Arabic byte for byte and takes the host city’s time zone by default', async () => {
      const arabic = 'الاجتماعُ السنويُّ ـ مجلسُ الإدارة\u200f 2027 🏙️ «تجربة»';
      const result = await asSecretariat<{
        createMeeting: {
          timeZone: string;
          startsAt: string;
          title: { text: string; ar: string; en: string | null; authoritative: string };
        };
      }>(CREATE, {
        input: {
          kind: 'BOARD',
          title: { ar: arabic },
          hostCityId: dammamId,
          startsAt: '2027-03-01T10:00:00+03:00',
          endsAt: '2027-03-01T14:00:00+03:00',
        },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createMeeting.title).toEqual({ text: arabic, ar: arabic, en: null, authoritative: 'ar' });
      expect(Buffer.from(result.data!.createMeeting.title.ar)).toEqual(Buffer.from(arabic));
      expect(result.data!.createMeeting.timeZone).toBe('Asia/Riyadh');
      expect(result.data!.createMeeting.startsAt).toBe('2027-03-01T07:00:00.000Z');
    });

    it('changes only the fields given and raises the version', async () => {
      const id = await newMeeting('To be renamed');
      const result = await asSecretariat<{
        updateMeeting: { version: number; timeZone: string; title: { text: string } };
      }>(
        `mutation($id: ID!, $input: UpdateMeetingInput!) {
          updateMeeting(id: $id, input: $input) { version timeZone title { text } }
        }`,
        { id, input: { title: { en: 'Renamed' }, timeZone: 'Europe/Oslo' } },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateMeeting).toEqual({ version: 2, timeZone: 'Europe/Oslo', title: { text: 'Renamed' } });
    });

    const base = {
      kind: 'BOARD',
      title: { en: 'Valid' },
      startsAt: '2027-06-01T09:00:00Z',
      endsAt: '2027-06-01T10:00:00Z',
    };
    it.each([
      ['no text in either language', { title: { ar: '  ', en: '' } }, 'BAD_USER_INPUT', 'title'],
      ['an oversized title', { title: { ar: 'م'.repeat(301) } }, 'BAD_USER_INPUT', 'title.ar'],
      // The input rule in front of every resolver names the whole path of what it refuses.
      ['a NUL character', { title: { en: 'a\u0000b' } }, 'BAD_USER_INPUT', 'input.title.en'],
      ['a lone surrogate', { title: { ar: 'خطة \uD83D' } }, 'BAD_USER_INPUT', 'input.title.ar'],
      ['an end before the start', { endsAt: '2027-06-01T08:00:00Z' }, 'BAD_USER_INPUT', 'endsAt'],
      ['an invalid date', { startsAt: '2027-02-30T25:00:00Z' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a day that does not exist', { startsAt: '2026-02-30T09:00:00Z' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a date in words', { startsAt: 'March 7, 2026' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a time without an offset', { startsAt: '2027-06-01T09:00:00' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['a date in year 20270', { endsAt: '+020270-06-01T10:00:00Z' }, 'BAD_USER_INPUT', 'input.endsAt'],
      ['a date in year 3000', { endsAt: '3000-06-01T10:00:00Z' }, 'BAD_USER_INPUT', 'endsAt'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'BAD_USER_INPUT', 'timeZone'],
      [
        'an authoritative language without text',
        { title: { en: 'x', authoritative: 'ar' } },
        'BAD_USER_INPUT',
        'title.authoritative',
      ],
      ['an unknown host city', { hostCityId: NO_SUCH_ID }, 'NOT_FOUND', 'hostCityId'],
      ['a host city id that is no id', { hostCityId: 'dammam' }, 'NOT_FOUND', 'hostCityId'],
    ])('refuses %s, naming the field in Arabic too, and creates nothing', async (_case, change, code, field) => {
      const before = await asSecretariat<{ meetings: { totalCount: number } }>('{ meetings { totalCount } }');
      const result = await asSecretariat(
        CREATE,
        { input: { ...base, hostCityId: houstonId, ...change } },
        { 'accept-language': 'ar' },
      );
      expect(codeOf(result)).toBe(code);
      expect(fieldOf(result)).toBe(field);
      // The field named in Arabic words («العنوان بالعربية»); its machine path stays in extensions.field.
      expect(result.errors![0].message).toContain(fieldWords('ar', field));
      expect(result.errors![0].message).toMatch(/[\u0600-\u06FF]/);
      const after = await asSecretariat<{ meetings: { totalCount: number } }>('{ meetings { totalCount } }');
      expect(after.data!.meetings.totalCount).toBe(before.data!.meetings.totalCount);
    });

    it('refuses an unknown meeting id with NOT_FOUND', async () => {
      for (const id of [NO_SUCH_ID, 'not-an-id']) {
        const result = await asBoard(`query($id: ID!) { meeting(id: $id) { id } }`, { id });
        expect(codeOf(result)).toBe('NOT_FOUND');
      }
    });
  });

  describe('meetings(filter, first, after)', () => {
    it('pages through meetings latest first with stable cursors', async () => {
      const all = await asBoard<{ meetings: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
        '{ meetings(first: 100) { totalCount edges { node { id startsAt } } } }',
      );
      const total = all.data!.meetings.totalCount;
      expect(total).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < total; page += 1) {
        const result: GraphqlResponse<{
          meetings: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
        }> = await asBoard(
          `query($after: String) {
            meetings(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
          }`,
          { after },
        );
        seen.push(...result.data!.meetings.edges.map((edge) => edge.node.id));
        if (!result.data!.meetings.pageInfo.hasNextPage) break;
        after = result.data!.meetings.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.data!.meetings.edges.map((edge) => edge.node.id));
    });

    it('filters by kind and host city', async () => {
      const result = await asBoard<{
        meetings: { edges: Array<{ node: { kind: string; hostCity: { code: string } } }> };
      }>(
        `query($city: ID!) {
          meetings(filter: { kind: ANNUAL, hostCityId: $city }) { edges { node { kind hostCity { code } } } }
        }`,
        { city: houstonId },
      );
      // The demo's Houston annual meetings: the upcoming one and last year's.
      const houston = { node: { kind: 'ANNUAL', hostCity: { code: 'houston' } } };
      expect(result.data!.meetings.edges).toEqual([houston, houston]);
    });

    it.each([
      ['a page of 0', '{ meetings(first: 0) { totalCount } }', 'first'],
      ['a page of 101', '{ meetings(first: 101) { totalCount } }', 'first'],
      ['a forged cursor', '{ meetings(after: "bm90IGEgY3Vyc29y") { totalCount } }', 'after'],
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

  describe('the agenda', () => {
    it('adds items at the end or at a position, nested under sections, numbered in reading order', async () => {
      const meetingId = await newMeeting();
      const section = await addItem(meetingId, 'Section', { kind: 'SECTION' });
      await addItem(meetingId, 'B', { parentId: section });
      await addItem(meetingId, 'A', { parentId: section, position: 0 });
      await addItem(meetingId, 'Last');
      await addItem(meetingId, 'First', { position: 0 });
      const items = await agendaOf(meetingId);
      expect(items.map((item) => [item.number, item.title.text])).toEqual([
        ['1', 'First'],
        ['2', 'Section'],
        ['2.1', 'A'],
        ['2.2', 'B'],
        ['3', 'Last'],
      ]);
      expectDense(items);
    });

    it('moves an item with its sub-items to another parent and closes the gap it leaves', async () => {
      const meetingId = await newMeeting();
      const first = await addItem(meetingId, 'One', { kind: 'SECTION' });
      await addItem(meetingId, 'One.a', { parentId: first });
      const second = await addItem(meetingId, 'Two', { kind: 'SECTION' });
      await addItem(meetingId, 'Three');
      const moved = await asSecretariat<{ moveAgendaItem: { number: string; parentId: string } }>(MOVE, {
        id: first,
        parentId: second,
        position: 0,
      });
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.moveAgendaItem).toMatchObject({ number: '1.1', parentId: second });
      const items = await agendaOf(meetingId);
      expect(items.map((item) => [item.number, item.title.text])).toEqual([
        ['1', 'Two'],
        ['1.1', 'One'],
        ['1.1.1', 'One.a'],
        ['2', 'Three'],
      ]);
      expectDense(items);
    });

    it('moves an item within its siblings', async () => {
      const meetingId = await newMeeting();
      const ids = [await addItem(meetingId, 'a'), await addItem(meetingId, 'b'), await addItem(meetingId, 'c')];
      expect((await asSecretariat(MOVE, { id: ids[0], parentId: null, position: 2 })).errors).toBeUndefined();
      expect((await agendaOf(meetingId)).map((item) => item.title.text)).toEqual(['b', 'c', 'a']);
      expect((await asSecretariat(MOVE, { id: ids[2], parentId: null, position: 0 })).errors).toBeUndefined();
      expect((await agendaOf(meetingId)).map((item) => item.title.text)).toEqual(['c', 'b', 'a']);
    });

    it('updates an item’s text, minutes and presenter', async () => {
      const meetingId = await newMeeting();
      const id = await addItem(meetingId, 'Before');
      const result = await asSecretariat<{
        updateAgendaItem: { title: { text: string }; plannedMinutes: number; presenter: string };
      }>(
        `mutation($id: ID!) {
          updateAgendaItem(id: $id, input: { title: { ar: "بعد" }, plannedMinutes: 30, presenter: SECRETARIAT }) {
            title { text } plannedMinutes presenter
          }
        }`,
        { id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateAgendaItem).toEqual({
        title: { text: 'بعد' },
        plannedMinutes: 30,
        presenter: 'SECRETARIAT',
      });
    });

    it('removes an item with its sub-items and renumbers the rest', async () => {
      const meetingId = await newMeeting();
      await addItem(meetingId, 'Keep 1');
      const gone = await addItem(meetingId, 'Gone', { kind: 'SECTION' });
      await addItem(meetingId, 'Gone too', { parentId: gone });
      await addItem(meetingId, 'Keep 2');
      const result = await asSecretariat(`mutation($id: ID!) { removeAgendaItem(id: $id) { id } }`, { id: gone });
      expect(result.errors).toBeUndefined();
      const items = await agendaOf(meetingId);
      expect(items.map((item) => [item.number, item.title.text])).toEqual([
        ['1', 'Keep 1'],
        ['2', 'Keep 2'],
      ]);
      expectDense(items);
    });

    it('refuses bad moves, naming the field, and changes nothing', async () => {
      const meetingId = await newMeeting();
      const section = await addItem(meetingId, 'Section', { kind: 'SECTION' });
      const child = await addItem(meetingId, 'Child', { parentId: section });
      const grandchild = await addItem(meetingId, 'Grandchild', { parentId: child });
      const elsewhere = await addItem(await newMeeting('Another'), 'Elsewhere');
      const before = await agendaOf(meetingId);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ id: section, parentId: section, position: 0 }, 'BAD_USER_INPUT', 'parentId'],
        [{ id: section, parentId: grandchild, position: 0 }, 'BAD_USER_INPUT', 'parentId'],
        [{ id: child, parentId: elsewhere, position: 0 }, 'BAD_USER_INPUT', 'parentId'],
        [{ id: child, parentId: null, position: 5 }, 'BAD_USER_INPUT', 'position'],
        [{ id: child, parentId: null, position: -1 }, 'BAD_USER_INPUT', 'position'],
        [{ id: child, parentId: NO_SUCH_ID, position: 0 }, 'NOT_FOUND', 'parentId'],
        [{ id: NO_SUCH_ID, parentId: null, position: 0 }, 'NOT_FOUND', 'id'],
      ];
      for (const [variables, code, field] of cases) {
        const result = await asSecretariat(MOVE, variables, { 'accept-language': 'en' });
        expect([codeOf(result), fieldOf(result)]).toEqual([code, field]);
        // The field named in words; a record missing by its own id is named by its kind instead.
        expect(result.errors![0].message).toMatch(
          field === 'id' ? /^There is no agenda item with the id / : new RegExp(`^${fieldWords('en', field)}: `),
        );
      }
      expect(await agendaOf(meetingId)).toEqual(before);
    });

    it('refuses bad items: empty titles, out-of-range minutes, a presenter from another meeting', async () => {
      const meetingId = await newMeeting();
      const otherMeeting = await newMeeting('Other');
      const delegation = await asSecretariat(
        `mutation($input: AddDelegationMemberInput!) { addDelegationMember(input: $input) { id } }`,
        { input: { meetingId: otherMeeting, memberCityId: dammamId, name: { ar: 'عضو' } } },
      );
      expect(delegation.errors).toBeUndefined();
      const other = await asSecretariat<{ meeting: { delegations: Array<{ id: string }> } }>(
        `query($id: ID!) { meeting(id: $id) { delegations { id } } }`,
        { id: otherMeeting },
      );
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ title: { ar: '', en: ' ' } }, 'BAD_USER_INPUT', 'title'],
        [{ description: { en: 'x'.repeat(4001) } }, 'BAD_USER_INPUT', 'description.en'],
        [{ plannedMinutes: 0 }, 'BAD_USER_INPUT', 'plannedMinutes'],
        [{ plannedMinutes: 1441 }, 'BAD_USER_INPUT', 'plannedMinutes'],
        [{ presenter: 'DELEGATION' }, 'BAD_USER_INPUT', 'presenterDelegationId'],
        [{ presenterDelegationId: other.data!.meeting.delegations[0].id }, 'BAD_USER_INPUT', 'presenterDelegationId'],
        [{ proposalId: NO_SUCH_ID }, 'NOT_FOUND', 'proposalId'],
        [{ meetingId: NO_SUCH_ID }, 'NOT_FOUND', 'meetingId'],
      ];
      for (const [change, code, field] of cases) {
        const result = await asSecretariat(ADD_ITEM, {
          input: { meetingId, kind: 'DECISION', title: { en: 'Item' }, ...change },
        });
        expect([codeOf(result), fieldOf(result)]).toEqual([code, field]);
      }
      expect(await agendaOf(meetingId)).toEqual([]);
    });

    it('keeps positions dense and unique under concurrent adds and moves', async () => {
      const meetingId = await newMeeting('Busy');
      const sections = [
        await addItem(meetingId, 'S1', { kind: 'SECTION' }),
        await addItem(meetingId, 'S2', { kind: 'SECTION' }),
      ];
      const items: string[] = [];
      for (let index = 0; index < 12; index += 1)
        items.push(await addItem(meetingId, `Item ${index}`, { parentId: sections[index % 2] }));
      const results = await Promise.all([
        ...items.map((id, index) =>
          asSecretariat(MOVE, { id, parentId: index % 3 === 0 ? null : sections[(index + 1) % 2], position: 0 }),
        ),
        ...Array.from({ length: 8 }, (_, index) =>
          asSecretariat(ADD_ITEM, {
            input: {
              meetingId,
              kind: 'DISCUSSION',
              title: { en: `Added ${index}` },
              parentId: sections[index % 2],
              position: 0,
            },
          }),
        ),
      ]);
      expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
      const agenda = await agendaOf(meetingId);
      expect(agenda).toHaveLength(2 + 12 + 8);
      expectDense(agenda);
      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      const duplicates: unknown[] = await dataSource.query(
        `SELECT parent_id, position, count(*) FROM agenda_item WHERE meeting_id = $1 GROUP BY 1, 2 HAVING count(*) > 1`,
        [meetingId],
      );
      expect(duplicates).toEqual([]);
    });
  });

  describe('delegations', () => {
    it('adds a member with an account of the city, and refuses a second head or a person of another city', async () => {
      const meetingId = await newMeeting();
      const me = await caller(await api.tokenFor('delegate.dammam@demo.majlis'))<{ me: { id: string } }>(
        '{ me { id } }',
      );
      const add = `mutation($input: AddDelegationMemberInput!) {
        addDelegationMember(input: $input) { id isHead person { email } }
      }`;
      const head = await asSecretariat<{ addDelegationMember: { isHead: boolean; person: { email: string } } }>(add, {
        input: {
          meetingId,
          memberCityId: dammamId,
          name: { ar: 'رئيس الوفد' },
          isHead: true,
          personId: me.data!.me.id,
        },
      });
      expect(head.data!.addDelegationMember).toMatchObject({
        isHead: true,
        person: { email: 'delegate.dammam@demo.majlis' },
      });
      const second = await asSecretariat(add, {
        input: { meetingId, memberCityId: dammamId, name: { en: 'Another' }, isHead: true },
      });
      expect([codeOf(second), fieldOf(second)]).toEqual(['BAD_USER_INPUT', 'isHead']);
      const otherCity = await asSecretariat(add, {
        input: { meetingId, memberCityId: houstonId, name: { en: 'Wrong city' }, personId: me.data!.me.id },
      });
      expect([codeOf(otherCity), fieldOf(otherCity)]).toEqual(['BAD_USER_INPUT', 'personId']);
      const members = await asSecretariat<{ meeting: { delegations: Array<{ members: unknown[] }> } }>(
        `query($id: ID!) { meeting(id: $id) { delegations { members { id } } } }`,
        { id: meetingId },
      );
      expect(members.data!.meeting.delegations).toEqual([{ members: [expect.anything()] }]);
    });
  });

  describe('the calendar file', () => {
    it('serves the meeting as iCalendar in the language asked for', async () => {
      const token = await api.tokenFor('board.aberdeen@demo.majlis');
      const response = await api.app.inject({
        method: 'GET',
        url: `/meetings/${demoMeetingId}/calendar.ics?lang=ar`,
        headers: { authorization: `Bearer ${token}` },
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
      const token = await api.tokenFor('board.aberdeen@demo.majlis');
      const missing = await api.app.inject({
        method: 'GET',
        url: `/meetings/${NO_SUCH_ID}/calendar.ics`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
