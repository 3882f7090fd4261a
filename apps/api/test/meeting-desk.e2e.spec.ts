import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

type Call = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphqlResponse<T>>;

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

const codeOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.code;

describe('the secretariat’s meeting desk over GraphQL', () => {
  let api: ApiHarness;
  let asSecretariat: Call;
  let asDammam: Call;
  let houstonId: string;

  const caller =
    (token: string): Call =>
    (query, variables, headers = {}) =>
      api.graphql(query, variables, { authorization: `Bearer ${token}`, ...headers });

  const ok = async <T>(call: Call, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const result = await call<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  /** Every page of a listing, `first` at a time, following the cursors. */
  const allPages = async (
    call: Call,
    query: string,
    field: 'meetings' | 'proposals',
    variables: Record<string, unknown>,
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
    asSecretariat = caller(await api.tokenFor('secretariat@demo.majlis'));
    asDammam = caller(await api.tokenFor('delegate.dammam@demo.majlis'));
    const cities = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      asSecretariat,
      '{ memberCities { id code } }',
    );
    houstonId = cities.memberCities.find((city) => city.code === 'houston')!.id;
  });

  afterAll(() => api.close());

  describe('meetings(orderBy)', () => {
    const starts = ['2031-03-01T09:00:00Z', '2031-01-01T09:00:00Z', '2031-02-01T09:00:00Z', '2031-04-01T09:00:00Z'];
    let made: string[];
    const filter = { startsAfter: '2031-01-01T00:00:00Z', startsBefore: '2032-01-01T00:00:00Z' };

    beforeAll(async () => {
      made = [];
      for (const startsAt of starts) {
        const data = await ok<{ createMeeting: { id: string } }>(asSecretariat, CREATE_MEETING, {
          input: {
            kind: 'BOARD',
            title: { en: `Board meeting ${startsAt}` },
            hostCityId: houstonId,
            startsAt,
            endsAt: startsAt.replace('09:00', '17:00'),
          },
        });
        made.push(data.createMeeting.id);
      }
    });

    const byStart = (direction: 1 | -1): string[] =>
      starts
        .map((startsAt, index) => ({ startsAt, id: made[index] }))
        .sort((a, b) => direction * a.startsAt.localeCompare(b.startsAt))
        .map((meeting) => meeting.id);

    it('lists the soonest first with STARTS_AT_ASC, page after page', async () => {
      expect(await allPages(asSecretariat, MEETINGS, 'meetings', { filter, orderBy: 'STARTS_AT_ASC' })).toEqual(
        byStart(1),
      );
    });

    it('keeps the latest first when orderBy is absent, and with STARTS_AT_DESC', async () => {
      expect(await allPages(asSecretariat, MEETINGS, 'meetings', { filter })).toEqual(byStart(-1));
      expect(await allPages(asSecretariat, MEETINGS, 'meetings', { filter, orderBy: 'STARTS_AT_DESC' })).toEqual(
        byStart(-1),
      );
    });

    it('refuses an order it does not know, and a forged cursor, as bad input', async () => {
      const unknown = await asSecretariat(MEETINGS, { filter, orderBy: 'TITLE_ASC' });
      expect(unknown.errors).toBeDefined();
      const forged = Buffer.from(JSON.stringify(['not a date', made[0]])).toString('base64url');
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
      const result = await asDammam(
        PROPOSALS,
        { filter: { search: tag }, after: forged, orderBy: 'SUBMITTED_AT_ASC' },
        { 'accept-language': 'ar' },
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/[\u0600-\u06FF]/);
    });
  });
});
