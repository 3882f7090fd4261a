import { describe, expect, it } from 'vitest';
import {
  dayAsInstant,
  formatGregorianDate,
  formatHijriDate,
  formatTime,
  isValidTimeZone,
  splitDuration,
} from './dates';

const riyadhAr = { lang: 'ar', digits: 'arab', timeZone: 'Asia/Riyadh' } as const;
const riyadhEn = { lang: 'en', digits: 'latn', timeZone: 'Asia/Riyadh' } as const;

describe('dates in both calendars', () => {
  it('gives the Umm al-Qura date of the first of Muharram 1447 (26 June 2025)', () => {
    expect(formatHijriDate('2025-06-26T12:00:00Z', riyadhAr)).toBe('١ محرم ١٤٤٧ هـ');
    expect(formatHijriDate('2025-06-26T12:00:00Z', riyadhEn)).toBe('Muharram 1, 1447 AH');
  });

  it('gives the first of Ramadan 1447 as 18 February 2026', () => {
    expect(formatHijriDate('2026-02-18T12:00:00Z', riyadhEn)).toBe('Ramadan 1, 1447 AH');
    expect(formatGregorianDate('2026-02-18T12:00:00Z', riyadhAr)).toBe('١٨ فبراير ٢٠٢٦');
  });

  it('keeps Latin digits in Arabic when the person chose them', () => {
    expect(formatGregorianDate('2026-02-18T12:00:00Z', { ...riyadhAr, digits: 'latn' })).toBe('18 فبراير 2026');
    expect(formatHijriDate('2026-02-18T12:00:00Z', { ...riyadhAr, digits: 'latn' })).toBe('1 رمضان 1447 هـ');
  });

  it('shows the same moment on the day it is in the zone asked for', () => {
    const lateInHouston = '2026-03-01T03:00:00Z';
    expect(formatGregorianDate(lateInHouston, { ...riyadhEn, timeZone: 'America/Chicago' })).toBe('February 28, 2026');
    expect(formatGregorianDate(lateInHouston, riyadhEn)).toBe('March 1, 2026');
  });

  it('gives the time in the zone asked for, naming the zone', () => {
    expect(formatTime('2026-11-30T15:00:00Z', { lang: 'en', digits: 'latn', timeZone: 'Asia/Riyadh' })).toBe(
      '6:00 PM Arabian Standard Time',
    );
    expect(formatTime('2026-11-30T15:00:00Z', { lang: 'en', digits: 'latn', timeZone: 'America/Chicago' })).toBe(
      '9:00 AM Central Time',
    );
    expect(formatTime('2026-11-30T15:00:00Z', { lang: 'ar', digits: 'arab', timeZone: 'America/Chicago' })).toBe(
      '٩:٠٠ ص التوقيت المركزي لأمريكا الشمالية',
    );
  });

  it('reads a calendar day without letting a zone move it', () => {
    expect(formatGregorianDate(dayAsInstant('2026-12-10'), { ...riyadhEn, timeZone: 'Pacific/Auckland' })).toBe(
      'December 11, 2026',
    );
    expect(formatGregorianDate(dayAsInstant('2026-12-10'), { ...riyadhEn, timeZone: 'UTC' })).toBe('December 10, 2026');
  });

  it('tells a real time zone from a made-up one', () => {
    expect(isValidTimeZone('Asia/Riyadh')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('splits the time left into days, hours, minutes and seconds, never negative', () => {
    expect(splitDuration(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
    expect(splitDuration(-5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});
