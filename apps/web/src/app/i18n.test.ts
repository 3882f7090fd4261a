import { beforeEach, describe, expect, it } from 'vitest';
import { applyDigits, i18n } from './i18n';

const COUNTS = [0, 1, 2, 3, 11, 100, 300] as const;

function inArabic(key: string, values: Record<string, number>): string {
  return i18n.t(key, { lng: 'ar', ...values });
}

function inEnglish(key: string, values: Record<string, number>): string {
  return i18n.t(key, { lng: 'en', ...values });
}

describe('counts in the web client, through its own i18n set-up', () => {
  beforeEach(() => applyDigits(null));

  describe('in Arabic the noun agrees with the number, in Arabic-Indic digits', () => {
    it.each([
      [0, 'لا أعضاء يحق لهم التصويت'],
      [1, 'صوّت ٠ من عضو واحد'],
      [2, 'صوّت ٠ من عضوين'],
      [3, 'صوّت ٠ من ٣ أعضاء'],
      [11, 'صوّت ٠ من ١١ عضواً'],
      [100, 'صوّت ٠ من ١٠٠ عضو'],
      [300, 'صوّت ٠ من ٣٠٠ عضو'],
    ])('turnout with %i eligible members reads "%s"', (count, expected) => {
      expect(inArabic('ballot.turnout', { cast: 0, count })).toBe(expected);
    });

    it('writes the known "0 of 1" turnout without a plural noun after one', () => {
      expect(inArabic('ballot.turnout', { cast: 0, count: 1 })).not.toContain('أعضاء');
    });

    it.each([
      ['plan.itemCount', ['لا بنود', 'بند واحد', 'بندان', '٣ بنود', '١١ بنداً', '١٠٠ بند', '٣٠٠ بند']],
      [
        'plan.overdueCount',
        [
          'لا بنود متأخرة',
          'بند واحد متأخر',
          'بندان متأخران',
          '٣ بنود متأخرة',
          '١١ بنداً متأخراً',
          '١٠٠ بند متأخر',
          '٣٠٠ بند متأخر',
        ],
      ],
      [
        'header.notifications',
        [
          'الإشعارات: لا إشعارات غير مقروءة',
          'الإشعارات: إشعار واحد غير مقروء',
          'الإشعارات: إشعاران غير مقروءين',
          'الإشعارات: ٣ إشعارات غير مقروءة',
          'الإشعارات: ١١ إشعاراً غير مقروء',
          'الإشعارات: ١٠٠ إشعار غير مقروء',
          'الإشعارات: ٣٠٠ إشعار غير مقروء',
        ],
      ],
      ['countdown.days', ['٠ يوم', 'يوم واحد', 'يومين', '٣ أيام', '١١ يوماً', '١٠٠ يوم', '٣٠٠ يوم']],
      ['countdown.hours', ['٠ ساعة', 'ساعة واحدة', 'ساعتين', '٣ ساعات', '١١ ساعة', '١٠٠ ساعة', '٣٠٠ ساعة']],
      ['countdown.minutes', ['٠ دقيقة', 'دقيقة واحدة', 'دقيقتين', '٣ دقائق', '١١ دقيقة', '١٠٠ دقيقة', '٣٠٠ دقيقة']],
      ['countdown.seconds', ['٠ ثانية', 'ثانية واحدة', 'ثانيتين', '٣ ثوانٍ', '١١ ثانية', '١٠٠ ثانية', '٣٠٠ ثانية']],
      [
        'password.ruleLength',
        [
          'من ٠ حرف على الأقل',
          'من حرف واحد على الأقل',
          'من حرفين على الأقل',
          'من ٣ أحرف على الأقل',
          'من ١١ حرفاً على الأقل',
          'من ١٠٠ حرف على الأقل',
          'من ٣٠٠ حرف على الأقل',
        ],
      ],
    ])('%s at 0, 1, 2, 3, 11, 100 and 300', (key, expected) => {
      expect(COUNTS.map((count) => inArabic(key, { count }))).toEqual(expected);
    });
  });

  describe('in English, one and other', () => {
    it.each([
      [
        'ballot.turnout',
        { cast: 0 },
        ['0 of 0 members have voted', '0 of 1 member has voted', '0 of 2 members have voted'],
      ],
      ['plan.itemCount', {}, ['0 items', '1 item', '2 items']],
      ['countdown.days', {}, ['0 days', '1 day', '2 days']],
      ['password.ruleLength', {}, ['at least 0 characters', 'at least 1 character', 'at least 2 characters']],
    ] as const)('%s', (key, values, expected) => {
      expect([0, 1, 2].map((count) => inEnglish(key, { ...values, count }))).toEqual(expected);
      expect(inEnglish(key, { ...values, count: 1300 })).toContain('1,300');
    });
  });

  describe('numbers in the reader’s digits, set in one place', () => {
    it('writes every number in a message in the language’s own digits by default', () => {
      expect(inArabic('ballot.turnout', { cast: 3, count: 7 })).toBe('صوّت ٣ من ٧ أعضاء');
      expect(inArabic('people.range', { from: 1, to: 20, total: 1300 })).toBe('١–٢٠ من ١٬٣٠٠');
      expect(inEnglish('people.range', { from: 1, to: 20, total: 1300 })).toBe('1–20 of 1,300');
    });

    it('follows the person’s chosen digits in every message until they change them again', () => {
      applyDigits('latn');
      expect(inArabic('ballot.turnout', { cast: 3, count: 7 })).toBe('صوّت 3 من 7 أعضاء');
      expect(inArabic('plan.progressValue', { value: 40 })).toBe('40٪');
      applyDigits('arab');
      expect(inEnglish('plan.itemCount', { count: 11 })).toBe('١١ items');
      applyDigits(null);
      expect(inArabic('plan.progressValue', { value: 40 })).toBe('٤٠٪');
    });
  });
});
