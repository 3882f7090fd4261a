import { describe, expect, it } from 'vitest';
import { countryChoices, countryName, timeZoneChoices, todayIn } from './choices';

describe('choices', () => {
  it('names time zones in the reader language, keeping the IANA identifier', () => {
    const riyadh = timeZoneChoices('en').find((choice) => choice.value === 'Asia/Riyadh');
    expect(riyadh?.label).toMatch(/Asia\/Riyadh$/);
    const arabic = timeZoneChoices('ar').find((choice) => choice.value === 'Asia/Riyadh');
    expect(arabic?.label).toMatch(/[\u0600-\u06FF]/);
  });

  it('lists countries by their ISO code, without regions such as the EU', () => {
    const codes = countryChoices('en').map((choice) => choice.value);
    expect(codes).toContain('SA');
    expect(codes).toContain('NO');
    expect(codes).not.toContain('EU');
    expect(countryName('SA', 'ar')).toBe('المملكة العربية السعودية');
  });

  it('gives today as a calendar day', () => {
    expect(todayIn('Asia/Riyadh')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
