import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import { directionOf, isLang, type Lang } from '../lib/numbers';

const STORED_LANGUAGE = 'majlis.language';

/** Before sign-in: the language last chosen on this browser, else Arabic (the first language). */
export function initialLanguage(): Lang {
  const stored = globalThis.localStorage?.getItem(STORED_LANGUAGE);
  return isLang(stored) ? stored : 'ar';
}

export function currentLanguage(): Lang {
  return isLang(i18next.language) ? i18next.language : 'ar';
}

/** Switches the interface, <html lang/dir> and what this browser remembers before sign-in. */
export async function applyLanguage(lang: Lang): Promise<void> {
  globalThis.localStorage?.setItem(STORED_LANGUAGE, lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

export const i18n = i18next;

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
void i18next.use(initReactI18next).init({
  initAsync: false,
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();
document.documentElement.dir = directionOf(currentLanguage());
