import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTERPOLATION, NAMESPACES, NUMBER_FORMATTER, RESOURCES } from '@majlis/catalogue';
import { directionOf, isLang, type Digits, type Lang } from '../lib/numbers';

const STORED_LANGUAGE = 'majlis.language';
/** Emitted when the reader's digits change; react-i18next re-renders on it as on a language change. */
const DIGITS_CHANGED = 'digitsChanged';

/** Before sign-in: the language last chosen on this browser, else Arabic (the first language). */
export function initialLanguage(): Lang {
  const stored = globalThis.localStorage?.getItem(STORED_LANGUAGE);
  return isLang(stored) ? stored : 'ar';
}

export function currentLanguage(): Lang {
  return isLang(i18next.language) ? i18next.language : 'ar';
}

function markDocument(lang: Lang): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

const languageListeners = new Set<(lang: Lang) => void>();

/** Called after every language switch (toasts that cannot follow it close). */
export function onLanguageSwitch(listener: (lang: Lang) => void): () => void {
  languageListeners.add(listener);
  return () => languageListeners.delete(listener);
}

/** Switches the interface, <html lang/dir> and what this browser remembers before sign-in. */
export async function applyLanguage(lang: Lang): Promise<void> {
  globalThis.localStorage?.setItem(STORED_LANGUAGE, lang);
  markDocument(lang);
  if (i18next.language !== lang) {
    await i18next.changeLanguage(lang);
    for (const listener of languageListeners) listener(lang);
  }
}

// The reader's digits: the person's choice once signed in, else (null) the language's own.
let readerDigits: Digits | null = null;

/** Sets the digits every message writes its numbers in; messages already shown are written again. */
export function applyDigits(digits: Digits | null): void {
  if (digits === readerDigits) return;
  readerDigits = digits;
  i18next.emit(DIGITS_CHANGED);
}

// The one place the reader's digits reach the messages: every t() call gets them unless it names others.
const readerNumberFormatter: typeof NUMBER_FORMATTER = {
  ...NUMBER_FORMATTER,
  format: (value, format, language, options) =>
    NUMBER_FORMATTER.format(value, format, language, {
      ...options,
      digits: options?.digits ?? readerDigits ?? undefined,
    }),
};

export const i18n = i18next;

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
// The catalogue is the server's too (libs/language/catalogue); the client's own messages are its `web`
// namespace, and it names states, events and fields from the shared namespaces.
void i18next
  .use(initReactI18next)
  .use(readerNumberFormatter)
  .init({
    initAsync: false,
    resources: RESOURCES,
    ns: [...NAMESPACES],
    defaultNS: 'web',
    lng: initialLanguage(),
    fallbackLng: false,
    interpolation: INTERPOLATION,
    returnNull: false,
    react: { bindI18n: `languageChanged ${DIGITS_CHANGED}` },
  });
markDocument(currentLanguage());
// The page's title is the brand in the reader's language.
const titleDocument = () => {
  if (typeof document !== 'undefined') document.title = i18next.t('app.name');
};
titleDocument();
i18next.on('languageChanged', titleDocument);
