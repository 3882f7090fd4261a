import { describe, expect, it } from 'vitest';
import { pickText } from './localized';
import { safeNext } from './next-path';

describe(pickText.name, () => {
  const both = { ar: 'خطة إستراتيجية', en: 'A strategic plan', authoritative: 'ar' } as const;

  it('gives the text in the language asked for', () => {
    expect(pickText(both, 'ar')).toEqual({ text: 'خطة إستراتيجية', lang: 'ar', isFallback: false });
    expect(pickText(both, 'en')).toEqual({ text: 'A strategic plan', lang: 'en', isFallback: false });
  });

  it('falls back to the other language and says so, with that language', () => {
    expect(pickText({ en: 'English original', authoritative: 'en' }, 'ar')).toEqual({
      text: 'English original',
      lang: 'en',
      isFallback: true,
    });
  });

  it('treats a blank text as missing', () => {
    expect(pickText({ ar: '   ', en: 'Only English', authoritative: 'en' }, 'ar')?.isFallback).toBe(true);
    expect(pickText({ ar: '', en: null, authoritative: 'ar' }, 'en')).toBeNull();
  });
});

describe(safeNext.name, () => {
  it('returns to a page of this app after sign-in', () => {
    expect(safeNext('/ballots/8c1d?tab=rules')).toBe('/ballots/8c1d?tab=rules');
  });

  it('never leads to another site', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', null]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
