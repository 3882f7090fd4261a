import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTERPOLATION, NAMESPACES, NUMBER_FORMATTER, RESOURCES } from '@majlis/catalogue';
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
// The catalogue is the server's too (libs/language/catalogue); the client's own messages are its `web`
// namespace, and it names states, events and fields from the shared namespaces.
void i18next
  .use(initReactI18next)
  .use(NUMBER_FORMATTER)
  .init({
    initAsync: false,
    resources: RESOURCES,
    ns: [...NAMESPACES],
    defaultNS: 'web',
    lng: initialLanguage(),
    fallbackLng: false,
    interpolation: INTERPOLATION,
    returnNull: false,
  });
document.documentElement.lang = currentLanguage();
document.documentElement.dir = directionOf(currentLanguage());
