import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, GraphqlResponse, startApi } from './api-harness';

/**
 * What the delegation's desk needs of the API: a proposal's history, saves of only what changed, a working
 * copy that autosave keeps without making revisions, and co-sponsors changed while a draft.
 */

type Call = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphqlResponse<T>>;

interface Text {
  ar: string | null;
  en: string | null;
  authoritative: string;
}
interface WorkingCopy {
  baseRevision: number;
  savedAt: string;
  savedBy: { email: string };
  title: Text;
  summary: Text | null;
  body: Text | null;
}
interface Desk {
  id: string;
  state: string;
  version: number;
  revisionCount: number;
  title: Text;
  summary: Text | null;
  cosponsors: Array<{ code: string }>;
  revisions: Array<{
    number: number;
    frozenAt: string | null;
    author: { email: string };
    title: Text;
    body: Text | null;
  }>;
  workingCopy: WorkingCopy | null;
}
interface HistoryEntry {
  fromState: string;
  toState: string;
  event: string;
  version: number;
  occurredAt: string;
  comment: string | null;
  actor: { email: string } | null;
}

const TEXT = 'ar en authoritative';
const DESK = `id state version revisionCount title { ${TEXT} } summary { ${TEXT} } cosponsors { code }
  revisions { number frozenAt author { email } title { ${TEXT} } body { ${TEXT} } }
  workingCopy { baseRevision savedAt savedBy { email } title { ${TEXT} } summary { ${TEXT} } body { ${TEXT} } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { ${DESK} } }`;
const READ = `query($id: ID!) { proposal(id: $id) { ${DESK} } }`;
const SAVE = `mutation($id: ID!, $input: SaveProposalDraftInput!) { saveProposalDraft(id: $id, input: $input) { ${DESK} } }`;
const AUTOSAVE = `mutation($id: ID!, $input: SaveProposalWorkingCopyInput!) {
  saveProposalWorkingCopy(id: $id, input: $input) { ${DESK} }
}`;
const ADD_COSPONSOR = `mutation($id: ID!, $city: ID!) { addProposalCosponsor(id: $id, memberCityId: $city) { ${DESK} } }`;
const REMOVE_COSPONSOR = `mutation($id: ID!, $city: ID!) {
  removeProposalCosponsor(id: $id, memberCityId: $city) { ${DESK} }
}`;
const TRANSITION = `mutation($id: ID!, $event: ProposalEvent!, $version: Int!, $comment: String) {
  transitionProposal(id: $id, event: $event, expectedVersion: $version, comment: $comment) { version }
}`;
const HISTORY = `query($id: ID!) {
  proposal(id: $id) { state history { fromState toState event version occurredAt comment actor { email } } }
}`;

const codeOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphqlResponse): unknown => result.errors?.[0]?.extensions?.field;

describe("the delegation's desk over GraphQL", () => {
  let api: ApiHarness;
  let asDammam: Call;
  let asColleague: Call;
  let asHouston: Call;
  let asSecretariat: Call;
  let asBoardDammam: Call;
  let asBoardAberdeen: Call;
  let cities: Map<string, string>;

  const caller =
    (token: string): Call =>
    (query, variables, headers = {}) =>
      api.graphql(query, variables, { authorization: `Bearer ${token}`, ...headers });

  /** The data of a request that must succeed. */
  async function ok<T>(call: Call, query: string, variables: Record<string, unknown>): Promise<T> {
    const result = await call<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  const create = async (input: Record<string, unknown>): Promise<Desk> =>
    (await ok<{ createProposal: Desk }>(asDammam, CREATE, { input: { category: 'PROGRAMME', ...input } }))
      .createProposal;
  const read = async (call: Call, id: string): Promise<Desk> =>
    (await ok<{ proposal: Desk }>(call, READ, { id })).proposal;
  const save = async (id: string, input: Record<string, unknown>, call: Call = asDammam): Promise<Desk> =>
    (await ok<{ saveProposalDraft: Desk }>(call, SAVE, { id, input })).saveProposalDraft;
  const autosave = async (id: string, input: Record<string, unknown>, call: Call = asDammam): Promise<Desk> =>
    (await ok<{ saveProposalWorkingCopy: Desk }>(call, AUTOSAVE, { id, input })).saveProposalWorkingCopy;
  const move = async (call: Call, id: string, event: string, version: number, comment?: string): Promise<number> =>
    (await ok<{ transitionProposal: { version: number } }>(call, TRANSITION, { id, event, version, comment }))
      .transitionProposal.version;
  const history = async (call: Call, id: string): Promise<HistoryEntry[]> =>
    (await ok<{ proposal: { history: HistoryEntry[] } }>(call, HISTORY, { id })).proposal.history;

  beforeAll(async () => {
    api = await startApi();
    // A second delegate of Dammam, to save beside the head of its delegation.
    await api.app.get<DataSource>(getDataSourceToken()).query(
      `INSERT INTO person (email, password_hash, password_set_at, name, preferred_locale, roles, member_city_id)
       SELECT 'colleague.dammam@demo.majlis', password_hash, password_set_at, name, preferred_locale, roles, member_city_id
         FROM person WHERE email = 'delegate.dammam@demo.majlis'`,
    );
    asDammam = caller(await api.tokenFor('delegate.dammam@demo.majlis'));
    asColleague = caller(await api.tokenFor('colleague.dammam@demo.majlis'));
    asHouston = caller(await api.tokenFor('delegate.houston@demo.majlis'));
    asSecretariat = caller(await api.tokenFor('secretariat@demo.majlis'));
    asBoardDammam = caller(await api.tokenFor('board.dammam@demo.majlis'));
    asBoardAberdeen = caller(await api.tokenFor('board.aberdeen@demo.majlis'));
    const list = await ok<{ memberCities: Array<{ id: string; code: string }> }>(
      asSecretariat,
      '{ memberCities { id code } }',
      {},
    );
    cities = new Map(list.memberCities.map((city) => [city.code, city.id]));
  });

  afterAll(() => api.close());

  describe('history', () => {
    /** Dammam's proposal, submitted, under review and sent back with the secretariat's comment. */
    let returned: string;
    const COMMENT = 'يرجى تسمية الجامعات الشريكة في برنامج التبادل الأكاديمي.';

    beforeAll(async () => {
      const proposal = await create({ title: { ar: 'برنامج التبادل الأكاديمي' } });
      returned = proposal.id;
      const submitted = await move(asDammam, returned, 'SUBMIT', proposal.version);
      const inReview = await move(asSecretariat, returned, 'START_REVIEW', submitted);
      await move(asSecretariat, returned, 'REQUEST_CHANGES', inReview, COMMENT);
    });

    it('lists each step oldest first with who took it, when, and the comment sent with "changes requested" for the owning delegation', async () => {
      const steps = await history(asDammam, returned);
      expect(steps.map(({ occurredAt: _, ...step }) => step)).toEqual([
        {
          fromState: 'draft',
          toState: 'submitted',
          event: 'SUBMIT',
          version: 2,
          comment: null,
          actor: { email: 'delegate.dammam@demo.majlis' },
        },
        {
          fromState: 'submitted',
          toState: 'inReview',
          event: 'START_REVIEW',
          version: 3,
          comment: null,
          actor: { email: 'secretariat@demo.majlis' },
        },
        {
          fromState: 'inReview',
          toState: 'changesRequested',
          event: 'REQUEST_CHANGES',
          version: 4,
          comment: COMMENT,
          actor: { email: 'secretariat@demo.majlis' },
        },
      ]);
      const times = steps.map((step) => Date.parse(step.occurredAt));
      expect(times.every((time, index) => index === 0 || time >= times[index - 1])).toBe(true);
    });

    it.each([
      ['the secretariat', () => asSecretariat],
      ["Dammam's board member", () => asBoardDammam],
    ])('shows the comment to %s too', async (_who, as) => {
      expect((await history(as(), returned)).map((step) => step.comment)).toEqual([null, null, COMMENT]);
    });

    it.each([
      ["Houston's delegate", () => asHouston],
      ["Aberdeen's board member", () => asBoardAberdeen],
    ])('shows %s, another city, the steps of a submitted proposal but not the review’s comment', async (_who, as) => {
      const steps = await history(as(), returned);
      expect(steps.map((step) => [step.event, step.actor?.email, step.comment])).toEqual([
        ['SUBMIT', 'delegate.dammam@demo.majlis', null],
        ['START_REVIEW', 'secretariat@demo.majlis', null],
        ['REQUEST_CHANGES', 'secretariat@demo.majlis', null],
      ]);
    });

    it('keeps a draft withdrawn before it was ever submitted, with its history, from another city’s delegate', async () => {
      const draft = await create({ title: { en: 'Withdrawn before submission' } });
      await move(asDammam, draft.id, 'WITHDRAW', draft.version);
      const outsider = await asHouston(HISTORY, { id: draft.id });
      expect([codeOf(outsider), outsider.data]).toEqual(['NOT_FOUND', null]);
      for (const as of [asDammam, asSecretariat])
        expect((await history(as, draft.id)).map((step) => [step.event, step.toState, step.actor?.email])).toEqual([
          ['WITHDRAW', 'withdrawn', 'delegate.dammam@demo.majlis'],
        ]);
    });

    it('is empty for a draft nobody moved yet', async () => {
      const draft = await create({ title: { en: 'Still a draft' } });
      expect(await history(asDammam, draft.id)).toEqual([]);
    });
  });

  describe('saveProposalDraft with only what changed', () => {
    it('changes one language of one field and keeps every other field and language', async () => {
      const proposal = await create({
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange' },
        summary: { ar: 'تبادل الخبرات بين المدن الأعضاء' },
        body: { ar: 'النص العربي', en: 'The English text', authoritative: 'ar' },
      });
      const saved = await save(proposal.id, { title: { en: 'Training exchange programme' }, expectedVersion: 1 });
      expect(saved).toMatchObject({
        version: 2,
        revisionCount: 2,
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme', authoritative: 'ar' },
        summary: { ar: 'تبادل الخبرات بين المدن الأعضاء', en: null, authoritative: 'ar' },
      });
      expect(saved.revisions[1].body).toEqual({ ar: 'النص العربي', en: 'The English text', authoritative: 'ar' });
    });

    it('saves the English side alone, without the title', async () => {
      const proposal = await create({ title: { ar: 'خطة إستراتيجية' }, body: { ar: 'تقترح أمانة المنطقة الشرقية…' } });
      const saved = await save(proposal.id, { body: { en: 'The Eastern Province Municipality proposes…' } });
      expect(saved.revisions.map((revision) => revision.body)).toEqual([
        { ar: 'تقترح أمانة المنطقة الشرقية…', en: null, authoritative: 'ar' },
        { ar: 'تقترح أمانة المنطقة الشرقية…', en: 'The Eastern Province Municipality proposes…', authoritative: 'ar' },
      ]);
      expect(saved.title).toEqual({ ar: 'خطة إستراتيجية', en: null, authoritative: 'ar' });
    });

    it('clears a language or a whole summary when asked, and the authoritative language follows the text left', async () => {
      const proposal = await create({
        title: { ar: 'عنوان', en: 'Title', authoritative: 'ar' },
        summary: { en: 'A summary' },
      });
      const saved = await save(proposal.id, { title: { ar: null }, summary: null });
      expect(saved.title).toEqual({ ar: null, en: 'Title', authoritative: 'en' });
      expect(saved.summary).toBeNull();
      const blank = await save(proposal.id, { title: { ar: 'عنوان جديد', en: ' ' } });
      expect(blank.title).toEqual({ ar: 'عنوان جديد', en: null, authoritative: 'ar' });
    });

    it.each([
      ['a title given as null', { title: null }],
      ['a title with every language cleared', { title: { en: '' } }],
    ])('refuses %s, naming the title, and keeps the draft as it was', async (_case, input) => {
      const proposal = await create({ title: { en: 'Kept title' } });
      const result = await asDammam(SAVE, { id: proposal.id, input });
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'title']);
      expect(await read(asDammam, proposal.id)).toMatchObject({ version: 1, revisionCount: 1 });
    });

    it('refuses a stale save with VERSION_CONFLICT carrying the current version', async () => {
      const proposal = await create({ title: { en: 'Contested' } });
      await save(proposal.id, { title: { en: 'Saved first' }, expectedVersion: 1 });
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

  describe('the working copy', () => {
    it('autosave keeps the text in the working copy: the revision list does not grow, the version rises', async () => {
      const proposal = await create({ title: { ar: 'خطة إستراتيجية' }, body: { ar: 'تقترح' } });
      let version = proposal.version;
      const typed = ['تقترح أمانة', 'تقترح أمانة المنطقة', 'تقترح أمانة المنطقة الشرقية خطة'];
      let last: Desk = proposal;
      for (const text of typed) {
        last = await autosave(proposal.id, { body: { ar: text }, expectedVersion: version });
        version = last.version;
      }
      expect(last).toMatchObject({ version: 4, revisionCount: 1, revisions: [{ number: 1 }] });
      expect(last.workingCopy).toMatchObject({
        baseRevision: 1,
        savedBy: { email: 'delegate.dammam@demo.majlis' },
        title: { ar: 'خطة إستراتيجية' },
        body: { ar: typed[2] },
      });
      expect(Date.parse(last.workingCopy!.savedAt)).not.toBeNaN();
      // The proposal shows its latest revision until the working copy becomes one.
      expect(last.revisions[0].body?.ar).toBe('تقترح');
    });

    it('changes nothing when autosave sends the text it already has', async () => {
      const proposal = await create({ title: { en: 'Unchanged' } });
      const first = await autosave(proposal.id, { body: { en: 'Some text' }, expectedVersion: 1 });
      const again = await autosave(proposal.id, { body: { en: 'Some text' }, expectedVersion: first.version });
      expect([first.version, again.version]).toEqual([2, 2]);
      expect(await autosave(proposal.id, { title: { en: 'Unchanged' }, expectedVersion: 2 })).toMatchObject({
        version: 2,
      });
    });

    it('becomes the next revision when the delegate saves one, and is gone', async () => {
      const proposal = await create({ title: { en: 'Working title' } });
      const kept = await autosave(proposal.id, { body: { en: 'Drafted by autosave' }, expectedVersion: 1 });
      const saved = await save(proposal.id, { summary: { en: 'Added on saving' }, expectedVersion: kept.version });
      expect(saved).toMatchObject({ version: 3, revisionCount: 2, workingCopy: null });
      expect(saved.revisions[1]).toMatchObject({
        number: 2,
        author: { email: 'delegate.dammam@demo.majlis' },
        body: { en: 'Drafted by autosave' },
      });
      expect(saved.summary).toMatchObject({ en: 'Added on saving' });
    });

    it('becomes the next revision, frozen, when the draft is submitted', async () => {
      const proposal = await create({ title: { ar: 'مقترح' }, body: { ar: 'النص الأول' } });
      const kept = await autosave(proposal.id, { body: { ar: 'النص كما قُدِّم' }, expectedVersion: 1 });
      await move(asDammam, proposal.id, 'SUBMIT', kept.version);
      const submitted = await read(asDammam, proposal.id);
      expect(submitted).toMatchObject({ state: 'submitted', revisionCount: 2, workingCopy: null });
      expect(submitted.revisions.map((revision) => [revision.body?.ar, revision.frozenAt !== null])).toEqual([
        ['النص الأول', true],
        ['النص كما قُدِّم', true],
      ]);
    });

    it('refuses a colleague’s autosave over a newer version, naming the current one; both texts stay readable', async () => {
      const proposal = await create({ title: { en: 'Written together' } });
      const mine = await autosave(proposal.id, { body: { en: 'My paragraph' }, expectedVersion: 1 });
      const theirs = await asColleague(AUTOSAVE, {
        id: proposal.id,
        input: { body: { en: 'Their paragraph' }, expectedVersion: 1 },
      });
      expect(theirs.errors?.[0].extensions).toMatchObject({
        code: 'VERSION_CONFLICT',
        field: 'expectedVersion',
        currentVersion: mine.version,
      });
      const current = await read(asColleague, proposal.id);
      expect(current.version).toBe(mine.version);
      expect(current.workingCopy).toMatchObject({
        body: { en: 'My paragraph' },
        savedBy: { email: 'delegate.dammam@demo.majlis' },
      });
      const resolved = await autosave(
        proposal.id,
        { body: { en: 'My paragraph. Their paragraph' }, expectedVersion: current.version },
        asColleague,
      );
      expect(resolved.workingCopy).toMatchObject({ savedBy: { email: 'colleague.dammam@demo.majlis' } });
    });

    it('is read only by the owning city’s delegates', async () => {
      const proposal = await create({ title: { en: 'Private work' } });
      await autosave(proposal.id, { body: { en: 'Not yet a revision' }, expectedVersion: 1 });
      expect((await read(asColleague, proposal.id)).workingCopy).not.toBeNull();
      expect((await read(asSecretariat, proposal.id)).workingCopy).toBeNull();
      expect((await read(asBoardDammam, proposal.id)).workingCopy).toBeNull();
      expect(codeOf(await asHouston(READ, { id: proposal.id }))).toBe('NOT_FOUND');
    });

    it.each([
      ["Houston's delegate, to whom the draft does not exist", () => asHouston, 'NOT_FOUND'],
      ['the secretariat', () => asSecretariat, 'FORBIDDEN'],
      ["Dammam's board member", () => asBoardDammam, 'FORBIDDEN'],
    ])('refuses autosave by %s', async (_who, as, code) => {
      const proposal = await create({ title: { en: 'Ours' } });
      const result = await as()(AUTOSAVE, { id: proposal.id, input: { body: { en: 'Theirs' }, expectedVersion: 1 } });
      expect(codeOf(result)).toBe(code);
      expect(await read(asDammam, proposal.id)).toMatchObject({ version: 1, workingCopy: null });
    });

    it('refuses autosave once the proposal is submitted', async () => {
      const proposal = await create({ title: { en: 'Sent' } });
      const version = await move(asDammam, proposal.id, 'SUBMIT', 1);
      const result = await asDammam(AUTOSAVE, {
        id: proposal.id,
        input: { body: { en: 'Late' }, expectedVersion: version },
      });
      expect(codeOf(result)).toBe('INVALID_TRANSITION');
    });
  });

  describe('co-sponsors', () => {
    it('are added and removed while a draft; adding one twice or removing one absent changes nothing', async () => {
      const proposal = await create({ title: { en: 'Shared' }, cosponsorCityIds: [cities.get('perth')] });
      const added = await ok<{ addProposalCosponsor: Desk }>(asDammam, ADD_COSPONSOR, {
        id: proposal.id,
        city: cities.get('aberdeen'),
      });
      expect(added.addProposalCosponsor.cosponsors.map((city) => city.code).sort()).toEqual(['aberdeen', 'perth']);
      const twice = await ok<{ addProposalCosponsor: Desk }>(asDammam, ADD_COSPONSOR, {
        id: proposal.id,
        city: cities.get('aberdeen'),
      });
      expect(twice.addProposalCosponsor.cosponsors).toHaveLength(2);
      const removed = await ok<{ removeProposalCosponsor: Desk }>(asDammam, REMOVE_COSPONSOR, {
        id: proposal.id,
        city: cities.get('perth'),
      });
      expect(removed.removeProposalCosponsor.cosponsors).toEqual([{ code: 'aberdeen' }]);
      const absent = await ok<{ removeProposalCosponsor: Desk }>(asDammam, REMOVE_COSPONSOR, {
        id: proposal.id,
        city: cities.get('perth'),
      });
      expect(absent.removeProposalCosponsor.cosponsors).toEqual([{ code: 'aberdeen' }]);
    });

    it('refuses the owning city and an unknown city, naming memberCityId', async () => {
      const proposal = await create({ title: { en: 'Alone' } });
      const own = await asDammam(ADD_COSPONSOR, { id: proposal.id, city: cities.get('dammam') });
      expect([codeOf(own), fieldOf(own)]).toEqual(['BAD_USER_INPUT', 'memberCityId']);
      const unknown = await asDammam(ADD_COSPONSOR, { id: proposal.id, city: '00000000-0000-4000-8000-000000000000' });
      expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['NOT_FOUND', 'memberCityId']);
      expect((await read(asDammam, proposal.id)).cosponsors).toEqual([]);
    });

    it('refuses a change once the proposal is submitted, saying so in the reader’s language', async () => {
      const proposal = await create({ title: { en: 'Submitted with Perth' }, cosponsorCityIds: [cities.get('perth')] });
      await move(asDammam, proposal.id, 'SUBMIT', 1);
      const english = await asDammam(
        ADD_COSPONSOR,
        { id: proposal.id, city: cities.get('aberdeen') },
        { 'accept-language': 'en' },
      );
      expect(codeOf(english)).toBe('INVALID_TRANSITION');
      expect(english.errors![0].message).toBe(
        'Co-sponsoring cities can be changed only while the proposal is a draft, before it is submitted.',
      );
      const arabic = await asDammam(
        REMOVE_COSPONSOR,
        { id: proposal.id, city: cities.get('perth') },
        { 'accept-language': 'ar' },
      );
      expect(codeOf(arabic)).toBe('INVALID_TRANSITION');
      expect(arabic.errors![0].message).toBe('لا يمكن تغيير المدن الراعية المشاركة إلا والمقترح مسودة لم يُقدَّم بعد.');
      expect((await read(asDammam, proposal.id)).cosponsors).toEqual([{ code: 'perth' }]);
    });

    it('refuses another city: its draft does not exist to Houston, its submitted proposal is not Houston’s', async () => {
      const draft = await create({ title: { en: 'Dammam only' } });
      expect(codeOf(await asHouston(ADD_COSPONSOR, { id: draft.id, city: cities.get('houston') }))).toBe('NOT_FOUND');
      await move(asDammam, draft.id, 'SUBMIT', 1);
      expect(codeOf(await asHouston(ADD_COSPONSOR, { id: draft.id, city: cities.get('houston') }))).toBe('FORBIDDEN');
      expect(codeOf(await asSecretariat(REMOVE_COSPONSOR, { id: draft.id, city: cities.get('perth') }))).toBe(
        'FORBIDDEN',
      );
    });
  });
});
