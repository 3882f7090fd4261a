import { fieldWords } from '@majlis/language';
import { startDomain, type DomainHarness, refusal } from '@majlis/testing';
import type { Actor } from '../identity';
import { PartnershipService } from '../partnership';
import { AgendaItemKind } from './agenda-item.entity';
import { AgendaService } from './agenda.service';
import { MeetingKind } from './meeting.entity';
import { MeetingOrder } from './meeting.repository';
import { MeetingService, type CreateMeetingInput } from './meeting.service';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe(MeetingService.name, () => {
  let domain: DomainHarness;
  let meetings: MeetingService;
  let secretariat: Actor;
  let board: Actor;
  let houstonId: string;
  let dammamId: string;

  beforeAll(async () => {
    domain = await startDomain();
    meetings = domain.get(MeetingService);
    secretariat = await domain.actor('secretariat@demo.majlis');
    board = await domain.actor('board.aberdeen@demo.majlis');
    const cities = await domain.get(PartnershipService).memberCities(board);
    houstonId = cities.find((city) => city.code === 'houston')!.id;
    dammamId = cities.find((city) => city.code === 'dammam')!.id;
  });

  afterAll(() => domain?.close());

  const newMeeting = (title = 'Board meeting', startsAt = '2027-06-01T09:00:00-05:00') =>
    meetings.create(secretariat, {
      kind: MeetingKind.BOARD,
      title: { en: title },
      hostCityId: houstonId,
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 8 * 3_600_000),
    });
  const totalCount = async () => (await meetings.list(secretariat, {}, {})).totalCount;

  describe('create and update', () => {
    it('keeps Arabic byte for byte and takes the host city’s time zone by default', async () => {
      const arabic = 'الاجتماعُ السنويُّ ـ مجلسُ الإدارة\u200f 2027 🏙️ «تجربة»';
      const created = await meetings.create(secretariat, {
        kind: MeetingKind.BOARD,
        title: { ar: arabic },
        hostCityId: dammamId,
        startsAt: new Date('2027-03-01T10:00:00+03:00'),
        endsAt: new Date('2027-03-01T14:00:00+03:00'),
      });
      const stored = await meetings.meeting(board, created.id);
      expect(stored.title).toMatchObject({ ar: arabic, authoritative: 'ar' });
      expect(stored.title.en ?? null).toBeNull();
      expect(Buffer.from(stored.title.ar!)).toEqual(Buffer.from(arabic));
      expect(stored.timeZone).toBe('Asia/Riyadh');
      expect(stored.startsAt.toISOString()).toBe('2027-03-01T07:00:00.000Z');
    });

    it('changes only the fields given and raises the version', async () => {
      const { id } = await newMeeting('To be renamed');
      const updated = await meetings.update(secretariat, id, { title: { en: 'Renamed' }, timeZone: 'Europe/Oslo' });
      expect(updated).toMatchObject({ version: 2, timeZone: 'Europe/Oslo', title: { en: 'Renamed' } });
      expect(await meetings.meeting(board, id)).toMatchObject({
        version: 2,
        timeZone: 'Europe/Oslo',
        title: { en: 'Renamed' },
        hostCityId: houstonId,
      });
    });

    const base = {
      kind: MeetingKind.BOARD,
      title: { en: 'Valid' },
      startsAt: '2027-06-01T09:00:00Z',
      endsAt: '2027-06-01T10:00:00Z',
    };
    // The cases the GraphQL input rule and date scalar refuse before any service stay in meetings.e2e.spec.ts.
    it.each([
      ['no text in either language', { title: { ar: '  ', en: '' } }, 'BAD_USER_INPUT', 'title'],
      ['an oversized title', { title: { ar: 'م'.repeat(301) } }, 'BAD_USER_INPUT', 'title.ar'],
      ['an end before the start', { endsAt: '2027-06-01T08:00:00Z' }, 'BAD_USER_INPUT', 'endsAt'],
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
      const before = await totalCount();
      const input = { ...base, hostCityId: houstonId, ...change } as typeof base & Record<string, unknown>;
      const error = await refusal(
        meetings.create(secretariat, {
          ...input,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
        } as CreateMeetingInput),
      );
      expect([error.code, error.field]).toEqual([code, field]);
      // The field named in Arabic words («العنوان بالعربية»); its machine path stays in the error's field.
      const arabic = error.localizedMessage('ar');
      expect(arabic).toContain(fieldWords('ar', field));
      expect(arabic).toMatch(/[\u0600-\u06FF]/);
      expect(await totalCount()).toBe(before);
    });

    it('refuses an unknown meeting id with NOT_FOUND', async () => {
      for (const id of [NO_SUCH_ID, 'not-an-id'])
        expect((await refusal(meetings.meeting(board, id))).code).toBe('NOT_FOUND');
    });
  });

  describe('list', () => {
    it('pages through meetings latest first with stable cursors', async () => {
      const all = await meetings.list(board, {}, { first: 100 });
      expect(all.totalCount).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < all.totalCount; page += 1) {
        const result = await meetings.list(board, {}, { first: 2, after });
        seen.push(...result.items.map((meeting) => meeting.id));
        if (!result.hasNextPage) break;
        after = result.cursors[result.cursors.length - 1];
      }
      expect(seen).toEqual(all.items.map((meeting) => meeting.id));
      const starts = all.items.map((meeting) => meeting.startsAt.getTime());
      expect(starts).toEqual([...starts].sort((a, b) => b - a));
    });

    it('filters by kind and host city', async () => {
      const { items } = await meetings.list(board, { kind: MeetingKind.ANNUAL, hostCityId: houstonId }, {});
      // The demo's Houston annual meetings: the upcoming one and last year's.
      expect(items.map(({ kind, hostCityId }) => ({ kind, hostCityId }))).toEqual([
        { kind: 'ANNUAL', hostCityId: houstonId },
        { kind: 'ANNUAL', hostCityId: houstonId },
      ]);
    });

    it.each([
      ['a page of 0', { first: 0 }, 'first'],
      ['a page of 101', { first: 101 }, 'first'],
      ['a forged cursor', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ])('refuses %s with BAD_USER_INPUT', async (_case, request, field) => {
      const error = await refusal(meetings.list(board, {}, request));
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', field]);
    });

    describe('orderBy', () => {
      const starts = ['2031-03-01T09:00:00Z', '2031-01-01T09:00:00Z', '2031-02-01T09:00:00Z', '2031-04-01T09:00:00Z'];
      const filter = { startsAfter: new Date('2031-01-01T00:00:00Z'), startsBefore: new Date('2032-01-01T00:00:00Z') };
      let made: string[];

      beforeAll(async () => {
        made = [];
        for (const startsAt of starts) made.push((await newMeeting(`Board meeting ${startsAt}`, startsAt)).id);
      });

      const byStart = (direction: 1 | -1): string[] =>
        starts
          .map((startsAt, index) => ({ startsAt, id: made[index] }))
          .sort((a, b) => direction * a.startsAt.localeCompare(b.startsAt))
          .map((meeting) => meeting.id);

      /** Every page, two at a time, following the cursors. */
      const allPages = async (order?: MeetingOrder): Promise<string[]> => {
        const ids: string[] = [];
        let after: string | null = null;
        do {
          const page = await meetings.list(secretariat, filter, { first: 2, after }, order);
          ids.push(...page.items.map((meeting) => meeting.id));
          after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : null;
        } while (after !== null);
        return ids;
      };

      it('lists the soonest first with STARTS_AT_ASC, page after page', async () => {
        expect(await allPages(MeetingOrder.STARTS_AT_ASC)).toEqual(byStart(1));
      });

      it('keeps the latest first when orderBy is absent, and with STARTS_AT_DESC', async () => {
        expect(await allPages()).toEqual(byStart(-1));
        expect(await allPages(MeetingOrder.STARTS_AT_DESC)).toEqual(byStart(-1));
      });
    });
  });

  describe('transition', () => {
    it('publishes an agenda only when it has items, for the secretariat, over the version it saw', async () => {
      const meeting = await newMeeting('To publish');
      const publish = (actor: Actor, expectedVersion = meeting.version) =>
        meetings.transition(actor, meeting.id, { event: 'PUBLISH_AGENDA', expectedVersion });
      const empty = await refusal(publish(secretariat));
      expect([empty.code, empty.messageKey]).toEqual(['INVALID_TRANSITION', 'emptyAgenda']);
      await domain
        .get(AgendaService)
        .add(secretariat, { meetingId: meeting.id, kind: AgendaItemKind.DISCUSSION, title: { en: 'Item' } });
      expect((await refusal(publish(board))).code).toBe('FORBIDDEN');
      expect((await refusal(publish(secretariat, meeting.version + 1))).code).toBe('VERSION_CONFLICT');
      expect(await publish(secretariat)).toMatchObject({ state: 'agendaPublished', version: meeting.version + 1 });
      const again = await refusal(publish(secretariat, meeting.version + 1));
      expect(again.code).toBe('INVALID_TRANSITION');
    });
  });
});
