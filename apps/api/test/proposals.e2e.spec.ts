import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

type Call = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphqlResponse<T>>;

interface ProposalView {
  id: string;
  state: string;
  version: number;
  revisionCount: number;
  title: { text: string };
  ownerCity: { code: string };
  cosponsors: Array<{ code: string }>;
  revisions: Array<{ number: string; author: { email: string }; createdAt: string; title: { text: string } }>;
}

const CREATE = `mutation($input: CreateProposalInput!) {
  createProposal(input: $input) {
    id state version revisionCount title { text } ownerCity { code } cosponsors { code }
    revisions { number author { email } createdAt title { text } }
  }
}`;
const SAVE = `mutation($id: ID!, $input: SaveProposalDraftInput!) {
  saveProposalDraft(id: $id, input: $input) {
    id state version revisionCount title { text } ownerCity { code } cosponsors { code }
    revisions { number author { email } createdAt title { text } }
  }
}`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int!) {
  proposal(id: $id) { diff(from: $from, to: $to) { from { number } to { number } fields { field language segments { kind text } } } }
}`;
const COMMENT = `mutation($input: AddReviewCommentInput!) {
  addReviewComment(input: $input) { id parentId resolvedAt author { email } body { text } revision { number } }
}`;
const LIST = `query($filter: ProposalFilter, $first: Int, $after: String) {
  proposals(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id title { text } } } pageInfo { hasNextPage endCursor }
  }
}`;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const codeOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.field;

describe('proposals over GraphQL', () => {
  let api: ApiHarness;
  let asDammam: Call;
  let asHouston: Call;
  let asSecretariat: Call;
  let cities: Map<string, string>;
  let meetingId: string;
  let demoPlanId: string;

  const caller =
    (token: string): Call =>
    (query, variables, headers = {}) =>
      api.graphql(query, variables, { authorization: `Bearer ${token}`, ...headers });

  const create = async (call: Call, input: Record<string, unknown>): Promise<ProposalView> => {
    const result = await call<{ createProposal: ProposalView }>(CREATE, {
      input: { category: 'PROGRAMME', title: { en: 'A proposal' }, ...input },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.createProposal;
  };

  const countRows = async (table: string): Promise<number> => {
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
    return row.n;
  };

  /** No mutation exists yet to submit (the workflow comes next); tests that need a submitted proposal set it. */
  const markSubmitted = async (id: string): Promise<void> => {
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    await dataSource.query(`UPDATE proposal SET state = 'submitted', submitted_at = now() WHERE id = $1`, [id]);
  };

  beforeAll(async () => {
    api = await startApi();
    asDammam = caller(await api.tokenFor('delegate.dammam@demo.majlis'));
    asHouston = caller(await api.tokenFor('delegate.houston@demo.majlis'));
    asSecretariat = caller(await api.tokenFor('secretariat@demo.majlis'));
    const list = await asSecretariat<{ memberCities: Array<{ id: string; code: string }> }>(
      '{ memberCities { id code } }',
    );
    cities = new Map(list.data!.memberCities.map((city) => [city.code, city.id]));
    const meetings = await asSecretariat<{ meetings: { edges: Array<{ node: { id: string } }> } }>(
      '{ meetings(filter: { kind: ANNUAL }) { edges { node { id } } } }',
    );
    meetingId = meetings.data!.meetings.edges[0].node.id;
    const plans = await asSecretariat<{ proposals: { edges: Array<{ node: { id: string } }> } }>(LIST, {
      filter: { category: 'STRATEGIC_PLAN' },
    });
    demoPlanId = plans.data!.proposals.edges[0].node.id;
  });

  afterAll(() => api.close());

  describe('the demo strategic plan', () => {
    it('is Dammam’s draft with two revisions by the head of its delegation, on the Houston agenda', async () => {
      const result = await asDammam<{
        proposal: {
          state: string;
          category: string;
          ownerCity: { code: string };
          meeting: { hostCity: { code: string } };
          title: { text: string; language: string };
          revisions: Array<{ number: number; author: { email: string }; body: { text: string } }>;
        };
      }>(
        `query($id: ID!) { proposal(id: $id) {
          state category ownerCity { code } meeting { hostCity { code } } title { text language }
          revisions { number author { email } body { text } }
        } }`,
        { id: demoPlanId },
        { 'accept-language': 'ar' },
      );
      expect(result.errors).toBeUndefined();
      const plan = result.data!.proposal;
      expect(plan).toMatchObject({
        state: 'draft',
        category: 'STRATEGIC_PLAN',
        ownerCity: { code: 'dammam' },
        meeting: { hostCity: { code: 'houston' } },
      });
      expect(plan.title.text).toContain('خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء');
      expect(plan.revisions.map((revision) => [revision.number, revision.author.email])).toEqual([
        [1, 'delegate.dammam@demo.majlis'],
        [2, 'delegate.dammam@demo.majlis'],
      ]);
      expect(plan.revisions[1].body.text).toContain('إعطاء المزيد من الصلاحيات للأمانة العامة للتجمع');
    });

    it('diffs its two revisions word by word: the second adds the secretariat’s powers', async () => {
      const result = await asSecretariat<{
        proposal: {
          diff: {
            from: { number: number };
            to: { number: number };
            fields: Array<{ field: string; language: string; segments: Array<{ kind: string; text: string }> }>;
          };
        };
      }>(DIFF, { id: demoPlanId, from: 1, to: 2 });
      expect(result.errors).toBeUndefined();
      const { diff } = result.data!.proposal;
      expect([diff.from.number, diff.to.number]).toEqual([1, 2]);
      const arabicBody = diff.fields.find((field) => field.field === 'body' && field.language === 'ar')!;
      const inserted = arabicBody.segments.filter((segment) => segment.kind === 'insert').map((s) => s.text);
      expect(inserted.join('')).toContain('الصلاحيات للأمانة العامة');
      expect(
        arabicBody.segments
          .filter((segment) => segment.kind !== 'insert')
          .map((s) => s.text)
          .join(''),
      ).toBe(
        'تقترح أمانة المنطقة الشرقية خطة إستراتيجية لزيادة مجالات التعاون بين المدن الأعضاء في تجمع مدن الطاقة العالمية، ' +
          'وتفعيل آلية تبادل التجارب الناجحة في مختلف المجالات، وتبادل المعلومات والخبرات فيما يتعلق بالمشروعات ' +
          'واستراتيجيات البنية التحتية وتطوير خدمات مدن الطاقة.',
      );
      const title = diff.fields.find((field) => field.field === 'title' && field.language === 'en')!;
      expect(title.segments.map((segment) => segment.kind)).toEqual(['equal']);
    });

    it('refuses a diff with a revision that does not exist, naming it', async () => {
      const result = await asSecretariat(DIFF, { id: demoPlanId, from: 1, to: 9 });
      expect([codeOf(result), fieldOf(result)]).toEqual(['NOT_FOUND', 'to']);
    });
  });

  describe('createProposal and saveProposalDraft', () => {
    it('creates a draft of the delegate’s city with co-sponsors and its first revision', async () => {
      const proposal = await create(asDammam, {
        category: 'PROGRAMME',
        meetingId,
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme' },
        summary: { ar: 'تبادل الخبرات بين المدن الأعضاء' },
        cosponsorCityIds: [cities.get('aberdeen'), cities.get('perth')],
      });
      expect(proposal).toMatchObject({
        state: 'draft',
        version: 1,
        revisionCount: 1,
        ownerCity: { code: 'dammam' },
        revisions: [{ number: 1, author: { email: 'delegate.dammam@demo.majlis' } }],
      });
      expect(proposal.cosponsors.map((city) => city.code).sort()).toEqual(['aberdeen', 'perth']);
    });

    it('adds a revision per save, keeps text not given, skips a save that changes nothing', async () => {
      const proposal = await create(asDammam, { title: { en: 'First title' }, body: { en: 'The body stays.' } });
      const saved = await asDammam<{ saveProposalDraft: ProposalView }>(SAVE, {
        id: proposal.id,
        input: { title: { en: 'Second title' }, expectedVersion: 1 },
      });
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.saveProposalDraft).toMatchObject({
        version: 2,
        revisionCount: 2,
        title: { text: 'Second title' },
      });
      const again = await asDammam<{ saveProposalDraft: ProposalView }>(SAVE, {
        id: proposal.id,
        input: { title: { en: 'Second title' } },
      });
      expect(again.data!.saveProposalDraft).toMatchObject({ version: 2, revisionCount: 2 });
      const bodies = await asDammam<{ proposal: { revisions: Array<{ body: { text: string } | null }> } }>(
        `query($id: ID!) { proposal(id: $id) { revisions { body { text } } } }`,
        { id: proposal.id },
      );
      expect(bodies.data!.proposal.revisions.map((revision) => revision.body?.text)).toEqual([
        'The body stays.',
        'The body stays.',
      ]);
    });

    it('refuses a save over a newer version with VERSION_CONFLICT naming the current one', async () => {
      const proposal = await create(asDammam, { title: { en: 'Contested' } });
      await asDammam(SAVE, { id: proposal.id, input: { title: { en: 'Saved first' }, expectedVersion: 1 } });
      const late = await asDammam(
        SAVE,
        { id: proposal.id, input: { title: { en: 'Saved late' }, expectedVersion: 1 } },
        { 'accept-language': 'en' },
      );
      expect([codeOf(late), fieldOf(late)]).toEqual(['VERSION_CONFLICT', 'expectedVersion']);
      expect(late.errors![0].message).toContain('version 2');
    });

    it('refuses to edit a proposal that is no longer a draft', async () => {
      const proposal = await create(asDammam, { title: { en: 'Submitted' } });
      await markSubmitted(proposal.id);
      const result = await asDammam(SAVE, { id: proposal.id, input: { title: { en: 'Too late' } } });
      expect(codeOf(result)).toBe('INVALID_TRANSITION');
    });

    it.each([
      ['no title in either language', { title: { ar: ' ', en: '' } }, 'BAD_USER_INPUT', 'title'],
      ['an oversized body', { body: { ar: 'ب'.repeat(100_001) } }, 'BAD_USER_INPUT', 'body.ar'],
      ['an oversized summary', { summary: { en: 's'.repeat(4_001) } }, 'BAD_USER_INPUT', 'summary.en'],
      ['its own city as co-sponsor', { cosponsorCityIds: ['dammam'] }, 'BAD_USER_INPUT', 'cosponsorCityIds'],
      ['an unknown co-sponsor', { cosponsorCityIds: [NO_SUCH_ID] }, 'NOT_FOUND', 'cosponsorCityIds'],
      ['an unknown meeting', { meetingId: NO_SUCH_ID }, 'NOT_FOUND', 'meetingId'],
      ['an unknown parent', { parentId: NO_SUCH_ID }, 'NOT_FOUND', 'parentId'],
    ])('refuses %s, naming the field, and stores nothing', async (_case, change, code, field) => {
      const input: Record<string, unknown> = { category: 'OTHER', title: { en: 'Valid' }, ...change };
      if (Array.isArray(input.cosponsorCityIds))
        input.cosponsorCityIds = input.cosponsorCityIds.map((id: string) => cities.get(id) ?? id);
      const before = [await countRows('proposal'), await countRows('proposal_revision')];
      const result = await asDammam(CREATE, { input });
      expect([codeOf(result), fieldOf(result)]).toEqual([code, field]);
      expect([await countRows('proposal'), await countRows('proposal_revision')]).toEqual(before);
    });
  });

  describe('amendments', () => {
    it('lets another city amend a proposal it can see, but not amend an amendment', async () => {
      const original = await create(asDammam, { title: { en: 'Original' } });
      await markSubmitted(original.id);
      const amendment = await create(asHouston, { title: { en: 'Houston amendment' }, parentId: original.id });
      expect(amendment.ownerCity.code).toBe('houston');
      await markSubmitted(amendment.id);
      const listed = await asDammam<{ proposal: { amendments: Array<{ id: string; parent: { id: string } }> } }>(
        `query($id: ID!) { proposal(id: $id) { amendments { id parent { id } } } }`,
        { id: original.id },
      );
      expect(listed.data!.proposal.amendments).toEqual([{ id: amendment.id, parent: { id: original.id } }]);
      const nested = await asDammam(CREATE, {
        input: { category: 'OTHER', title: { en: 'Amend the amendment' }, parentId: amendment.id },
      });
      expect([codeOf(nested), fieldOf(nested)]).toEqual(['BAD_USER_INPUT', 'parentId']);
    });
  });

  describe('review comments', () => {
    it('threads the secretariat’s comment and the delegation’s reply, and resolves the thread', async () => {
      const proposal = await create(asDammam, { title: { en: 'Under review' } });
      const comment = await asSecretariat<{ addReviewComment: { id: string; revision: { number: number } } }>(COMMENT, {
        input: { proposalId: proposal.id, body: { ar: 'يرجى توضيح آلية المتابعة.' } },
      });
      expect(comment.errors).toBeUndefined();
      expect(comment.data!.addReviewComment.revision.number).toBe(1);
      const reply = await asDammam<{ addReviewComment: { parentId: string } }>(COMMENT, {
        input: {
          proposalId: proposal.id,
          body: { ar: 'تمت إضافة التوضيح.' },
          parentId: comment.data!.addReviewComment.id,
        },
      });
      expect(reply.data!.addReviewComment.parentId).toBe(comment.data!.addReviewComment.id);
      const resolved = await asSecretariat<{ resolveReviewComment: { resolvedAt: string | null } }>(
        `mutation($id: ID!) { resolveReviewComment(id: $id) { resolvedAt } }`,
        { id: comment.data!.addReviewComment.id },
      );
      expect(resolved.data!.resolveReviewComment.resolvedAt).not.toBeNull();
      const thread = await asDammam<{
        proposal: {
          reviewComments: Array<{
            body: { text: string };
            author: { email: string };
            resolvedBy: { email: string } | null;
          }>;
        };
      }>(
        `query($id: ID!) { proposal(id: $id) { reviewComments { body { text } author { email } resolvedBy { email } } } }`,
        { id: proposal.id },
      );
      expect(thread.data!.proposal.reviewComments).toEqual([
        {
          body: { text: 'يرجى توضيح آلية المتابعة.' },
          author: { email: 'secretariat@demo.majlis' },
          resolvedBy: { email: 'secretariat@demo.majlis' },
        },
        { body: { text: 'تمت إضافة التوضيح.' }, author: { email: 'delegate.dammam@demo.majlis' }, resolvedBy: null },
      ]);
    });

    it('refuses an empty comment and a reply to a comment of another proposal', async () => {
      const first = await create(asDammam, { title: { en: 'One' } });
      const second = await create(asDammam, { title: { en: 'Two' } });
      const empty = await asSecretariat(COMMENT, { input: { proposalId: first.id, body: { ar: '' } } });
      expect([codeOf(empty), fieldOf(empty)]).toEqual(['BAD_USER_INPUT', 'body']);
      const comment = await asSecretariat<{ addReviewComment: { id: string } }>(COMMENT, {
        input: { proposalId: first.id, body: { en: 'On the first' } },
      });
      const stray = await asSecretariat(COMMENT, {
        input: { proposalId: second.id, body: { en: 'Reply' }, parentId: comment.data!.addReviewComment.id },
      });
      expect([codeOf(stray), fieldOf(stray)]).toEqual(['NOT_FOUND', 'parentId']);
    });
  });

  describe('proposals(filter, first, after)', () => {
    it('finds Arabic titles whatever the hamza and English ones whatever the case', async () => {
      const arabic = await asSecretariat<{ proposals: { edges: Array<{ node: { id: string } }> } }>(LIST, {
        filter: { search: 'خطه استراتيجيه' },
      });
      expect(arabic.data!.proposals.edges.map((edge) => edge.node.id)).toContain(demoPlanId);
      const english = await asSecretariat<{ proposals: { edges: Array<{ node: { id: string } }> } }>(LIST, {
        filter: { search: 'STRATEGIC PLAN' },
      });
      expect(english.data!.proposals.edges.map((edge) => edge.node.id)).toEqual([demoPlanId]);
      const wildcard = await asSecretariat<{ proposals: { totalCount: number } }>(LIST, { filter: { search: '%' } });
      expect(wildcard.data!.proposals.totalCount).toBe(0);
    });

    it('filters by city, category, state and meeting, and pages without repeats', async () => {
      for (let index = 0; index < 5; index += 1)
        await create(asHouston, { category: 'GOVERNANCE', title: { en: `Houston governance ${index}` }, meetingId });
      const all = await asSecretariat<{ proposals: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
        LIST,
        { filter: { ownerCityId: cities.get('houston'), category: 'GOVERNANCE', states: ['draft'], meetingId } },
      );
      expect(all.data!.proposals.totalCount).toBe(5);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: GraphqlResponse<{
          proposals: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
        }> = await asSecretariat(LIST, {
          filter: { ownerCityId: cities.get('houston'), category: 'GOVERNANCE' },
          first: 2,
          after,
        });
        seen.push(...page.data!.proposals.edges.map((edge) => edge.node.id));
        after = page.data!.proposals.pageInfo.hasNextPage ? page.data!.proposals.pageInfo.endCursor : null;
      } while (after !== null);
      expect(seen).toEqual(all.data!.proposals.edges.map((edge) => edge.node.id));
    });

    it('lists another city’s drafts to the secretariat only', async () => {
      const filter = { ownerCityId: cities.get('dammam'), states: ['draft'] };
      const houston = await asHouston<{ proposals: { totalCount: number } }>(LIST, { filter });
      const secretariat = await asSecretariat<{ proposals: { totalCount: number } }>(LIST, { filter });
      expect(houston.data!.proposals.totalCount).toBe(0);
      expect(secretariat.data!.proposals.totalCount).toBeGreaterThan(0);
    });

    it('refuses an oversized search and a page larger than 100', async () => {
      const search = await asSecretariat(LIST, { filter: { search: 'x'.repeat(201) } });
      expect([codeOf(search), fieldOf(search)]).toEqual(['BAD_USER_INPUT', 'search']);
      const page = await asSecretariat(LIST, { first: 500 });
      expect([codeOf(page), fieldOf(page)]).toEqual(['BAD_USER_INPUT', 'first']);
    });
  });
});
