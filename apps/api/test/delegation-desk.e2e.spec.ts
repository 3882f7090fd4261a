import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';

/**
 * What the delegation's desk reads of the API: a proposal as its delegation sees it, and refusals in the
 * shape and the language the desk shows them. The desk's rules (history, saves of only what changed, the
 * working copy, co-sponsors) are specs beside ProposalService.
 */

const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id version } }`;
const SAVE = `mutation($id: ID!, $input: SaveProposalDraftInput!) { saveProposalDraft(id: $id, input: $input) { version } }`;
const ADD_COSPONSOR = `mutation($id: ID!, $city: ID!) { addProposalCosponsor(id: $id, memberCityId: $city) { id } }`;
const REMOVE_COSPONSOR = `mutation($id: ID!, $city: ID!) { removeProposalCosponsor(id: $id, memberCityId: $city) { id } }`;
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version) { version }
}`;

describe("the delegation's desk over GraphQL", () => {
  let api: ApiHarness;
  let asDammam: Caller;
  let asDammamInArabic: Caller;
  let asColleague: Caller;
  let cities: Map<string, string>;

  const create = async (input: Record<string, unknown>): Promise<{ id: string; version: number }> =>
    (
      await ok<{ createProposal: { id: string; version: number } }>(asDammam, CREATE, {
        input: { category: 'PROGRAMME', ...input },
      })
    ).createProposal;
  const cosponsorsOf = async (id: string): Promise<Array<{ code: string }>> =>
    (
      await ok<{ proposal: { cosponsors: Array<{ code: string }> } }>(
        asDammam,
        `query($id: ID!) { proposal(id: $id) { cosponsors { code } } }`,
        { id },
      )
    ).proposal.cosponsors;

  beforeAll(async () => {
    api = await startApi();
    // A second delegate of Dammam, to save beside the head of its delegation.
    await api.app.get<DataSource>(getDataSourceToken()).query(
      `INSERT INTO person (email, password_hash, password_set_at, name, preferred_locale, roles, member_city_id)
       SELECT 'colleague.dammam@demo.majlis', password_hash, password_set_at, name, preferred_locale, roles, member_city_id
         FROM person WHERE email = 'delegate.dammam@demo.majlis'`,
    );
    const dammam = await api.tokenFor('delegate.dammam@demo.majlis');
    asDammam = api.caller(dammam, 'en');
    asDammamInArabic = api.caller(dammam, 'ar');
    asColleague = await api.as('colleague.dammam');
    const list = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      await api.as('secretariat'),
      '{ memberCities { id code } }',
    );
    cities = new Map(list.memberCities.map((city) => [city.code, city.id]));
  });

  afterAll(() => api.close());

  describe('the demo strategic plan', () => {
    it('is Dammam’s draft with two revisions by the head of its delegation, on the Houston agenda', async () => {
      const plans = await ok<{ proposals: { edges: Array<{ node: { id: string } }> } }>(
        asDammam,
        `query($filter: ProposalFilter) { proposals(filter: $filter) { edges { node { id } } } }`,
        { filter: { category: 'STRATEGIC_PLAN' } },
      );
      const { proposal: plan } = await ok<{
        proposal: {
          state: string;
          category: string;
          ownerCity: { code: string };
          meeting: { hostCity: { code: string } };
          title: { text: string; language: string };
          revisions: Array<{ number: number; author: { email: string }; body: { text: string } }>;
        };
      }>(
        asDammamInArabic,
        `query($id: ID!) { proposal(id: $id) {
          state category ownerCity { code } meeting { hostCity { code } } title { text language }
          revisions { number author { email } body { text } }
        } }`,
        { id: plans.proposals.edges[0].node.id },
      );
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
  });

  describe('saveProposalDraft with only what changed', () => {
    it('refuses a stale save with VERSION_CONFLICT carrying the current version', async () => {
      const proposal = await create({ title: { en: 'Contested' } });
      await ok(asDammam, SAVE, { id: proposal.id, input: { title: { en: 'Saved first' }, expectedVersion: 1 } });
      const late = await asColleague(SAVE, {
        id: proposal.id,
        input: { title: { en: 'Saved late' }, expectedVersion: 1 },
      });
      expect(late.errors?.[0].extensions).toMatchObject({
        code: 'VERSION_CONFLICT',
        field: 'expectedVersion',
        currentVersion: 2,
      });
    });
  });

  describe('co-sponsors', () => {
    it('refuses a change once the proposal is submitted, saying so in the reader’s language', async () => {
      const proposal = await create({ title: { en: 'Submitted with Perth' }, cosponsorCityIds: [cities.get('perth')] });
      await ok(asDammam, TRANSITION, { id: proposal.id, event: 'SUBMIT', version: 1 });
      const english = await asDammam(ADD_COSPONSOR, { id: proposal.id, city: cities.get('aberdeen') });
      expect(codeOf(english)).toBe('INVALID_TRANSITION');
      expect(english.errors![0].message).toBe(
        'Co-sponsoring cities can be changed only while the proposal is a draft, before it is submitted.',
      );
      const arabic = await asDammamInArabic(REMOVE_COSPONSOR, { id: proposal.id, city: cities.get('perth') });
      expect(codeOf(arabic)).toBe('INVALID_TRANSITION');
      expect(arabic.errors![0].message).toBe('لا يمكن تغيير المدن الراعية المشاركة إلا والمقترح مسودة لم يُقدَّم بعد.');
      expect(await cosponsorsOf(proposal.id)).toEqual([{ code: 'perth' }]);
    });
  });
});
