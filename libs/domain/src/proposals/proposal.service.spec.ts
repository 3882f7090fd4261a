import type { LocalizedText } from '@majlis/language';
import type { PageRequest } from '@majlis/persistence';
import { startDomain, type DomainHarness, refusal } from '@majlis/testing';
import type { Actor } from '../identity';
import { AgendaItemKind, AgendaService } from '../meetings';
import { PartnershipService } from '../partnership';
import { ProposalCategory, type Proposal } from './proposal.entity';
import type { ProposalFilter } from './proposal.repository';
import { ProposalService, type CreateProposalInput } from './proposal.service';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A text as the API shows it: each language, null when absent. */
const shown = (text: LocalizedText | null | undefined) =>
  text == null ? null : { ar: text.ar ?? null, en: text.en ?? null, authoritative: text.authoritative };

describe(ProposalService.name, () => {
  let domain: DomainHarness;
  let proposals: ProposalService;
  let dammam: Actor;
  let colleague: Actor;
  let houston: Actor;
  let secretariat: Actor;
  let boardDammam: Actor;
  let boardAberdeen: Actor;
  let cities: Map<string, string>;
  let meetingId: string;
  let demoPlanId: string;

  const countRows = async (table: string): Promise<number> =>
    (await domain.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  /** Sets a proposal submitted without its workflow, for a rule that only needs it submitted. */
  const markSubmitted = (id: string) =>
    domain.query(`UPDATE proposal SET state = 'submitted', submitted_at = now() WHERE id = $1`, [id]);

  const create = (actor: Actor, input: Partial<CreateProposalInput>): Promise<Proposal> =>
    proposals.create(actor, { category: ProposalCategory.PROGRAMME, title: { en: 'A proposal' }, ...input });
  const move = async (actor: Actor, id: string, event: string, version: number, comment?: string) =>
    proposals.transition(actor, id, { event, expectedVersion: version, comment });
  const list = (actor: Actor, filter: ProposalFilter, request: PageRequest = {}) =>
    proposals.list(actor, filter, request);
  const idsOf = (page: { items: Proposal[] }) => page.items.map((proposal) => proposal.id);

  /** The proposal as `actor` reads it, with what hangs off it: revisions, working copy, co-sponsors' codes. */
  async function read(actor: Actor, id: string) {
    const proposal = await proposals.proposal(actor, id);
    const loaders = proposals.loaders(() => actor);
    const codes = new Map([...cities].map(([code, cityId]) => [cityId, code]));
    const [revisions, workingCopy, cosponsorIds] = await Promise.all([
      loaders.revisionsOf(proposal),
      loaders.workingCopyOf(proposal),
      loaders.cosponsorIdsOf(proposal),
    ]);
    return {
      ...proposal,
      title: shown(proposal.title),
      summary: shown(proposal.summary),
      cosponsors: cosponsorIds.map((cityId) => codes.get(cityId)).sort(),
      revisions: revisions.map((revision) => ({
        ...revision,
        title: shown(revision.title),
        body: shown(revision.body),
      })),
      workingCopy:
        workingCopy === null
          ? null
          : { ...workingCopy, title: shown(workingCopy.title), body: shown(workingCopy.body) },
    };
  }

  beforeAll(async () => {
    domain = await startDomain();
    proposals = domain.get(ProposalService);
    // A second delegate of Dammam, to save beside the head of its delegation.
    await domain.query(
      `INSERT INTO person (email, password_hash, password_set_at, name, preferred_locale, roles, member_city_id)
       SELECT 'colleague.dammam@demo.majlis', password_hash, password_set_at, name, preferred_locale, roles, member_city_id
         FROM person WHERE email = 'delegate.dammam@demo.majlis'`,
    );
    dammam = await domain.actor('delegate.dammam@demo.majlis');
    colleague = await domain.actor('colleague.dammam@demo.majlis');
    houston = await domain.actor('delegate.houston@demo.majlis');
    secretariat = await domain.actor('secretariat@demo.majlis');
    boardDammam = await domain.actor('board.dammam@demo.majlis');
    boardAberdeen = await domain.actor('board.aberdeen@demo.majlis');
    const memberCities = await domain.get(PartnershipService).memberCities(secretariat);
    cities = new Map(memberCities.map((city) => [city.code, city.id]));
    [{ id: meetingId }] = await domain.query<Array<{ id: string }>>(
      `SELECT id FROM meeting WHERE kind = 'ANNUAL' ORDER BY starts_at DESC, id DESC LIMIT 1`,
    );
    demoPlanId = (await list(secretariat, { category: ProposalCategory.STRATEGIC_PLAN })).items[0].id;
  });

  afterAll(() => domain?.close());

  describe('diff', () => {
    it('diffs its two revisions word by word: the second adds the secretariat’s powers', async () => {
      const diff = await proposals.diff(secretariat, demoPlanId, 1, 2);
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
      expect(await refusal(proposals.diff(secretariat, demoPlanId, 1, 9))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'to',
      });
    });
  });

  describe('create', () => {
    it('creates a draft of the delegate’s city with co-sponsors and its first revision', async () => {
      const created = await create(dammam, {
        category: ProposalCategory.PROGRAMME,
        meetingId,
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme' },
        summary: { ar: 'تبادل الخبرات بين المدن الأعضاء' },
        cosponsorCityIds: [cities.get('aberdeen')!, cities.get('perth')!],
      });
      const proposal = await read(dammam, created.id);
      expect(proposal).toMatchObject({
        state: 'draft',
        version: 1,
        revisionCount: 1,
        ownerCityId: cities.get('dammam'),
        revisions: [{ number: 1, authorId: dammam.personId }],
      });
      expect(proposal.cosponsors).toEqual(['aberdeen', 'perth']);
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
      const input: Partial<CreateProposalInput> = {
        category: ProposalCategory.OTHER,
        title: { en: 'Valid' },
        ...(change as Partial<CreateProposalInput>),
      };
      if (Array.isArray(input.cosponsorCityIds))
        input.cosponsorCityIds = input.cosponsorCityIds.map((id) => cities.get(id) ?? id);
      const before = [await countRows('proposal'), await countRows('proposal_revision')];
      expect(await refusal(create(dammam, input))).toMatchObject({ code, field });
      expect([await countRows('proposal'), await countRows('proposal_revision')]).toEqual(before);
    });

    it('lets another city amend a proposal it can see, but not amend an amendment', async () => {
      const original = await create(dammam, { title: { en: 'Original' } });
      await markSubmitted(original.id);
      const amendment = await create(houston, { title: { en: 'Houston amendment' }, parentId: original.id });
      expect(amendment.ownerCityId).toBe(cities.get('houston'));
      await markSubmitted(amendment.id);
      const seen = await proposals.proposal(dammam, original.id);
      const amendments = await proposals.loaders(() => dammam).amendmentsOf(seen);
      expect(amendments.map(({ id, parentId }) => ({ id, parentId }))).toEqual([
        { id: amendment.id, parentId: original.id },
      ]);
      const nested = create(dammam, {
        category: ProposalCategory.OTHER,
        title: { en: 'Amend the amendment' },
        parentId: amendment.id,
      });
      expect(await refusal(nested)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    });
  });

  describe('saveDraft', () => {
    it('adds a revision per save, keeps text not given, skips a save that changes nothing', async () => {
      const proposal = await create(dammam, { title: { en: 'First title' }, body: { en: 'The body stays.' } });
      const saved = await proposals.saveDraft(dammam, proposal.id, {
        title: { en: 'Second title' },
        expectedVersion: 1,
      });
      expect(saved).toMatchObject({ version: 2, revisionCount: 2, title: { en: 'Second title' } });
      const again = await proposals.saveDraft(dammam, proposal.id, { title: { en: 'Second title' } });
      expect(again).toMatchObject({ version: 2, revisionCount: 2 });
      expect((await read(dammam, proposal.id)).revisions.map((revision) => revision.body?.en)).toEqual([
        'The body stays.',
        'The body stays.',
      ]);
    });

    it('refuses a save over a newer version with VERSION_CONFLICT naming the current one', async () => {
      const proposal = await create(dammam, { title: { en: 'Contested' } });
      await proposals.saveDraft(dammam, proposal.id, { title: { en: 'Saved first' }, expectedVersion: 1 });
      const late = await refusal(
        proposals.saveDraft(dammam, proposal.id, { title: { en: 'Saved late' }, expectedVersion: 1 }),
      );
      expect(late).toMatchObject({ code: 'VERSION_CONFLICT', field: 'expectedVersion' });
      expect(late.message).toContain('version 2');
    });

    it('refuses to edit a proposal that is no longer a draft', async () => {
      const proposal = await create(dammam, { title: { en: 'Submitted' } });
      await markSubmitted(proposal.id);
      expect(await refusal(proposals.saveDraft(dammam, proposal.id, { title: { en: 'Too late' } }))).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
    });

    it('changes one language of one field and keeps every other field and language', async () => {
      const proposal = await create(dammam, {
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange' },
        summary: { ar: 'تبادل الخبرات بين المدن الأعضاء' },
        body: { ar: 'النص العربي', en: 'The English text', authoritative: 'ar' },
      });
      await proposals.saveDraft(dammam, proposal.id, {
        title: { en: 'Training exchange programme' },
        expectedVersion: 1,
      });
      const saved = await read(dammam, proposal.id);
      expect(saved).toMatchObject({
        version: 2,
        revisionCount: 2,
        title: { ar: 'برنامج التبادل التدريبي', en: 'Training exchange programme', authoritative: 'ar' },
        summary: { ar: 'تبادل الخبرات بين المدن الأعضاء', en: null, authoritative: 'ar' },
      });
      expect(saved.revisions[1].body).toEqual({ ar: 'النص العربي', en: 'The English text', authoritative: 'ar' });
    });

    it('saves the English side alone, without the title', async () => {
      const proposal = await create(dammam, {
        title: { ar: 'خطة إستراتيجية' },
        body: { ar: 'تقترح أمانة المنطقة الشرقية…' },
      });
      await proposals.saveDraft(dammam, proposal.id, { body: { en: 'The Eastern Province Municipality proposes…' } });
      const saved = await read(dammam, proposal.id);
      expect(saved.revisions.map((revision) => revision.body)).toEqual([
        { ar: 'تقترح أمانة المنطقة الشرقية…', en: null, authoritative: 'ar' },
        { ar: 'تقترح أمانة المنطقة الشرقية…', en: 'The Eastern Province Municipality proposes…', authoritative: 'ar' },
      ]);
      expect(saved.title).toEqual({ ar: 'خطة إستراتيجية', en: null, authoritative: 'ar' });
    });

    it('clears a language or a whole summary when asked, and the authoritative language follows the text left', async () => {
      const proposal = await create(dammam, {
        title: { ar: 'عنوان', en: 'Title', authoritative: 'ar' },
        summary: { en: 'A summary' },
      });
      const saved = await proposals.saveDraft(dammam, proposal.id, { title: { ar: null }, summary: null });
      expect(shown(saved.title)).toEqual({ ar: null, en: 'Title', authoritative: 'en' });
      expect(saved.summary).toBeNull();
      const blank = await proposals.saveDraft(dammam, proposal.id, { title: { ar: 'عنوان جديد', en: ' ' } });
      expect(shown(blank.title)).toEqual({ ar: 'عنوان جديد', en: null, authoritative: 'ar' });
    });

    it.each([
      ['a title given as null', { title: null }],
      ['a title with every language cleared', { title: { en: '' } }],
    ])('refuses %s, naming the title, and keeps the draft as it was', async (_case, input) => {
      const proposal = await create(dammam, { title: { en: 'Kept title' } });
      expect(await refusal(proposals.saveDraft(dammam, proposal.id, input))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'title',
      });
      expect(await read(dammam, proposal.id)).toMatchObject({ version: 1, revisionCount: 1 });
    });
  });

  describe('saveWorkingCopy', () => {
    it('autosave keeps the text in the working copy: the revision list does not grow, the version rises', async () => {
      const proposal = await create(dammam, { title: { ar: 'خطة إستراتيجية' }, body: { ar: 'تقترح' } });
      let version = proposal.version;
      const typed = ['تقترح أمانة', 'تقترح أمانة المنطقة', 'تقترح أمانة المنطقة الشرقية خطة'];
      for (const text of typed)
        version = (
          await proposals.saveWorkingCopy(dammam, proposal.id, { body: { ar: text }, expectedVersion: version })
        ).version;
      const last = await read(dammam, proposal.id);
      expect(last).toMatchObject({ version: 4, revisionCount: 1, revisions: [{ number: 1 }] });
      expect(last.workingCopy).toMatchObject({
        baseRevision: 1,
        savedById: dammam.personId,
        title: { ar: 'خطة إستراتيجية' },
        body: { ar: typed[2] },
      });
      expect(last.workingCopy!.savedAt).toBeInstanceOf(Date);
      // The proposal shows its latest revision until the working copy becomes one.
      expect(last.revisions[0].body?.ar).toBe('تقترح');
    });

    it('changes nothing when autosave sends the text it already has', async () => {
      const proposal = await create(dammam, { title: { en: 'Unchanged' } });
      const first = await proposals.saveWorkingCopy(dammam, proposal.id, {
        body: { en: 'Some text' },
        expectedVersion: 1,
      });
      const again = await proposals.saveWorkingCopy(dammam, proposal.id, {
        body: { en: 'Some text' },
        expectedVersion: first.version,
      });
      expect([first.version, again.version]).toEqual([2, 2]);
      expect(
        await proposals.saveWorkingCopy(dammam, proposal.id, { title: { en: 'Unchanged' }, expectedVersion: 2 }),
      ).toMatchObject({ version: 2 });
    });

    it('becomes the next revision when the delegate saves one, and is gone', async () => {
      const proposal = await create(dammam, { title: { en: 'Working title' } });
      const kept = await proposals.saveWorkingCopy(dammam, proposal.id, {
        body: { en: 'Drafted by autosave' },
        expectedVersion: 1,
      });
      await proposals.saveDraft(dammam, proposal.id, {
        summary: { en: 'Added on saving' },
        expectedVersion: kept.version,
      });
      const saved = await read(dammam, proposal.id);
      expect(saved).toMatchObject({ version: 3, revisionCount: 2, workingCopy: null });
      expect(saved.revisions[1]).toMatchObject({
        number: 2,
        authorId: dammam.personId,
        body: { en: 'Drafted by autosave' },
      });
      expect(saved.summary).toMatchObject({ en: 'Added on saving' });
    });

    it('becomes the next revision, frozen, when the draft is submitted', async () => {
      const proposal = await create(dammam, { title: { ar: 'مقترح' }, body: { ar: 'النص الأول' } });
      const kept = await proposals.saveWorkingCopy(dammam, proposal.id, {
        body: { ar: 'النص كما قُدِّم' },
        expectedVersion: 1,
      });
      await move(dammam, proposal.id, 'SUBMIT', kept.version);
      const submitted = await read(dammam, proposal.id);
      expect(submitted).toMatchObject({ state: 'submitted', revisionCount: 2, workingCopy: null });
      expect(submitted.revisions.map((revision) => [revision.body?.ar, revision.frozenAt !== null])).toEqual([
        ['النص الأول', true],
        ['النص كما قُدِّم', true],
      ]);
    });

    it('refuses a colleague’s autosave over a newer version, naming the current one; both texts stay readable', async () => {
      const proposal = await create(dammam, { title: { en: 'Written together' } });
      const mine = await proposals.saveWorkingCopy(dammam, proposal.id, {
        body: { en: 'My paragraph' },
        expectedVersion: 1,
      });
      const theirs = proposals.saveWorkingCopy(colleague, proposal.id, {
        body: { en: 'Their paragraph' },
        expectedVersion: 1,
      });
      expect(await refusal(theirs)).toMatchObject({
        code: 'VERSION_CONFLICT',
        field: 'expectedVersion',
        params: { current: mine.version },
      });
      const current = await read(colleague, proposal.id);
      expect(current.version).toBe(mine.version);
      expect(current.workingCopy).toMatchObject({ body: { en: 'My paragraph' }, savedById: dammam.personId });
      await proposals.saveWorkingCopy(colleague, proposal.id, {
        body: { en: 'My paragraph. Their paragraph' },
        expectedVersion: current.version,
      });
      expect((await read(colleague, proposal.id)).workingCopy).toMatchObject({ savedById: colleague.personId });
    });

    it('is read only by the owning city’s delegates', async () => {
      const proposal = await create(dammam, { title: { en: 'Private work' } });
      await proposals.saveWorkingCopy(dammam, proposal.id, { body: { en: 'Not yet a revision' }, expectedVersion: 1 });
      expect((await read(colleague, proposal.id)).workingCopy).not.toBeNull();
      expect((await read(secretariat, proposal.id)).workingCopy).toBeNull();
      expect((await read(boardDammam, proposal.id)).workingCopy).toBeNull();
      expect(await refusal(read(houston, proposal.id))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it.each([
      ["Houston's delegate, to whom the draft does not exist", () => houston, 'NOT_FOUND'],
      ['the secretariat', () => secretariat, 'FORBIDDEN'],
      ["Dammam's board member", () => boardDammam, 'FORBIDDEN'],
    ])('refuses autosave by %s', async (_who, as, code) => {
      const proposal = await create(dammam, { title: { en: 'Ours' } });
      const autosave = proposals.saveWorkingCopy(as(), proposal.id, { body: { en: 'Theirs' }, expectedVersion: 1 });
      expect(await refusal(autosave)).toMatchObject({ code });
      expect(await read(dammam, proposal.id)).toMatchObject({ version: 1, workingCopy: null });
    });

    it('refuses autosave once the proposal is submitted', async () => {
      const proposal = await create(dammam, { title: { en: 'Sent' } });
      const { version } = await move(dammam, proposal.id, 'SUBMIT', 1);
      const late = proposals.saveWorkingCopy(dammam, proposal.id, { body: { en: 'Late' }, expectedVersion: version });
      expect(await refusal(late)).toMatchObject({ code: 'INVALID_TRANSITION' });
    });
  });

  describe('addCosponsor and removeCosponsor', () => {
    it('are added and removed while a draft; adding one twice or removing one absent changes nothing', async () => {
      const { id } = await create(dammam, { title: { en: 'Shared' }, cosponsorCityIds: [cities.get('perth')!] });
      await proposals.addCosponsor(dammam, id, cities.get('aberdeen')!);
      expect((await read(dammam, id)).cosponsors).toEqual(['aberdeen', 'perth']);
      await proposals.addCosponsor(dammam, id, cities.get('aberdeen')!);
      expect((await read(dammam, id)).cosponsors).toHaveLength(2);
      await proposals.removeCosponsor(dammam, id, cities.get('perth')!);
      expect((await read(dammam, id)).cosponsors).toEqual(['aberdeen']);
      await proposals.removeCosponsor(dammam, id, cities.get('perth')!);
      expect((await read(dammam, id)).cosponsors).toEqual(['aberdeen']);
    });

    it('refuses the owning city and an unknown city, naming memberCityId', async () => {
      const { id } = await create(dammam, { title: { en: 'Alone' } });
      expect(await refusal(proposals.addCosponsor(dammam, id, cities.get('dammam')!))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'memberCityId',
      });
      expect(await refusal(proposals.addCosponsor(dammam, id, NO_SUCH_ID))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'memberCityId',
      });
      expect((await read(dammam, id)).cosponsors).toEqual([]);
    });

    it('refuses another city: its draft does not exist to Houston, its submitted proposal is not Houston’s', async () => {
      const { id } = await create(dammam, { title: { en: 'Dammam only' } });
      expect(await refusal(proposals.addCosponsor(houston, id, cities.get('houston')!))).toMatchObject({
        code: 'NOT_FOUND',
      });
      await move(dammam, id, 'SUBMIT', 1);
      expect(await refusal(proposals.addCosponsor(houston, id, cities.get('houston')!))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await refusal(proposals.removeCosponsor(secretariat, id, cities.get('perth')!))).toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  describe('transition', () => {
    it('refuses an event the state does not take, naming the state and what is possible, and changes nothing', async () => {
      const { id } = await create(dammam, { title: { en: 'Not yet' } });
      const refused = await refusal(move(secretariat, id, 'ACCEPT', 1));
      expect(refused.code).toBe('INVALID_TRANSITION');
      expect(refused.message).toBe(
        'This proposal is in the state "Draft", so you cannot accept it for the board; possible now: submit or withdraw.',
      );
      expect(await proposals.proposal(dammam, id)).toMatchObject({ state: 'draft', version: 1 });
    });

    it('refuses a stale version with VERSION_CONFLICT naming the current one', async () => {
      const { id } = await create(dammam, { title: { en: 'Stale' } });
      await move(dammam, id, 'SUBMIT', 1);
      const refused = await refusal(move(dammam, id, 'WITHDRAW', 1));
      expect(refused.code).toBe('VERSION_CONFLICT');
      expect(refused.message).toContain('version 2');
    });

    it('lets exactly one of 50 identical concurrent transitions through', async () => {
      const { id } = await create(dammam, { title: { en: 'Raced' } });
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          move(dammam, id, 'SUBMIT', 1).then(
            () => 'OK',
            (error: { code: string }) => error.code,
          ),
        ),
      );
      expect(results.filter((code) => code === 'OK')).toHaveLength(1);
      expect(
        results
          .filter((code) => code !== 'OK')
          .every((code) => code === 'VERSION_CONFLICT' || code === 'INVALID_TRANSITION'),
      ).toBe(true);
      const [{ count }] = await domain.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM workflow_transition WHERE entity_id = $1`,
        [id],
      );
      expect(count).toBe(1);
    });
  });

  describe('history (loaders)', () => {
    /** Dammam's proposal, submitted, under review and sent back with the secretariat's comment. */
    let returned: string;
    const COMMENT = 'يرجى تسمية الجامعات الشريكة في برنامج التبادل الأكاديمي.';
    const history = async (actor: Actor, id: string) =>
      proposals.loaders(() => actor).historyOf(await proposals.proposal(actor, id));

    beforeAll(async () => {
      const proposal = await create(dammam, { title: { ar: 'برنامج التبادل الأكاديمي' } });
      returned = proposal.id;
      const submitted = await move(dammam, returned, 'SUBMIT', proposal.version);
      const inReview = await move(secretariat, returned, 'START_REVIEW', submitted.version);
      await move(secretariat, returned, 'REQUEST_CHANGES', inReview.version, COMMENT);
    });

    it('lists each step oldest first with who took it, when, and the comment sent with "changes requested" for the owning delegation', async () => {
      const steps = await history(dammam, returned);
      expect(steps.map(({ occurredAt: _, id: __, ...step }) => step)).toEqual([
        {
          fromState: 'draft',
          toState: 'submitted',
          event: 'SUBMIT',
          version: 2,
          comment: null,
          actorId: dammam.personId,
        },
        {
          fromState: 'submitted',
          toState: 'inReview',
          event: 'START_REVIEW',
          version: 3,
          comment: null,
          actorId: secretariat.personId,
        },
        {
          fromState: 'inReview',
          toState: 'changesRequested',
          event: 'REQUEST_CHANGES',
          version: 4,
          comment: COMMENT,
          actorId: secretariat.personId,
        },
      ]);
      const times = steps.map((step) => step.occurredAt.getTime());
      expect(times.every((time, index) => index === 0 || time >= times[index - 1])).toBe(true);
    });

    it.each([
      ['the secretariat', () => secretariat],
      ["Dammam's board member", () => boardDammam],
    ])('shows the comment to %s too', async (_who, as) => {
      expect((await history(as(), returned)).map((step) => step.comment)).toEqual([null, null, COMMENT]);
    });

    it.each([
      ["Houston's delegate", () => houston],
      ["Aberdeen's board member", () => boardAberdeen],
    ])('shows %s, another city, the steps of a submitted proposal but not the review’s comment', async (_who, as) => {
      const steps = await history(as(), returned);
      expect(steps.map((step) => [step.event, step.actorId, step.comment])).toEqual([
        ['SUBMIT', dammam.personId, null],
        ['START_REVIEW', secretariat.personId, null],
        ['REQUEST_CHANGES', secretariat.personId, null],
      ]);
    });

    it('keeps a draft withdrawn before it was ever submitted, with its history, from another city’s delegate', async () => {
      const draft = await create(dammam, { title: { en: 'Withdrawn before submission' } });
      await move(dammam, draft.id, 'WITHDRAW', draft.version);
      expect(await refusal(history(houston, draft.id))).toMatchObject({ code: 'NOT_FOUND' });
      for (const as of [dammam, secretariat])
        expect((await history(as, draft.id)).map((step) => [step.event, step.toState, step.actorId])).toEqual([
          ['WITHDRAW', 'withdrawn', dammam.personId],
        ]);
    });

    it('is empty for a draft nobody moved yet', async () => {
      const draft = await create(dammam, { title: { en: 'Still a draft' } });
      expect(await history(dammam, draft.id)).toEqual([]);
    });
  });

  describe('a draft withdrawn before it was ever submitted', () => {
    const WORD = 'Zephyrwithdrawn';
    let owner: Actor;
    let agendaMeetingId: string;
    let agendaItemId: string;
    /** Houston's draft, withdrawn without a submission, and a proposal withdrawn after its submission. */
    let hidden: string;
    let submitted: string;
    const as = new Map<string, Actor>();

    const created = (title: string) =>
      create(owner, { title: { en: title }, summary: { en: `${WORD} summary` }, meetingId: agendaMeetingId });

    beforeAll(async () => {
      // Houston's delegate heads its delegation here, so that Dammam's observer and board member are outsiders.
      await domain.query(`UPDATE person SET is_head_of_delegation = true WHERE email = 'delegate.houston@demo.majlis'`);
      owner = await domain.actor('delegate.houston@demo.majlis');
      for (const who of ['secretariat', 'delegate.dammam', 'board.dammam', 'observer.dammam', 'board.calgary'])
        as.set(who, await domain.actor(`${who}@demo.majlis`));
      as.set('delegate.houston', owner);
      [{ id: agendaMeetingId }] = await domain.query<Array<{ id: string }>>(
        'SELECT id FROM meeting ORDER BY starts_at DESC, id DESC LIMIT 1',
      );
      const draft = await created(`${WORD} exchange draft`);
      hidden = draft.id;
      const saved = await proposals.saveDraft(owner, hidden, { title: { en: `${WORD} exchange draft, second try` } });
      const item = await domain.get(AgendaService).add(secretariat, {
        meetingId: agendaMeetingId,
        kind: AgendaItemKind.DISCUSSION,
        title: { en: 'Exchange (draft)' },
        proposalId: hidden,
      });
      agendaItemId = item.id;
      await move(owner, hidden, 'WITHDRAW', saved.version);
      const other = await created(`${WORD} submitted then withdrawn`);
      submitted = other.id;
      const afterSubmit = await move(owner, submitted, 'SUBMIT', other.version);
      await move(owner, submitted, 'WITHDRAW', afterSubmit.version);
    });

    describe.each(['delegate.dammam', 'board.dammam', 'observer.dammam', 'board.calgary'])('to %s', (who) => {
      it('does not exist: proposal, revisions and diff are NOT_FOUND', async () => {
        expect(await refusal(proposals.proposal(as.get(who)!, hidden))).toMatchObject({ code: 'NOT_FOUND' });
        expect(await refusal(proposals.diff(as.get(who)!, hidden, 1, 2))).toMatchObject({ code: 'NOT_FOUND' });
      });

      it('is absent from every list and search, while the proposal withdrawn after submission is there', async () => {
        const filters: ProposalFilter[] = [
          {},
          { states: ['withdrawn'] },
          { search: WORD },
          { meetingId: agendaMeetingId },
          { ownerCityId: null },
        ];
        for (const filter of filters) {
          const ids = idsOf(await list(as.get(who)!, filter, { first: 100 }));
          expect({ filter, hidden: ids.includes(hidden) }).toEqual({ filter, hidden: false });
          expect({ filter, submitted: ids.includes(submitted) }).toEqual({ filter, submitted: true });
        }
      });
    });

    describe.each(['delegate.houston', 'secretariat'])('to %s', (who) => {
      it('is there with its revisions, in lists, search and on the agenda', async () => {
        const actor = as.get(who)!;
        const proposal = await proposals.proposal(actor, hidden);
        expect(proposal).toMatchObject({ state: 'withdrawn', submittedAt: null });
        const loaders = proposals.loaders(() => actor);
        expect(await loaders.revisionsOf(proposal)).toHaveLength(2);
        await proposals.diff(actor, hidden, 1, 2);
        expect(idsOf(await list(actor, { search: WORD }, { first: 100 }))).toEqual(
          expect.arrayContaining([hidden, submitted]),
        );
        // An agenda item shows its proposal as the reader's loaders find it.
        const [{ proposalId }] = await domain.query<Array<{ proposalId: string }>>(
          'SELECT proposal_id AS "proposalId" FROM agenda_item WHERE id = $1',
          [agendaItemId],
        );
        expect((await loaders.proposal(proposalId))?.id).toBe(hidden);
      });
    });

    it('keeps its audit trail for the secretariat', async () => {
      expect((await proposals.auditTrail(secretariat, hidden)).length).toBeGreaterThan(0);
    });
  });

  describe('list', () => {
    it('finds Arabic titles whatever the hamza and English ones whatever the case', async () => {
      expect(idsOf(await list(secretariat, { search: 'خطه استراتيجيه' }))).toContain(demoPlanId);
      expect(idsOf(await list(secretariat, { search: 'STRATEGIC PLAN' }))).toEqual([demoPlanId]);
      expect((await list(secretariat, { search: '%' })).totalCount).toBe(0);
    });

    it('filters by city, category, state and meeting, and pages without repeats', async () => {
      for (let index = 0; index < 5; index += 1)
        await create(houston, {
          category: ProposalCategory.GOVERNANCE,
          title: { en: `Houston governance ${index}` },
          meetingId,
        });
      const ownerCityId = cities.get('houston')!;
      const all = await list(secretariat, {
        ownerCityId,
        category: ProposalCategory.GOVERNANCE,
        states: ['draft'],
        meetingId,
      });
      expect(all.totalCount).toBe(5);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await list(
          secretariat,
          { ownerCityId, category: ProposalCategory.GOVERNANCE },
          { first: 2, after },
        );
        seen.push(...idsOf(page));
        after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : null;
      } while (after !== null);
      expect(seen).toEqual(idsOf(all));
    });

    it('lists another city’s drafts to the secretariat only', async () => {
      const filter: ProposalFilter = { ownerCityId: cities.get('dammam'), states: ['draft'] };
      expect((await list(houston, filter)).totalCount).toBe(0);
      expect((await list(secretariat, filter)).totalCount).toBeGreaterThan(0);
    });

    it('refuses an oversized search and a page larger than 100', async () => {
      expect(await refusal(list(secretariat, { search: 'x'.repeat(201) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'search',
      });
      expect(await refusal(list(secretariat, {}, { first: 500 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });
  });
});
