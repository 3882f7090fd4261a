import { localeFromAcceptLanguage, resolveText } from './localized-text';

describe(resolveText.name, () => {
  const both = { ar: 'الدمام', en: 'Dammam', authoritative: 'ar' as const };

  it('returns the requested language', () => {
    expect(resolveText(both, 'en')).toEqual({ text: 'Dammam', language: 'en', isFallback: false });
  });

  it('returns the authoritative language when none is requested', () => {
    expect(resolveText(both)).toEqual({ text: 'الدمام', language: 'ar', isFallback: false });
  });

  it('falls back to the other language and says so', () => {
    expect(resolveText({ en: 'Houston', authoritative: 'en' }, 'ar')).toEqual({
      text: 'Houston',
      language: 'en',
      isFallback: true,
    });
  });
});

describe(localeFromAcceptLanguage.name, () => {
  it.each([
    ['ar-SA,en;q=0.8', 'ar'],
    ['fr-FR,en;q=0.5,ar;q=0.4', 'en'],
    ['en;q=0.2, ar;q=0.9', 'ar'],
    ['fr', undefined],
    [undefined, undefined],
    ['ar;q=0', undefined],
  ])('reads %s as %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
