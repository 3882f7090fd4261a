import type { Locale } from '@majlis/config';
import { badInput } from './domain-error';
import { checkedString } from './strict-input';
import type { LocalizedText } from './localized-text';

/** A human text as a person types it: either language or both, and optionally which one is authoritative. */
export interface LocalizedTextInput {
  ar?: string | null;
  en?: string | null;
  authoritative?: Locale | null;
}

/** The longest text each kind of field takes, in characters (Unicode code points), per language. */
export const TEXT_LIMITS = {
  title: 300,
  name: 200,
  venue: 300,
  summary: 4_000,
  description: 4_000,
  comment: 10_000,
  body: 100_000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

// Other C0 controls but tab and newlines are never meant in a human text (NUL is refused everywhere).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0001-\u0008\u000B\u000C\u000E-\u001F]/;

// Half of a UTF-16 surrogate pair on its own is no character: PostgreSQL's jsonb refuses its escape (a 500
// the fuzzing test found), and UTF-8 cannot encode it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkedLanguage(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === null || value === undefined) return undefined;
  checkedString(field, value);
  if (value.trim() === '') return undefined;
  if (CONTROL_CHARACTER.test(value)) throw badInput(field, 'textControlCharacter');
  if (LONE_SURROGATE.test(value)) throw badInput(field, 'textLoneSurrogate');
  const length = [...value].length;
  if (length > max) throw badInput(field, 'textTooLong', { max, length });
  // Stored exactly as typed: no trimming or normalisation, so Arabic round-trips byte for byte.
  return value;
}

/**
 * A text that may be absent: null when neither language holds any text. The authoritative language is
 * the one named, else the only one given, else the author's own.
 */
export function optionalText(
  field: string,
  input: LocalizedTextInput | null | undefined,
  kind: TextKind,
  authorLocale: Locale,
): LocalizedText | null {
  if (input === null || input === undefined) return null;
  const max = TEXT_LIMITS[kind];
  const ar = checkedLanguage(`${field}.ar`, input.ar, max);
  const en = checkedLanguage(`${field}.en`, input.en, max);
  if (ar === undefined && en === undefined) return null;
  const authoritative = input.authoritative ?? (ar === undefined ? 'en' : en === undefined ? 'ar' : authorLocale);
  if ((authoritative === 'ar' ? ar : en) === undefined)
    throw badInput(`${field}.authoritative`, 'authoritativeMissing', { language: authoritative });
  return { ...(ar === undefined ? {} : { ar }), ...(en === undefined ? {} : { en }), authoritative };
}

/** A text that must be given in at least one language. */
export function requiredText(
  field: string,
  input: LocalizedTextInput | null | undefined,
  kind: TextKind,
  authorLocale: Locale,
): LocalizedText {
  const text = optionalText(field, input, kind, authorLocale);
  if (text === null) throw badInput(field, 'textRequired');
  return text;
}

/**
 * A plain text in one language (a comment, a note, a reason): null when blank, refused when longer than
 * `max` characters or holding control characters PostgreSQL cannot store; otherwise kept as typed.
 */
export function plainText(field: string, value: string | null | undefined, max: number): string | null {
  return checkedLanguage(field, value, max) ?? null;
}
