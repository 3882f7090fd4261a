import { plainText } from './text-input';

describe(plainText.name, () => {
  it('keeps a text as typed and treats blank as absent', () => {
    expect(plainText('note', '  أضيفوا الميزانية.  ', 100)).toBe('  أضيفوا الميزانية.  ');
    expect(plainText('note', '   ', 100)).toBeNull();
    expect(plainText('note', undefined, 100)).toBeNull();
  });

  it('refuses what is too long, counting characters, and what PostgreSQL cannot store', () => {
    expect(plainText('note', 'ثلاثة', 5)).toBe('ثلاثة');
    expect(() => plainText('note', 'أربعة!', 5)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'note' }),
    );
    expect(() => plainText('note', 'half\u0000done', 100)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'note', messageKey: 'textControlCharacter' }),
    );
    expect(plainText('note', 'two\nlines\tand a tab', 100)).toBe('two\nlines\tand a tab');
  });

  it('refuses half a surrogate pair, and keeps a whole one', () => {
    for (const broken of ['\ud800', 'a\udc00b', 'end\ud83d'])
      expect(() => plainText('note', broken, 100)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'note', messageKey: 'textLoneSurrogate' }),
      );
    expect(plainText('note', 'مجلس 😀', 100)).toBe('مجلس 😀');
  });
});
