import type { Locale } from '@majlis/config';
import englishEntities from '../catalogue/en/entities.json';
import englishErrors from '../catalogue/en/errors.json';
import { actionWords, ActionName, EventKind } from './actions';
import { defaultDigits, hasMessage, message, readerOf, type MessageKey, type Reader } from './catalogue';

type Params = Record<string, string | number>;

/** The kinds of record a person can name by id; each has its words in the catalogue's `entities`. */
export type EntityName = keyof typeof englishEntities;

/** Every refusal the catalogue's `errors` namespace words (its `parts` are pieces of messages, not messages). */
export type ErrorMessageKey = Exclude<keyof typeof englishErrors, 'parts'>;

/** The kinds of record whose states the catalogue's `states` namespace names. */
type StateKind = EventKind | 'ballot' | 'delivery';

/** A machine value (an id, a code, a path) as a person reads it: quoted, never in the sentence's words. */
const quoted = (reader: Reader, value: string | number): string =>
  message(reader, 'errors:parts.quoted', { value: String(value) });

/** Items joined as a list of alternatives: «أ، ب أو ج» / "a, b or c". */
export function alternatives(reader: Reader | Locale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const separator = message(reader, 'errors:parts.listSeparator');
  return message(reader, 'errors:parts.or', {
    first: items.slice(0, -1).join(separator),
    last: items[items.length - 1],
  });
}

const LANGUAGE_SUFFIX = new Set(['ar', 'en']);

/**
 * A field named in words: `input.title.ar` → «العنوان بالعربية» / "Title (Arabic)". The argument wrapper
 * (`input`, `filter`, `rules`, `preferences` …) and list positions are left out, a nested path is named by
 * its last field, a `.ar`/`.en` ending by the language, and `x.authoritative` by `x` (the messages say
 * it is the authoritative language). A path the catalogue has no words for is shown quoted.
 */
export function fieldWords(reader: Reader | Locale, path: string): string {
  const who = readerOf(reader);
  const parts = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part));
  const language = parts.length > 1 && LANGUAGE_SUFFIX.has(parts[parts.length - 1]) ? parts.pop() : undefined;
  if (parts.length > 1 && parts[parts.length - 1] === 'authoritative') parts.pop();
  const name = parts[parts.length - 1] ?? path;
  const key: MessageKey = `fields:${name}`;
  if (!hasMessage(who, key)) return quoted(who, path);
  const words = message(who, key);
  return language === undefined ? words : message(who, `errors:parts.inLanguage.${language}`, { field: words });
}

/** A date (YYYY-MM-DD) as the reader writes it: «١٢ أكتوبر ٢٠٢٦» / "October 12, 2026". */
function dayWords(reader: Reader, day: string | number): string {
  const date = new Date(`${String(day)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return quoted(reader, day);
  const digits = reader.digits ?? defaultDigits(reader.locale);
  return new Intl.DateTimeFormat(`${reader.locale}-u-nu-${digits}`, { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

const stateWords = (reader: Reader, kind: StateKind, state: string | number): string => {
  const key: MessageKey = `states:${kind}.${String(state)}`;
  return hasMessage(reader, key) ? message(reader, key) : quoted(reader, state);
};

const eventWords = (reader: Reader, kind: string, event: string, form: 'label' | 'option' | 'onIt'): string => {
  const key: MessageKey = `events:${kind}.${event}.${form}`;
  return hasMessage(reader, key) ? message(reader, key) : quoted(reader, event);
};

const count = (reader: Reader, part: string, value: string | number | undefined): string =>
  message(reader, `errors:parts.${part}` as MessageKey, { count: Number(value) });

/** The first letter up, for words that open a sentence ("this proposal" → "This proposal"). */
const opening = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What each refusal puts into its message beyond its field: its values in words and in the reader's digits. */
const VALUES: Partial<Record<ErrorMessageKey, (reader: Reader, params: Params) => Params>> = {
  tooManySignIns: (reader, { retryAfterSeconds }) => ({ wait: count(reader, 'seconds', retryAfterSeconds) }),
  serviceUnavailable: (reader, { seconds }) => ({ wait: count(reader, 'seconds', seconds) }),
  forbidden: (reader, { action, eventKind, eventType }) => ({
    action: actionWords(
      action as ActionName,
      reader.locale,
      eventKind === undefined ? undefined : { kind: eventKind as EventKind, type: String(eventType) },
    ),
  }),
  notFound: (reader, { entity, id, field }) => {
    const missing = message(reader, `entities:${String(entity)}.missing`);
    return { missing: field === undefined || field === 'id' ? opening(missing) : missing, id: String(id) };
  },
  textTooLong: (reader, { max, length }) => ({
    max: count(reader, 'characters', max),
    length: count(reader, 'characters', length),
  }),
  passwordTooShort: (reader, { min }) => ({ min: count(reader, 'charactersAfter', min) }),
  tooMany: (reader, { max }) => ({ max: count(reader, 'items', max) }),
  authoritativeMissing: (reader, { language }) => ({
    language: message(reader, `errors:parts.language.${String(language)}`),
  }),
  oneOf: (reader, { allowed }) => ({
    allowed: alternatives(
      reader,
      String(allowed)
        .split(',')
        .map((value) => value.trim())
        .filter((value) => value !== '')
        .map((value) => quoted(reader, value)),
    ),
  }),
  notADraft: (reader, { state }) => ({ state: stateWords(reader, 'proposal', state) }),
  conflictNotNow: (reader, { state }) => ({ state: stateWords(reader, 'proposal', state) }),
  meetingOver: (reader, { state }) => ({ state: stateWords(reader, 'meeting', state) }),
  itemFinished: (reader, { state }) => ({ state: stateWords(reader, 'actionItem', state) }),
  deliveryNotFailed: (reader, { status }) => ({ status: stateWords(reader, 'delivery', status) }),
  eventHasOwnOperation: (reader, { kind, event, operation }) => ({
    event: eventWords(reader, String(kind ?? 'proposal'), String(event), 'label'),
    operation: actionWords(operation as ActionName, reader.locale),
  }),
  invalidTransition: (reader, { entity, state, event, allowed }) => {
    const kind = String(entity);
    return {
      this: opening(message(reader, `entities:${kind}.this`)),
      state: stateWords(reader, kind as StateKind, state),
      event: eventWords(reader, kind, String(event), 'onIt'),
      allowed: alternatives(
        reader,
        String(allowed ?? '')
          .split(',')
          .filter((type) => type !== '')
          .map((type) => eventWords(reader, kind, type, 'option')),
      ),
    };
  },
  seatStartsTooEarly: (reader, { startsOn }) => ({ startsOn: dayWords(reader, startsOn) }),
  seatEndBeforeStart: (reader, { startsOn }) => ({ startsOn: dayWords(reader, startsOn) }),
  seatEnded: (reader, { endsOn }) => ({ endsOn: dayWords(reader, endsOn) }),
};

/** The key a refusal is worded by: some have a form without a field, or without alternatives. */
function wordingKey(key: ErrorMessageKey, params: Params): ErrorMessageKey {
  if (key === 'notFound' && params.field !== undefined && params.field !== 'id') return 'notFoundAt';
  if (key === 'invalidTransition' && String(params.allowed ?? '') === '') return 'invalidTransitionNone';
  return key;
}

/**
 * A refusal as the reader reads it, from the catalogue's `errors`: the field at fault named in words
 * (`fields`), states, events and kinds of record in words, counts with their plural forms, numbers in
 * the reader's digits, machine values quoted.
 */
export function errorMessage(key: ErrorMessageKey, reader: Reader | Locale, params: Params = {}): string {
  const who = readerOf(reader);
  const wording = wordingKey(key, params);
  const values: Params = { ...params, ...(VALUES[key]?.(who, params) ?? {}) };
  if (params.field !== undefined) values.field = fieldWords(who, String(params.field));
  return message(who, `errors:${wording}`, values);
}
