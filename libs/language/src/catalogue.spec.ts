import { catalogueProblems, checkCatalogue, formatNumber, hasMessage, message } from './catalogue';

describe('the message catalogue', () => {
  it('has every message in both languages, each plural with the forms its language needs', () => {
    expect(catalogueProblems()).toEqual([]);
    expect(() => checkCatalogue()).not.toThrow();
  });

  it('names what is missing, a wrong set of plural forms and placeholders that differ', () => {
    const problems = catalogueProblems(
      {
        ar: { demo: { only: 'نص', items_one: 'بند واحد', items_other: '{{count}} بند', greet: 'مرحباً {{name}}' } },
        en: {
          demo: { items_one: '{{count}} item', items_other: '{{count}} items', greet: 'Hello {{person}}', blank: ' ' },
        },
      },
      ['ar', 'en'],
      ['demo'],
    );
    expect(problems).toEqual([
      'en/demo.json: blank is empty',
      'ar/demo.json has no "blank", which en has',
      'demo:greet uses {{name}} in ar but {{person}} in en',
      'ar/demo.json "items" has the plural forms [one, other]; ar needs [few, many, one, other, two, zero]',
      'en/demo.json has no "only", which ar has',
    ]);
  });

  it('refuses to render a message it does not have, naming the file', () => {
    expect(hasMessage('ar', 'common:noSuchMessage')).toBe(false);
    expect(() => message('ar', 'common:noSuchMessage')).toThrow(
      'No message "common:noSuchMessage" in libs/language/catalogue/ar/common.json',
    );
  });

  describe('counts in Arabic agree with their number, in the reader’s digits', () => {
    it.each([
      [0, '٠ حرف'],
      [1, 'حرف واحد'],
      [2, 'حرفان'],
      [3, '٣ أحرف'],
      [11, '١١ حرفاً'],
      [100, '١٠٠ حرف'],
      [300, '٣٠٠ حرف'],
      [1300, '١٬٣٠٠ حرف'],
    ])('%i characters read "%s"', (count, expected) => {
      expect(message('ar', 'common:characters', { count })).toBe(expected);
    });

    it('uses Latin digits for a reader who chose them, and English counts in English', () => {
      expect(message({ locale: 'ar', digits: 'latn' }, 'common:characters', { count: 300 })).toBe('300 حرف');
      expect(message('en', 'common:characters', { count: 1 })).toBe('1 character');
      expect(message('en', 'common:characters', { count: 1300 })).toBe('1,300 characters');
    });
  });

  it('writes numbers as Intl does, in both digits, small whole numbers included', () => {
    for (const language of ['ar', 'en'])
      for (const digits of ['arab', 'latn'] as const)
        for (const value of [0, 7, 42, 999, 1000, 1300, 2.5, -3, 1234567.891]) {
          const intl = new Intl.NumberFormat(`${language}-u-nu-${digits}`, { maximumFractionDigits: 2 });
          expect(formatNumber(value, language, digits)).toBe(intl.format(value));
        }
  });
});
