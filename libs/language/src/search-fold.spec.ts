import { foldForSearch, searchableText } from './search-fold';

describe(foldForSearch.name, () => {
  it('finds Arabic words whatever their hamza, taa marbuta or diacritics', () => {
    expect(foldForSearch('الخطة الإستراتيجية')).toBe(foldForSearch('الخطه الاستراتيجيه'));
    expect(foldForSearch('مَجْلِسُ الإدارة')).toBe(foldForSearch('مجلس الادارة'));
  });

  it('ignores case and runs of spaces in English', () => {
    expect(foldForSearch('  Strategic   PLAN ')).toBe('strategic plan');
  });
});

describe(searchableText.name, () => {
  it('joins both languages of every text and skips missing ones', () => {
    const text = searchableText({ ar: 'خطة', en: 'Plan', authoritative: 'ar' }, null, {
      en: 'Summary',
      authoritative: 'en',
    });
    expect(text).toBe('خطه plan summary');
  });
});
