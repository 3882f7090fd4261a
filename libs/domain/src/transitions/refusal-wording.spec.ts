import { notFound, plainText, type DomainError } from '@majlis/language';
import { invalidTransition } from './transition-rules';

/** The refusal `act` throws. */
function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('refusals read as a person writes them (golden)', () => {
  // A text limit of `max` characters, refused for a text one character longer, through the real input path.
  const tooLong = (max: number): DomainError => refusalOf(() => plainText('input.title.ar', 'م'.repeat(max + 1), max));

  it.each([
    [0, 'العنوان بالعربية: الحد الأقصى ٠ حرف (النص المدخل حرف واحد).'],
    [1, 'العنوان بالعربية: الحد الأقصى حرف واحد (النص المدخل حرفان).'],
    [2, 'العنوان بالعربية: الحد الأقصى حرفان (النص المدخل ٣ أحرف).'],
    [3, 'العنوان بالعربية: الحد الأقصى ٣ أحرف (النص المدخل ٤ أحرف).'],
    [11, 'العنوان بالعربية: الحد الأقصى ١١ حرفاً (النص المدخل ١٢ حرفاً).'],
    [100, 'العنوان بالعربية: الحد الأقصى ١٠٠ حرف (النص المدخل ١٠١ حرف).'],
    [300, 'العنوان بالعربية: الحد الأقصى ٣٠٠ حرف (النص المدخل ٣٠١ حرف).'],
  ])('a text limit of %i characters, in Arabic', (max, expected) => {
    const refusal = tooLong(max);
    expect(refusal.localizedMessage('ar')).toBe(expected);
    expect(refusal.field).toBe('input.title.ar');
  });

  it.each([
    [0, 'Title (Arabic): at most 0 characters (the text has 1 character).'],
    [1, 'Title (Arabic): at most 1 character (the text has 2 characters).'],
    [2, 'Title (Arabic): at most 2 characters (the text has 3 characters).'],
    [3, 'Title (Arabic): at most 3 characters (the text has 4 characters).'],
    [11, 'Title (Arabic): at most 11 characters (the text has 12 characters).'],
    [100, 'Title (Arabic): at most 100 characters (the text has 101 characters).'],
    [300, 'Title (Arabic): at most 300 characters (the text has 301 characters).'],
  ])('a text limit of %i characters, in English', (max, expected) => {
    expect(tooLong(max).localizedMessage('en')).toBe(expected);
  });

  it('writes the numbers in the digits the reader chose', () => {
    expect(tooLong(300).localizedMessage({ locale: 'ar', digits: 'latn' })).toBe(
      'العنوان بالعربية: الحد الأقصى 300 حرف (النص المدخل 301 حرف).',
    );
  });

  it('names the state, the refused event and what is possible now, in words', () => {
    const refusal = invalidTransition('proposal', 'approved', 'SUBMIT', ['WITHDRAW']);
    expect(refusal.localizedMessage('ar')).toBe('هذا المقترح معتمد، ولا يمكن تقديمه؛ الممكن الآن: السحب.');
    expect(refusal.localizedMessage('en')).toBe(
      'This proposal is in the state "Approved", so you cannot submit it; possible now: withdraw.',
    );
    const meeting = invalidTransition('meeting', 'planned', 'ADJOURN', ['PUBLISH_AGENDA', 'CANCEL']);
    expect(meeting.localizedMessage('ar')).toBe(
      'هذا الاجتماع مخطط له، ولا يمكن رفع جلسته؛ الممكن الآن: نشر جدول الأعمال أو الإلغاء.',
    );
    expect(meeting.localizedMessage('en')).toBe(
      'This meeting is in the state "Planned", so you cannot adjourn it; possible now: publish the agenda or cancel.',
    );
    const item = invalidTransition('actionItem', 'verified', 'START', []);
    expect(item.localizedMessage('ar')).toBe('بند المتابعة هذا مُتحقَّق منه، ولا يمكن بدء تنفيذه؛ ولا خطوة ممكنة الآن.');
    expect(item.localizedMessage('en')).toBe(
      'This action item is in the state "Verified", so you cannot start work on it; no step is possible now.',
    );
  });

  it('names the kind of record with its gender, the id quoted, and the field when it is not the id', () => {
    expect(notFound('proposal', 'f3c1').localizedMessage('ar')).toBe('لا يوجد مقترح بالمعرّف «f3c1».');
    expect(notFound('proposal', 'f3c1').localizedMessage('en')).toBe('There is no proposal with the id "f3c1".');
    expect(notFound('implementationPlan', 'f3c1', 'planId').localizedMessage('ar')).toBe(
      'خطة التنفيذ: لا توجد خطة تنفيذ بالمعرّف «f3c1».',
    );
    expect(notFound('implementationPlan', 'f3c1', 'planId').localizedMessage('en')).toBe(
      'Implementation plan: there is no implementation plan with the id "f3c1".',
    );
    expect(notFound('ballot', 'b9', 'ballotId').field).toBe('ballotId');
  });
});
