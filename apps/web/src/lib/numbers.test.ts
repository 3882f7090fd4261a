import { describe, expect, it } from 'vitest';
import { defaultDigits, formatNumber, formatPercent, parseNumber, toLatinDigits } from './numbers';

describe('digits', () => {
  it('writes numbers in Arabic-Indic digits when the person chose them', () => {
    expect(formatNumber(1448, 'ar', 'arab')).toBe('١٬٤٤٨');
    expect(formatNumber(3, 'ar', 'arab')).toBe('٣');
  });

  it('writes numbers in Latin digits in Arabic when the person chose those', () => {
    expect(formatNumber(1448, 'ar', 'latn')).toBe('1,448');
  });

  it('writes a share as a percentage in the chosen digits', () => {
    expect(formatPercent(0.4, 'en', 'latn')).toBe('40%');
    expect(formatPercent(0.4, 'ar', 'arab')).toMatch(/٤٠/);
  });

  it('defaults to Arabic-Indic digits in Arabic and Latin in English', () => {
    expect(defaultDigits('ar')).toBe('arab');
    expect(defaultDigits('en')).toBe('latn');
  });

  it('reads a number typed in either digits', () => {
    expect(parseNumber('٤٢')).toBe(42);
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber('۴۲')).toBe(42);
    expect(parseNumber('٣٫٥')).toBe(3.5);
    expect(parseNumber('١٬٠٠٠')).toBe(1000);
    expect(parseNumber(' 7 ')).toBe(7);
  });

  it('refuses what is not a number', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('4٢x')).toBeNull();
  });

  it('turns mixed digits into Latin ones and leaves other text', () => {
    expect(toLatinDigits('الجلسة ٣ من 5')).toBe('الجلسة 3 من 5');
  });
});
