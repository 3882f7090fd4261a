import { badInput } from '@majlis/language';
import { Role } from '@majlis/domain';
import { refusalReader } from '../src/graphql/graphql-context';

const actor = { personId: 'p', roles: [Role.DELEGATE], memberCityId: null, isHeadOfDelegation: false } as const;

describe('who reads a refusal', () => {
  const refusal = badInput('input.title.ar', 'textTooLong', { max: 300, length: 301 });

  it('is the signed-in person, in their language and the digits they chose', () => {
    const reader = refusalReader({ session: { actor: { ...actor, locale: 'ar', digits: 'latn' } }, locale: 'en' });
    expect(reader).toEqual({ locale: 'ar', digits: 'latn' });
    expect(refusal.localizedMessage(reader)).toBe('العنوان بالعربية: الحد الأقصى 300 حرف (النص المدخل 301 حرف).');
  });

  it("is the signed-in person in their language's own digits when they chose none", () => {
    const reader = refusalReader({ session: { actor: { ...actor, locale: 'ar' } }, locale: undefined });
    expect(refusal.localizedMessage(reader)).toBe('العنوان بالعربية: الحد الأقصى ٣٠٠ حرف (النص المدخل ٣٠١ حرف).');
  });

  it("is the request's language when nobody is signed in, else English", () => {
    expect(refusalReader({ session: {}, locale: 'ar' })).toEqual({ locale: 'ar' });
    expect(refusalReader({ session: {}, locale: undefined })).toEqual({ locale: 'en' });
    expect(refusalReader(undefined)).toEqual({ locale: 'en' });
  });
});
