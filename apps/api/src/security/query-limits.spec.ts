import { queryTooComplexMessage } from './query-limits';

describe(queryTooComplexMessage.name, () => {
  const tail = 'قسّمه إلى طلبات أصغر؛ لم يُنفَّذ شيء.';

  it.each([
    [0, '٠ مستوى من التداخل'],
    [1, 'مستوى واحد من التداخل'],
    [2, 'مستويان من التداخل'],
    [3, '٣ مستويات من التداخل'],
    [10, '١٠ مستويات من التداخل'],
    [11, '١١ مستوىً من التداخل'],
    [100, '١٠٠ مستوى من التداخل'],
  ])('names a depth of %i in Arabic that agrees with its number: "%s"', (max, limit) => {
    expect(queryTooComplexMessage('depth', max, 'ar')).toBe(`الطلب أكبر مما يُسمح به: الحد الأقصى ${limit}. ${tail}`);
  });

  it('names every limit in Arabic words, with the number in Arabic digits', () => {
    expect(queryTooComplexMessage('aliases', 15, 'ar')).toContain('الحد الأقصى ١٥ اسماً مستعاراً للحقول.');
    expect(queryTooComplexMessage('tokens', 5000, 'ar')).toContain('الحد الأقصى ٥٬٠٠٠ رمز في نص الطلب.');
    expect(queryTooComplexMessage('directives', 2, 'ar')).toContain('الحد الأقصى توجيهان في الطلب.');
    expect(queryTooComplexMessage('cost', 3, 'ar')).toContain('الحد الأقصى ٣ نقاط من الكلفة');
    expect(queryTooComplexMessage('repeats', 1, 'ar')).toContain('الحد الأقصى مرة واحدة لحقل القائمة نفسه');
  });

  it('reads in English, singular and plural', () => {
    expect(queryTooComplexMessage('depth', 1, 'en')).toBe(
      'The query is larger than allowed: at most 1 level of nesting. Split it into smaller queries; nothing was run.',
    );
    expect(queryTooComplexMessage('aliases', 1500, 'en')).toContain('at most 1,500 aliases.');
  });
});
