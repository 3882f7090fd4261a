// The catalogue: every message majlis shows or sends, one folder per language, one JSON file per
// namespace, in i18next's JSON format (plural forms by the suffixes of Intl.PluralRules: _zero, _one,
// _two, _few, _many, _other). The server's libraries (CommonJS) and the web client (ESM, through Vite)
// both load it from here, with the same options, so a message reads the same wherever it is shown.
// How to add a message and how translators work on it: README, "Messages and translations".
import arCommon from './ar/common.json';
import arErrors from './ar/errors.json';
import arActions from './ar/actions.json';
import arFields from './ar/fields.json';
import arEntities from './ar/entities.json';
import arStates from './ar/states.json';
import arEvents from './ar/events.json';
import arMail from './ar/mail.json';
import arCsv from './ar/csv.json';
import arCalendar from './ar/calendar.json';
import arSecurity from './ar/security.json';
import arWeb from './ar/web.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enActions from './en/actions.json';
import enFields from './en/fields.json';
import enEntities from './en/entities.json';
import enStates from './en/states.json';
import enEvents from './en/events.json';
import enMail from './en/mail.json';
import enCsv from './en/csv.json';
import enCalendar from './en/calendar.json';
import enSecurity from './en/security.json';
import enWeb from './en/web.json';

/** The catalogue's languages, Arabic first. */
export const CATALOGUE_LANGUAGES = ['ar', 'en'] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];

/** The namespaces (one file per language each); a key is named `namespace:path.to.key`. */
export const NAMESPACES = [
  'common',
  'errors',
  'actions',
  'fields',
  'entities',
  'states',
  'events',
  'mail',
  'csv',
  'calendar',
  'security',
  'web',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type CatalogueTree = { [key: string]: string | CatalogueTree };

/** Every namespace of every language, as i18next's `resources` option takes them. */
export const RESOURCES: Record<CatalogueLanguage, Record<Namespace, CatalogueTree>> = {
  ar: {
    common: arCommon,
    errors: arErrors,
    actions: arActions,
    fields: arFields,
    entities: arEntities,
    states: arStates,
    events: arEvents,
    mail: arMail,
    csv: arCsv,
    calendar: arCalendar,
    security: arSecurity,
    web: arWeb,
  },
  en: {
    common: enCommon,
    errors: enErrors,
    actions: enActions,
    fields: enFields,
    entities: enEntities,
    states: enStates,
    events: enEvents,
    mail: enMail,
    csv: enCsv,
    calendar: enCalendar,
    security: enSecurity,
    web: enWeb,
  },
};

/** How a reader writes numbers: Arabic-Indic digits (٠١٢) or Latin ones (012). */
export type Digits = 'arab' | 'latn';

/** A language's own digits when the reader chose none: Arabic-Indic for Arabic, Latin for English. */
export const defaultDigits = (language: string): Digits => (language === 'ar' ? 'arab' : 'latn');

/** A number in the reader's language and digits: `٣٠٠` or `300`, `١٬٣٠٠` or `1,300`. */
export function formatNumber(value: number, language: string, digits: Digits = defaultDigits(language)): string {
  // Small whole numbers, most of what messages count, are their digits: no Intl call needed.
  if (Number.isInteger(value) && value >= 0 && value < 1000) {
    const written = String(value);
    return digits === 'arab' ? written.replace(/[0-9]/g, (digit) => ARABIC_INDIC.charAt(Number(digit))) : written;
  }
  const tag = `${language}-u-nu-${digits}`;
  let format = NUMBER_FORMATS.get(tag);
  if (format === undefined) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(tag, format);
  }
  return format.format(value);
}

// Building an Intl.NumberFormat costs far more than using one; a fan-out writes thousands of messages.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

const ZONE_NAMES = new Map<string, string>();

/**
 * A time zone named in the reader's language and digits ("التوقيت المركزي لأمريكا الشمالية", "Central
 * Time"; UTC as "التوقيت العالمي المنسق" rather than Intl's offset), never its IANA id. Each name is built
 * once: Intl is slow to build and a fan-out names the same zones thousands of times.
 */
export function timeZoneName(
  timeZone: string,
  language: CatalogueLanguage,
  digits: Digits = defaultDigits(language),
): string {
  const key = `${language} ${digits} ${timeZone}`;
  let name = ZONE_NAMES.get(key);
  if (name === undefined) {
    const utc = RESOURCES[language].common.utc;
    name =
      (timeZone === 'UTC' || timeZone === 'Etc/UTC') && typeof utc === 'string'
        ? utc
        : (new Intl.DateTimeFormat(`${language}-u-nu-${digits}`, { timeZone, timeZoneName: 'longGeneric' })
            .formatToParts(new Date(0))
            .find((part) => part.type === 'timeZoneName')?.value ?? timeZone);
    ZONE_NAMES.set(key, name);
  }
  return name;
}

/**
 * The web client's interpolation: no HTML escaping (React escapes what it puts in a page), and every value
 * passed through the formatter below. The server writes numbers with formatNumber before interpolating
 * (libs/language/src/catalogue.ts), which renders the same text faster.
 */
export const INTERPOLATION = { escapeValue: false, alwaysFormat: true };

/**
 * i18next's formatter module for the web client (`i18n.use(NUMBER_FORMATTER)`): every
 * number put into a message is written in the reader's digits, named by the call's `digits` option (else
 * the language's own). Plural forms are chosen by `count` through Intl.PluralRules, as i18next does.
 */
export const NUMBER_FORMATTER = {
  type: 'formatter' as const,
  init(): void {},
  add(): void {},
  addCached(): void {},
  format(value: unknown, _format: string | undefined, language: string | undefined, options?: { digits?: Digits }) {
    return typeof value === 'number' ? formatNumber(value, language ?? 'ar', options?.digits) : value;
  },
};
