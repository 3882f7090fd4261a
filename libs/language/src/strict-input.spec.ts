import { checkedString, parseDay, parseInstant } from './strict-input';

describe(checkedString.name, () => {
  it('keeps any text without NUL or a lone surrogate, emoji and Arabic included', () => {
    expect(checkedString('title', 'خطة 🌍 plan\t\n')).toBe('خطة 🌍 plan\t\n');
  });

  it.each([
    ['a NUL', 'a\u0000b', 'textControlCharacter'],
    ['a lone high surrogate', 'a\uD83D', 'textLoneSurrogate'],
    ['a lone low surrogate', '\uDE00b', 'textLoneSurrogate'],
    ['reversed surrogates', '\uDE00\uD83D', 'textLoneSurrogate'],
  ])('refuses %s naming the field', (_, value, messageKey) => {
    expect(() => checkedString('input.title.ar', value)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.title.ar', messageKey }),
    );
  });
});

describe(parseInstant.name, () => {
  it.each([
    ['2026-03-07T09:00:00Z', '2026-03-07T09:00:00.000Z'],
    ['2026-03-07T12:00:00+03:00', '2026-03-07T09:00:00.000Z'],
    ['2026-03-06T23:30-09:30', '2026-03-07T09:00:00.000Z'],
    ['2028-02-29T00:00:00.123456z', '2028-02-29T00:00:00.123Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (value, utc) => {
    expect(parseInstant('startsAt', value).toISOString()).toBe(utc);
  });

  it.each([
    ['2026-02-30T09:00:00Z'],
    ['2027-02-29T09:00:00Z'],
    ['March 7, 2026'],
    ['2026-03-07T09:00:00'],
    ['2026-03-07'],
    ['2026-03-07T24:00:00Z'],
    ['2026-03-07T09:60:00Z'],
    ['2026-03-07T09:00:00+3'],
    [' 2026-03-07T09:00:00Z'],
    [1772874000000],
  ])('refuses %s', (value) => {
    expect(() => parseInstant('input.startsAt', value)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.startsAt', messageKey: 'invalidDate' }),
    );
  });
});

describe(parseDay.name, () => {
  it('keeps a day that exists', () => {
    expect(parseDay('dueDate', '2028-02-29')).toBe('2028-02-29');
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['2026-3-7'], ['7 March 2026'], ['2026-03-07T00:00:00Z']])(
    'refuses %s',
    (value) => {
      expect(() => parseDay('dueDate', value)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'dueDate', messageKey: 'invalidDay' }),
      );
    },
  );
});
