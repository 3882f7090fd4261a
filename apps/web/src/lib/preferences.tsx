import { createContext, useContext, useMemo } from 'react';
import { formatGregorianDate, formatHijriDate, formatTime, splitDuration, type DateFormatting } from './dates';
import { formatNumber, formatPercent, type Digits, type Lang } from './numbers';

export interface Preferences {
  lang: Lang;
  digits: Digits;
  /** The person's zone: chosen in the profile, else the browser's. */
  timeZone: string;
}

export const PreferencesContext = createContext<Preferences>({ lang: 'ar', digits: 'arab', timeZone: 'UTC' });

export function usePreferences(): Preferences {
  return useContext(PreferencesContext);
}

export interface Format {
  number(value: number): string;
  percent(share: number): string;
  /** Gregorian and Hijri (Umm al-Qura) date of a moment, in a zone (the person's by default). */
  dates(iso: string, timeZone?: string): { gregorian: string; hijri: string };
  time(iso: string, timeZone?: string): string;
  duration(milliseconds: number): ReturnType<typeof splitDuration>;
}

export function useFormat(): Format {
  const { lang, digits, timeZone } = usePreferences();
  return useMemo(() => {
    const options = (zone?: string): DateFormatting => ({ lang, digits, timeZone: zone ?? timeZone });
    return {
      number: (value) => formatNumber(value, lang, digits),
      percent: (share) => formatPercent(share, lang, digits),
      dates: (iso, zone) => ({
        gregorian: formatGregorianDate(iso, options(zone)),
        hijri: formatHijriDate(iso, options(zone)),
      }),
      time: (iso, zone) => formatTime(iso, options(zone)),
      duration: splitDuration,
    };
  }, [lang, digits, timeZone]);
}
