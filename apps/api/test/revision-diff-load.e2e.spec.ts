import { ARABIC_WORDS as ARABIC, ENGLISH_WORDS as ENGLISH, sampleText as body } from '@majlis/testing';
import { ApiHarness, Caller, ok, startApi } from './api-harness';

const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const SAVE = `mutation($id: ID!, $input: SaveProposalDraftInput!) { saveProposalDraft(id: $id, input: $input) { id } }`;
const DIFF = `query($id: ID!) {
  proposal(id: $id) { diff(from: 1, to: 2) { coarse fields { field language coarse segments { kind text } } } }
}`;

interface DiffAnswer {
  proposal: {
    diff: {
      coarse: boolean;
      fields: Array<{
        field: string;
        language: string;
        coarse: boolean;
        segments: Array<{ kind: string; text: string }>;
      }>;
    };
  };
}

/**
 * Point 2 of the security issue: the diff of the largest bodies allowed (100,000 characters in each
 * language), unlike each other, falls back to a coarser comparison that says so, and the server keeps
 * answering other requests while it computes.
 */
describe('the revision diff of the largest bodies', () => {
  let api: ApiHarness;
  let asDelegate: Caller;
  let proposalId: string;
  const before = { ar: body(1, 100_000, ARABIC), en: body(2, 100_000, ENGLISH) };
  const after = { ar: body(3, 100_000, ARABIC), en: body(4, 100_000, ENGLISH) };

  beforeAll(async () => {
    api = await startApi({ workersInApi: false });
    // The delegate reads Arabic: the language their calls carried before they named one.
    asDelegate = await api.as('delegate.dammam', 'ar');
    const created = await ok<{ createProposal: { id: string } }>(asDelegate, CREATE, {
      input: {
        category: 'STRATEGIC_PLAN',
        title: { ar: 'الخطة', en: 'The plan', authoritative: 'ar' },
        body: { ...before, authoritative: 'ar' },
      },
    });
    proposalId = created.createProposal.id;
    await ok(asDelegate, SAVE, {
      id: proposalId,
      input: { title: { ar: 'الخطة', en: 'The plan', authoritative: 'ar' }, body: { ...after, authoritative: 'ar' } },
    });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('falls back to a line-by-line comparison and says so, field by field', async () => {
    const answer = await asDelegate<DiffAnswer>(DIFF, { id: proposalId });
    expect(answer.errors).toBeUndefined();
    const diff = answer.data!.proposal.diff;
    expect(diff.coarse).toBe(true);
    const bodies = diff.fields.filter((field) => field.field === 'body');
    expect(bodies.map((field) => [field.language, field.coarse])).toEqual([
      ['ar', true],
      ['en', true],
    ]);
    for (const field of bodies) {
      const language = field.language as 'ar' | 'en';
      const side = (kind: string) =>
        field.segments
          .filter((s) => s.kind === 'equal' || s.kind === kind)
          .map((s) => s.text)
          .join('');
      expect(side('delete')).toBe(before[language]);
      expect(side('insert')).toBe(after[language]);
    }
    expect(diff.fields.find((field) => field.field === 'title')?.coarse).toBe(false);
  });

  it('keeps answering /health while the diff is being computed', async () => {
    let diffDone = false;
    const diff = asDelegate<DiffAnswer>(DIFF, { id: proposalId }).then((answer) => {
      diffDone = true;
      return answer;
    });
    // One /health after another until the diff is done. Were the diff to hold the event loop, at most the
    // one or two asked while its revisions are read could answer; computed in slices, /health answers
    // all along (dozens of times here).
    let answeredWhileDiffing = 0;
    while (!diffDone) {
      const health = await api.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBeLessThan(500);
      if (!diffDone) answeredWhileDiffing++;
    }
    expect((await diff).errors).toBeUndefined();
    expect(answeredWhileDiffing).toBeGreaterThanOrEqual(10);
  });
});
