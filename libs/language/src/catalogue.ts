import { createInstance } from 'i18next';
import type { Locale } from '@majlis/config';
import {
  CATALOGUE_LANGUAGES,
  defaultDigits,
  formatNumber,
  NAMESPACES,
  RESOURCES,
  type CatalogueTree,
  type Digits,
  type Namespace,
} from '../catalogue';

export { CATALOGUE_LANGUAGES, defaultDigits, formatNumber, NAMESPACES, RESOURCES, timeZoneName } from '../catalogue';
export type { Digits, Namespace } from '../catalogue';

/** Who reads a message: their language and, when they chose them, their digits. */
export interface Reader {
  locale: Locale;
  digits?: Digits;
}

/** A message's name: its namespace and its path in that namespace's file, e.g. `errors:textTooLong`. */
export type MessageKey = `${Namespace}:${string}`;

/** Values put into a message; `count` also chooses its plural form. */
export type MessageValues = Record<string, string | number>;

const i18n = createInstance();
const MISSING = '\u0000no such message';
// The server writes numbers in the reader's digits before interpolation rather than through a formatter
// (the client's NUMBER_FORMATTER): i18next's `alwaysFormat` copies every option for every placeholder,
// which made a notification fan-out's messages twenty times slower to render.
void i18n.init({
  initAsync: false,
  resources: RESOURCES,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  returnObjects: false,
});

/** A reader from a reader or a bare language (whose own digits it then reads in). */
export const readerOf = (reader: Reader | Locale): Reader => (typeof reader === 'string' ? { locale: reader } : reader);

/** Whether the catalogue has `key` in the reader's language (for this `count`'s plural form). */
export function hasMessage(reader: Reader | Locale, key: MessageKey, values: MessageValues = {}): boolean {
  const { locale } = readerOf(reader);
  return i18n.exists(key, { lng: locale, count: typeof values.count === 'number' ? values.count : undefined });
}

/**
 * The message `key` in the reader's language, `values` put in, numbers in the reader's digits and the
 * plural form chosen by `values.count`. Throws naming the file when the catalogue has no such message.
 */
export function message(reader: Reader | Locale, key: MessageKey, values: MessageValues = {}): string {
  const { locale, digits } = readerOf(reader);
  const written: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    written[name] = typeof value === 'number' ? formatNumber(value, locale, digits ?? defaultDigits(locale)) : value;
  const text = i18n.t(key, {
    lng: locale,
    count: typeof values.count === 'number' ? values.count : undefined,
    replace: written,
    // One lookup: a missing message comes back as this mark instead of its key.
    defaultValue: MISSING,
  });
  if (text === MISSING) {
    const [namespace] = key.split(':');
    throw new Error(`No message "${key}" in libs/language/catalogue/${locale}/${namespace}.json`);
  }
  return text;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g;

/** Every message of a tree as `path → text`; a problem for each value that is not text. */
function flatten(tree: CatalogueTree, prefix: string, into: Map<string, string>, problems: string[]): void {
  for (const [name, value] of Object.entries(tree)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') {
      if (value.trim() === '') problems.push(`${path} is empty`);
      into.set(path, value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      flatten(value, path, into, problems);
    } else {
      problems.push(`${path} is neither a message nor a group of messages`);
    }
  }
}

/** A message of a namespace: its plural forms and the placeholders its texts use. */
export interface CatalogueEntry {
  /** The plural forms it has; empty when the message has no plural. */
  forms: Set<string>;
  placeholders: Set<string>;
}

/** Every message of a namespace's tree by its key (plural forms under one key); problems named `where`. */
export function catalogueEntries(
  tree: CatalogueTree,
  where = '',
  problems: string[] = [],
): Map<string, CatalogueEntry> {
  const texts = new Map<string, string>();
  const found: string[] = [];
  flatten(tree, '', texts, found);
  problems.push(...found.map((problem) => `${where}: ${problem}`));
  const byBase = new Map<string, CatalogueEntry>();
  for (const [path, text] of texts) {
    const form = PLURAL_SUFFIX.exec(path)?.[1];
    const base = form === undefined ? path : path.slice(0, -form.length - 1);
    const entry = byBase.get(base) ?? { forms: new Set<string>(), placeholders: new Set<string>() };
    if (form !== undefined) entry.forms.add(form);
    for (const match of text.matchAll(PLACEHOLDER)) entry.placeholders.add(match[1]);
    byBase.set(base, entry);
  }
  return byBase;
}

const sorted = (values: Iterable<string>): string => [...values].sort().join(', ');

/**
 * What is wrong with a catalogue: a message one language has and the other lacks, a plural without
 * exactly the forms its language's Intl.PluralRules names, placeholders that differ between the
 * languages, an empty message. An empty list when all is well.
 */
export function catalogueProblems(
  resources: Record<string, Record<string, CatalogueTree>> = RESOURCES,
  languages: readonly string[] = CATALOGUE_LANGUAGES,
  namespaces: readonly string[] = NAMESPACES,
): string[] {
  const problems: string[] = [];
  for (const namespace of namespaces) {
    const byLanguage = languages.map((language) => {
      const tree = resources[language]?.[namespace];
      if (tree === undefined) problems.push(`${language}/${namespace}.json is missing`);
      return { language, entries: catalogueEntries(tree ?? {}, `${language}/${namespace}.json`, problems) };
    });
    const keys = new Set(byLanguage.flatMap(({ entries }) => [...entries.keys()]));
    for (const key of [...keys].sort()) {
      const present = byLanguage.filter(({ entries }) => entries.has(key));
      for (const { language } of byLanguage.filter(({ entries }) => !entries.has(key)))
        problems.push(`${language}/${namespace}.json has no "${key}", which ${present[0].language} has`);
      const plural = present.some(({ entries }) => entries.get(key)!.forms.size > 0);
      for (const { language, entries } of present) {
        const { forms } = entries.get(key)!;
        const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        if (plural && sorted(forms) !== sorted(needed))
          problems.push(
            `${language}/${namespace}.json "${key}" has the plural forms [${sorted(forms)}]; ${language} needs [${sorted(needed)}]`,
          );
      }
      const [first, ...others] = present;
      for (const other of others) {
        const mine = sorted(first.entries.get(key)!.placeholders);
        const theirs = sorted(other.entries.get(key)!.placeholders);
        if (mine !== theirs)
          problems.push(
            `${namespace}:${key} uses {{${mine}}} in ${first.language} but {{${theirs}}} in ${other.language}`,
          );
      }
    }
  }
  return problems;
}

/** Checks the catalogue at start-up: throws listing every problem (see catalogueProblems). */
export function checkCatalogue(): void {
  const problems = catalogueProblems();
  if (problems.length > 0) throw new Error(`The message catalogue is not complete:\n- ${problems.join('\n- ')}`);
}
