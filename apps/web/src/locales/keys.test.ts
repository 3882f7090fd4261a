import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: object, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') keys.set(key, value);
    else for (const [inner, text] of flatten(value as object, key)) keys.set(inner, text);
  }
  return keys;
}

const arabic = flatten(ar);
const english = flatten(en);
const base = (keys: Map<string, string>) => new Set([...keys.keys()].map((key) => key.replace(PLURAL, '')));

describe('translations', () => {
  it('have the same keys in Arabic and English (plural forms aside)', () => {
    expect([...base(arabic)].sort()).toEqual([...base(english)].sort());
  });

  it('give every Arabic plural all six forms and every English one its two', () => {
    const plurals = [...base(english)].filter((key) => english.has(`${key}_other`));
    expect(plurals.length).toBeGreaterThan(0);
    for (const key of plurals) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
        expect(arabic.has(`${key}_${form}`)).toBe(true);
      for (const form of ['one', 'other']) expect(english.has(`${key}_${form}`)).toBe(true);
    }
  });

  it('leave no text empty', () => {
    for (const [key, text] of [...arabic, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of english) {
      if (PLURAL.test(key)) continue;
      expect(placeholders(arabic.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});
