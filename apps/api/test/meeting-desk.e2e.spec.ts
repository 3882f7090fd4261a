import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, Caller, codeOf, ok, startApi, type Variables } from './api-harness';
import { eventually } from './eventually';

interface Edge {
  cursor: string;
  node: { id: string };
}
interface Listing {
  totalCount: number;
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CREATE_MEETING = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`;
const MEETINGS = `query($filter: MeetingFilter, $first: Int, $after: String, $orderBy: MeetingOrder) {
  meetings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE_PROPOSAL = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id version } }`;
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $expectedVersion: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $expectedVersion) { id version state }
}`;
const PROPOSALS = `query($filter: ProposalFilter, $first: Int, $after: String, $orderBy: ProposalOrder) {
  proposals(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const ADD_MEMBER = `mutation($input: AddDelegationMemberInput!) { addDelegationMember(input: $input) { id } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`;
const MEETING_VERSION = `query($id: ID!) { meeting(id: $id) { version } }`;
const TRANSITION_MEETING = `mutation($id: ID!, $event: MeetingEvent!, $expectedVersion: Int!) {
  transitionMeeting(id: $id, event: $event, expectedVersion: $expectedVersion) { id state }
}`;
const INBOX = `{ notifications(first: 50) { edges { node { topic title body path entityType entityId locale } } } }`;

describe('the secretariat’s meeting desk over GraphQL', () => {
  let api: ApiHarness;
  let asSecretariat: Caller;
  let asDammam: Caller;
  let asDammamInArabic: Caller;
  /** Dammam's delegate asking in no language: the answer comes in the one of their profile. */
  let asDammamInOwnLanguage: Caller;
  let houstonId: string;
  let dammamId: string;

  /** Every page of a listing, `first` at a time, following the cursors. */
  const allPages = async (
    call: Caller,
    query: string,
    field: 'meetings' | 'proposals',
    variables: Variables,
  ): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const data: Record<string, Listing> = await ok(call, query, { ...variables, first: 2, after });
      ids.push(...data[field].edges.map((edge) => edge.node.id));
      after = data[field].pageInfo.hasNextPage ? data[field].pageInfo.endCursor : null;
    } while (after !== null);
    return ids;
  };

  beforeAll(async () => {
    api = await startApi();
    asSecretariat = await api.as('secretariat');
    const dammamToken = await api.tokenFor('delegate.dammam@demo.majlis');
    asDammam = api.caller(dammamToken);
    asDammamInArabic = api.caller(dammamToken, 'ar');
    asDammamInOwnLanguage = (query, variables) =>
      api.graphql(query, variables, { authorization: `Bearer ${dammamToken}` });
    const cities = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      asSecretariat,
      '{ memberCities { id code } }',
    );
    houstonId = cities.memberCities.find((city) => city.code === 'houston')!.id;
    dammamId = cities.memberCities.find((city) => city.code === 'dammam')!.id;
  });

  afterAll(() => api.close());

  // Listing meetings in either order, page after page, is proven in meeting.service.spec.ts.
  describe('meetings(orderBy)', () => {
    const filter = { startsAfter: '2031-01-01T00:00:00Z', startsBefore: '2032-01-01T00:00:00Z' };
    let made: string;

    beforeAll(async () => {
      const data = await ok<{ createMeeting: { id: string } }>(asSecretariat, CREATE_MEETING, {
        input: {
          kind: 'BOARD',
          title: { en: 'Board meeting 2031-03-01T09:00:00Z' },
          hostCityId: houstonId,
          startsAt: '2031-03-01T09:00:00Z',
          endsAt: '2031-03-01T17:00:00Z',
        },
      });
      made = data.createMeeting.id;
    });

    it('refuses an order it does not know, and a forged cursor, as bad input', async () => {
      const unknown = await asSecretariat(MEETINGS, { filter, orderBy: 'TITLE_ASC' });
      expect(unknown.errors).toBeDefined();
      const forged = Buffer.from(JSON.stringify(['not a date', made])).toString('base64url');
      const result = await asSecretariat(MEETINGS, { filter, after: forged, orderBy: 'STARTS_AT_ASC' });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });
  });

  describe('proposals(orderBy)', () => {
    const tag = `order-${Date.now()}`;
    let draft: string;
    let first: string;
    let second: string;

    const create = async (title: string): Promise<{ id: string; version: number }> =>
      (
        await ok<{ createProposal: { id: string; version: number } }>(asDammam, CREATE_PROPOSAL, {
          input: { category: 'PROGRAMME', title: { en: `${tag} ${title}` } },
        })
      ).createProposal;

    const submit = async (proposal: { id: string; version: number }): Promise<void> => {
      await ok(asDammam, TRANSITION, { id: proposal.id, event: 'SUBMIT', expectedVersion: proposal.version });
    };

    beforeAll(async () => {
      // Created in this order, submitted the other way round: the queue follows submission, not creation.
      const a = await create('created first, submitted second');
      const b = await create('created second, submitted first');
      const c = await create('never submitted');
      await submit(b);
      await submit(a);
      [first, second, draft] = [b.id, a.id, c.id];
    });

    it('lists the first submitted first with SUBMITTED_AT_ASC, drafts last, page after page', async () => {
      expect(
        await allPages(asDammam, PROPOSALS, 'proposals', { filter: { search: tag }, orderBy: 'SUBMITTED_AT_ASC' }),
      ).toEqual([first, second, draft]);
    });

    it('gives the review queue oldest first: submitted proposals only, as the secretariat sees them', async () => {
      const ids = await allPages(asSecretariat, PROPOSALS, 'proposals', {
        filter: { search: tag, states: ['submitted', 'inReview'] },
        orderBy: 'SUBMITTED_AT_ASC',
      });
      expect(ids).toEqual([first, second]);
    });

    it('orders by creation both ways, newest first by default, and by the last change', async () => {
      const filter = { search: tag };
      expect(await allPages(asDammam, PROPOSALS, 'proposals', { filter })).toEqual([draft, first, second]);
      expect(await allPages(asDammam, PROPOSALS, 'proposals', { filter, orderBy: 'CREATED_AT_ASC' })).toEqual([
        second,
        first,
        draft,
      ]);
      expect(await allPages(asDammam, PROPOSALS, 'proposals', { filter, orderBy: 'UPDATED_AT_DESC' })).toEqual([
        second,
        first,
        draft,
      ]);
    });

    it('refuses a forged cursor as bad input, in the reader’s language', async () => {
      const forged = Buffer.from(JSON.stringify(['yesterday', first])).toString('base64url');
      const result = await asDammamInArabic(PROPOSALS, {
        filter: { search: tag },
        after: forged,
        orderBy: 'SUBMITTED_AT_ASC',
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/[\u0600-\u06FF]/);
    });
  });

  describe('publishing an agenda', () => {
    interface Told {
      email: string;
      locale: 'ar' | 'en';
      title: string;
      path: string;
    }
    interface Mailed {
      email: string;
      locale: 'ar' | 'en';
      id: string;
      status: string;
      attachments: Array<{ filename: string; contentType: string; content: string }> | null;
    }
    let meetingId: string;
    const title = {
      ar: 'اجتماع مجلس الإدارة لاعتماد الخطط والبرامج',
      en: 'Board meeting on approving plans and programmes',
    };

    const dataSource = (): DataSource => api.app.get<DataSource>(getDataSourceToken());
    const told = (): Promise<Told[]> =>
      dataSource().query(
        `SELECT person.email, notification.locale, notification.title, notification.path
           FROM notification JOIN person ON person.id = notification.recipient_id
          WHERE notification.topic = 'meeting.agendaPublished' AND notification.entity_id = $1 ORDER BY person.email`,
        [meetingId],
      );
    const mailed = (): Promise<Mailed[]> =>
      dataSource().query(
        `SELECT person.email, delivery.id, delivery.locale, delivery.status, delivery.content -> 'attachments' AS attachments
           FROM notification_delivery delivery JOIN person ON person.id = delivery.recipient_id
          WHERE delivery.topic = 'meeting.agendaPublished' AND delivery.channel = 'email'
            AND delivery.event_id IN (SELECT event_id FROM notification WHERE entity_id = $1)
          ORDER BY person.email`,
        [meetingId],
      );

    beforeAll(async () => {
      const created = await ok<{ createMeeting: { id: string } }>(asSecretariat, CREATE_MEETING, {
        input: {
          kind: 'BOARD',
          title,
          hostCityId: houstonId,
          startsAt: '2032-05-10T09:00:00-05:00',
          endsAt: '2032-05-10T17:00:00-05:00',
        },
      });
      meetingId = created.createMeeting.id;
      await ok(asDammam, `mutation { updateMyProfile(input: { locale: ar }) { id } }`);
      // Dammam sends a delegation (its head has no account); Houston, the host, sends none.
      await ok(asSecretariat, ADD_MEMBER, {
        input: {
          meetingId,
          memberCityId: dammamId,
          isHead: true,
          name: { ar: 'المهندس جمال بن ناصر الملحم', en: 'Eng. Jamal bin Nasser Al-Mulhim' },
        },
      });
      await ok(asSecretariat, ADD_ITEM, {
        input: {
          meetingId,
          kind: 'DISCUSSION',
          title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme' },
        },
      });
    });

    it('is refused to a delegate, and tells nobody', async () => {
      const { meeting } = await ok<{ meeting: { version: number } }>(asSecretariat, MEETING_VERSION, { id: meetingId });
      const result = await asDammam(TRANSITION_MEETING, {
        id: meetingId,
        event: 'PUBLISH_AGENDA',
        expectedVersion: meeting.version,
      });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(await told()).toEqual([]);
    });

    it('tells the delegations and the board, each in their language, with the meeting’s calendar file', async () => {
      const { meeting } = await ok<{ meeting: { version: number } }>(asSecretariat, MEETING_VERSION, { id: meetingId });
      await ok(asSecretariat, TRANSITION_MEETING, {
        id: meetingId,
        event: 'PUBLISH_AGENDA',
        expectedVersion: meeting.version,
      });
      const expected: Array<{ email: string }> = await dataSource().query(
        `SELECT email FROM person WHERE active AND (roles @> ARRAY['BOARD_MEMBER']::role[]
            OR (roles @> ARRAY['DELEGATE']::role[] AND member_city_id = $1))
          ORDER BY email`,
        [dammamId],
      );
      await eventually(async () => (await told()).length >= expected.length, 60_000, 'the publication told');
      const rows = await told();
      expect(rows.map((row) => row.email)).toEqual(expected.map((row) => row.email));
      // Neither the secretariat (who published it) nor Houston's delegates (no delegation) hear of it.
      expect(rows.some((row) => row.email.startsWith('secretariat') || row.email.startsWith('delegate.houston'))).toBe(
        false,
      );
      for (const row of rows) {
        expect(row.path).toBe(`/meetings/${meetingId}`);
        expect(row.title).toContain(title[row.locale]);
      }
      expect(rows.map((row) => row.locale)).toEqual(expect.arrayContaining(['ar']));

      await eventually(
        async () => (await mailed()).filter((row) => row.status === 'sent').length >= expected.length,
        60_000,
        'the e-mails sent',
      );
      for (const mail of await mailed()) {
        expect(mail.attachments).toHaveLength(1);
        const [file] = mail.attachments!;
        expect(file.filename).toBe('meeting.ics');
        expect(file.contentType).toMatch(/^text\/calendar/);
        expect(file.content).toContain('BEGIN:VCALENDAR');
        expect(file.content).toContain(`UID:${meetingId}@majlis`);
        // The calendar in the reader's language: its summary and its agenda.
        expect(file.content.replace(/\r\n /g, '')).toContain(`SUMMARY;LANGUAGE=${mail.locale}:${title[mail.locale]}`);
      }
      // And the e-mail as sent (written to a file: the tests have no SMTP server) carries it as a calendar part.
      const folder = join(api.environment.dataDir, 'mail');
      const [first] = await mailed();
      const file = readdirSync(folder).find((name) => name.includes(first.id));
      expect(file).toBeDefined();
      // Headers unfolded: a long one continues on lines that start with white space.
      const eml = readFileSync(join(folder, file!), 'utf8').replace(/\r\n[ \t]+/g, ' ');
      expect(eml).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=meeting\.ics/i);
      const part = /Content-Disposition: attachment; filename=meeting\.ics\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(eml);
      expect(Buffer.from(part?.[1] ?? '', 'base64').toString('utf8')).toContain(`UID:${meetingId}@majlis`);
    });

    it('mentions the calendar file in the e-mail that carries it, not in the inbox', async () => {
      const sentence = { ar: 'أرفقنا بهذه الرسالة ملف التقويم', en: "The meeting's calendar file is attached" };
      const rows: Array<{ locale: 'ar' | 'en'; mail: string; body: string }> = await dataSource().query(
        `SELECT delivery.locale, delivery.content ->> 'text' AS mail, notification.body
           FROM notification_delivery delivery
           JOIN notification ON notification.event_id = delivery.event_id
                            AND notification.recipient_id = delivery.recipient_id
          WHERE notification.topic = 'meeting.agendaPublished' AND notification.entity_id = $1
            AND delivery.channel = 'email'`,
        [meetingId],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.mail).toContain(sentence[row.locale]);
        expect(row.body).not.toContain(sentence[row.locale]);
      }
    });

    it('shows in the delegate’s inbox in Arabic, linking to the meeting', async () => {
      const inbox = await ok<{
        notifications: { edges: Array<{ node: { topic: string; title: string; body: string; path: string } }> };
      }>(asDammamInOwnLanguage, INBOX);
      const note = inbox.notifications.edges.find(
        (edge) => edge.node.topic === 'meeting.agendaPublished' && edge.node.path === `/meetings/${meetingId}`,
      );
      expect(note?.node.title).toBe(`نُشر جدول أعمال ${title.ar}`);
      expect(note?.node.body).toContain('ملف التقويم');
    });
  });
});
