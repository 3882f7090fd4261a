import { textLanguage } from './text-language';

describe(textLanguage.name, () => {
  it('takes the language named over the text', () => {
    expect(textLanguage('Budget approved', 'ar', 'en')).toBe('ar');
  });

  it.each([
    ['اكتمل التدريب الأول في الدمام', 'en', 'ar'],
    ['تم إنجاز 50% من مؤشرات KPI', 'en', 'ar'],
    ['First training cohort completed', 'ar', 'en'],
    ['Met the team of فريق', 'ar', 'en'],
    ['Étape terminée', 'ar', 'en'],
  ])('reads %s as written in the script of most of its letters', (text, writer, language) => {
    expect(textLanguage(text, undefined, writer as 'ar' | 'en')).toBe(language);
  });

  it("falls back to the writer's language when the text has no letters or none at all", () => {
    expect(textLanguage('75% — 2026-03-07', null, 'ar')).toBe('ar');
    expect(textLanguage(null, null, 'en')).toBe('en');
    expect(textLanguage('ab سس', null, 'en')).toBe('en');
  });
});
