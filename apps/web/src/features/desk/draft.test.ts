import { describe, expect, it } from 'vitest';
import { changedFields, codePointLength, draftInput, draftOf, emptyDraft, overLimit, type Draft } from './draft';

const served: Draft = {
  title: { ar: 'خطة إستراتيجية', en: 'A strategic plan' },
  summary: { ar: 'زيادة مجالات التعاون بين المدن الأعضاء', en: '' },
  body: { ar: 'النص', en: 'The text' },
  authoritative: 'ar',
};

describe('codePointLength', () => {
  it('counts characters as the server does: code points, not UTF-16 units', () => {
    expect(codePointLength('تجمع')).toBe(4);
    expect(codePointLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(codePointLength('𝔸𝔹 ab')).toBe(5);
    expect(codePointLength('')).toBe(0);
  });

  it('says a title is over the limit only past 300 code points', () => {
    expect(overLimit('title', 'ب'.repeat(300))).toBe(false);
    expect(overLimit('title', 'ب'.repeat(301))).toBe(true);
    expect(overLimit('title', '😀'.repeat(300))).toBe(false);
    expect(overLimit('title', '😀'.repeat(301))).toBe(true);
    expect(overLimit('summary', 'a'.repeat(4001))).toBe(true);
  });
});

describe('changedFields', () => {
  it('is empty when nothing changed', () => {
    expect(changedFields(served, structuredClone(served))).toEqual({});
  });

  it('sends only the language of the field that changed, with the authoritative language', () => {
    const draft = structuredClone(served);
    draft.body.en = 'The English text, revised';
    expect(changedFields(served, draft)).toEqual({ body: { en: 'The English text, revised', authoritative: 'ar' } });
  });

  it('clears an emptied language with null and leaves languages blank on both sides out', () => {
    const draft = structuredClone(served);
    draft.body.en = '  ';
    draft.summary.en = '';
    expect(changedFields(served, draft)).toEqual({ body: { en: null, authoritative: 'ar' } });
  });

  it('names a newly chosen authoritative language on every field that has text in it', () => {
    const draft = { ...structuredClone(served), authoritative: 'en' as const };
    expect(changedFields(served, draft)).toEqual({
      title: { authoritative: 'en' },
      body: { authoritative: 'en' },
    });
  });

  it('does not name an authoritative language the field has no text in (the server would refuse it)', () => {
    const draft = { ...structuredClone(served), authoritative: 'en' as const };
    draft.summary.ar = 'ملخص جديد';
    expect(changedFields(served, draft).summary).toEqual({ ar: 'ملخص جديد' });
  });
});

describe('draftInput and draftOf', () => {
  it('leaves empty fields and languages out of a new proposal', () => {
    const draft = emptyDraft('ar');
    draft.title.ar = 'خطة';
    expect(draftInput(draft)).toEqual({ title: { ar: 'خطة', authoritative: 'ar' } });
  });

  it('reads served texts, taking the authoritative language from the title', () => {
    expect(
      draftOf(
        {
          title: { ar: null, en: 'Plan', authoritative: 'en' },
          summary: null,
          body: { ar: 'نص', authoritative: 'ar' },
        },
        'ar',
      ),
    ).toEqual({
      title: { ar: '', en: 'Plan' },
      summary: { ar: '', en: '' },
      body: { ar: 'نص', en: '' },
      authoritative: 'en',
    });
  });
});
