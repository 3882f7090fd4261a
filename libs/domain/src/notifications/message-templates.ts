import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@majlis/config';
import { defaultDigits, hasMessage, message, timeZoneName, type MessageKey, type Reader } from '@majlis/language';
import type { FormOfAddress } from '../identity';
import { TOPICS } from '../outbox';
import { NOTIFIED_TOPICS, type NotifiedTopic } from './notification-rules';

/** Messages that tell no event: the e-mails of account links. */
const ACCOUNT_MESSAGES = ['account.invitation', 'account.reset'] as const;

/** A message's name: a notified event's topic, or an account e-mail. */
export type MessageTopic = NotifiedTopic | (typeof ACCOUNT_MESSAGES)[number];

/** Every message, in both languages: one per notified topic, one per account e-mail. */
export const MESSAGE_TOPICS: readonly MessageTopic[] = [...NOTIFIED_TOPICS, ...ACCOUNT_MESSAGES];

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** Who a message is written to: language, digits, and the name and form of address its greeting uses. */
export interface Addressee extends Reader {
  /** Empty: no greeting (a digest's items, a webhook). */
  name: string;
  formOfAddress: FormOfAddress | null;
}

/** Values put into a message: text already in the reader's language, numbers as numbers. */
export type MessageVars = Record<string, string | number | null | undefined>;

/**
 * A paragraph of a message, named as in the catalogue (`mail:<topic>.<name>`): always shown; shown only
 * when the value `when` is set, or only when `unless` is not; its plural form chosen by the value `count`.
 */
type Paragraph = string | { name: string; when?: string; unless?: string; count?: string };

/** Each message's paragraphs, in order (after the greeting). The subject is `mail:<topic>.subject`. */
const PARAGRAPHS: Record<MessageTopic, readonly Paragraph[]> = {
  [TOPICS.proposalSubmitted]: ['submitted', 'request', { name: 'link', when: 'link' }],
  [TOPICS.proposalChangesRequested]: [
    'reviewed',
    { name: 'comment', when: 'comment' },
    'revise',
    { name: 'link', when: 'link' },
  ],
  [TOPICS.proposalScheduled]: ['scheduled', 'next', { name: 'link', when: 'link' }],
  [TOPICS.meetingAgendaPublished]: [
    'published',
    { name: 'calendar', when: 'attachment' },
    { name: 'calendarOnPage', unless: 'attachment' },
    { name: 'link', when: 'link' },
  ],
  [TOPICS.ballotOpened]: ['opened', { name: 'closesAt', when: 'closesAt' }, { name: 'link', when: 'link' }],
  [TOPICS.ballotClosingSoon]: [
    'notVoted',
    { name: 'closesAt', when: 'closesAt' },
    { name: 'closesSoon', unless: 'closesAt' },
    'quorum',
    { name: 'link', when: 'link' },
  ],
  [TOPICS.ballotClosed]: [
    'closed',
    { name: 'turnout', when: 'cast', count: 'cast' },
    { name: 'votes', when: 'yes' },
    { name: 'link', when: 'link' },
  ],
  [TOPICS.ballotCancelled]: ['cancelled', { name: 'reason', when: 'comment' }, { name: 'link', when: 'link' }],
  [TOPICS.actionItemAssigned]: [
    'assigned',
    { name: 'due', when: 'dueDate' },
    'followUp',
    { name: 'link', when: 'link' },
  ],
  [TOPICS.actionItemDueSoon]: ['due', 'request', { name: 'link', when: 'link' }],
  [TOPICS.actionItemOverdue]: [
    'late',
    { name: 'daysOverdue', when: 'daysOverdue', count: 'daysOverdue' },
    'request',
    { name: 'link', when: 'link' },
  ],
  [TOPICS.actionItemEscalated]: [
    'late',
    { name: 'daysOverdue', when: 'daysOverdue', count: 'daysOverdue' },
    'followUp',
    { name: 'link', when: 'link' },
  ],
  'account.invitation': ['invited', 'link', 'expiry'],
  'account.reset': ['requested', 'link', 'expiry'],
};

const GREETINGS: Record<FormOfAddress | 'unknown', MessageKey> = {
  EXCELLENCY: 'mail:greeting.excellency',
  OFFICE: 'mail:greeting.office',
  unknown: 'mail:greeting.unknown',
};

/** The page around every e-mail: markup only; its words come from the catalogue (`mail:brand`, `mail:footer`…). */
const LAYOUT_FILE = join(__dirname, 'templates', 'layout.html');
const LAYOUT_VARS = ['lang', 'dir', 'align', 'font', 'subject', 'brand', 'partnership', 'footer', 'content'];

const PAGE: Record<Locale, { dir: string; align: string; font: string }> = {
  ar: { dir: 'rtl', align: 'right', font: 'Tahoma, Arial, sans-serif' },
  en: { dir: 'ltr', align: 'left', font: 'Arial, Helvetica, sans-serif' },
};

type LayoutPart = { kind: 'text'; text: string } | { kind: 'var'; name: string };

function layoutError(name: string, line: number, problem: string): Error {
  return new Error(`E-mail layout ${name}:${line}: ${problem}`);
}

/**
 * Reads the e-mail layout: markup with `{{name}}` placeholders, each one of `vars`, `{{content}}` among
 * them. Throws naming `name` and the line for unknown syntax, an unknown or unclosed placeholder, a
 * stray `}}`, a layout without `{{content}}`.
 */
export function parseLayout(source: string, name: string, vars: readonly string[] = LAYOUT_VARS): LayoutPart[] {
  const parts: LayoutPart[] = [];
  let at = 0;
  const lineAt = (index: number): number => source.slice(0, index).split('\n').length;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    const stray = source.indexOf('}}', at);
    if (stray !== -1 && (open === -1 || stray < open))
      throw layoutError(name, lineAt(stray), 'a "}}" that closes no "{{"');
    if (open === -1) {
      parts.push({ kind: 'text', text: source.slice(at) });
      break;
    }
    parts.push({ kind: 'text', text: source.slice(at, open) });
    const close = source.indexOf('}}', open + 2);
    const inner = close === -1 ? undefined : source.slice(open + 2, close);
    if (inner === undefined || inner.includes('\n'))
      throw layoutError(name, lineAt(open), 'a "{{" that is never closed');
    const placeholder = inner.trim();
    if (!/^[A-Za-z]\w*$/.test(placeholder)) throw layoutError(name, lineAt(open), `unknown syntax "{{${inner}}}"`);
    if (!vars.includes(placeholder)) throw layoutError(name, lineAt(open), `unknown placeholder "{{${placeholder}}}"`);
    parts.push({ kind: 'var', name: placeholder });
    at = close + 2;
  }
  if (!parts.some((part) => part.kind === 'var' && part.name === 'content'))
    throw layoutError(name, 1, 'the layout has no {{content}}');
  return parts;
}

let layout: LayoutPart[] | undefined;

function layoutParts(): LayoutPart[] {
  // Prettier spreads long style attributes over lines; a tag goes out on one line.
  layout ??= parseLayout(
    readFileSync(LAYOUT_FILE, 'utf8')
      .replace(/\r\n?/g, '\n')
      .replace(/<[^>]*>/g, (tag) => tag.replace(/\s+/g, ' ')),
    'templates/layout.html',
  );
  return layout;
}

const paragraphName = (paragraph: Paragraph): string => (typeof paragraph === 'string' ? paragraph : paragraph.name);

/** Every message key the notifications send, in one language, with a count where the key is a plural. */
function messageKeys(): Array<{ key: MessageKey; plural: boolean }> {
  const keys: Array<{ key: MessageKey; plural: boolean }> = [
    ...Object.values(GREETINGS),
    'mail:brand',
    'mail:partnership',
    'mail:footer',
    'mail:instant',
    'mail:listNumber',
    'mail:digest.subject',
    'mail:digest.outro',
    'mail:ballot.closed.result.passed',
    'mail:ballot.closed.result.failed',
    'mail:ballot.closed.result.noQuorum',
    'common:utc',
  ].map((key) => ({ key: key as MessageKey, plural: false }));
  keys.push({ key: 'mail:digest.intro', plural: true }, { key: 'common:votes', plural: true });
  for (const topic of MESSAGE_TOPICS) {
    keys.push({ key: `mail:${topic}.subject`, plural: false });
    for (const paragraph of PARAGRAPHS[topic])
      keys.push({
        key: `mail:${topic}.${paragraphName(paragraph)}`,
        plural: typeof paragraph !== 'string' && paragraph.count !== undefined,
      });
  }
  return keys;
}

/**
 * The start-up check: the layout reads, and every message the notifications send (each topic's subject and
 * paragraphs, greetings, the digest) is in the catalogue in both languages. Throws naming what is missing.
 */
export function checkTemplates(): void {
  layoutParts();
  const missing = (['ar', 'en'] as const).flatMap((locale) =>
    messageKeys()
      .filter(({ key, plural }) => !hasMessage(locale, key, plural ? { count: 5 } : {}))
      .map(({ key }) => `${locale}: ${key}`),
  );
  if (missing.length > 0)
    throw new Error(
      `The e-mail messages are not all in the catalogue (libs/language/catalogue): ${missing.join(', ')}`,
    );
}

const isSet = (value: string | number | null | undefined): value is string | number =>
  typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');

/** Only set values go into a message; an unset one reads as empty. */
function valuesOf(vars: MessageVars, names: Iterable<string>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const name of names) {
    const value = vars[name];
    values[name] = isSet(value) ? value : '';
  }
  return values;
}

function greeting(addressee: Addressee): string | undefined {
  if (addressee.name.trim() === '') return undefined;
  return message(addressee, GREETINGS[addressee.formOfAddress ?? 'unknown'], { name: addressee.name });
}

/** Trailing spaces go, blank lines collapse into one paragraph break. */
function tidyBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const tidySubject = (text: string): string => text.replace(/\s+/g, ' ').trim();

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
const LINK_STYLE = 'color:#0b5394;text-decoration:underline;';

/** Escapes a line and turns its http(s) addresses into links; an address reads left to right in Arabic too. */
function lineToHtml(line: string): string {
  let out = '';
  let at = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]}»،؛]+$/, '');
    const start = match.index;
    out += escapeHtml(line.slice(at, start));
    out += `<a href="${escapeHtml(url)}" dir="ltr" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
    at = start + url.length;
  }
  return out + escapeHtml(line.slice(at));
}

const PARAGRAPH_STYLE = 'margin:0 0 16px 0;';

function textToHtml(text: string): string {
  if (text === '') return '';
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p style="${PARAGRAPH_STYLE}">${paragraph.split('\n').map(lineToHtml).join('<br>')}</p>`)
    .join('\n');
}

/** The layout's words in a language: the same for every e-mail, so read once. */
const layoutWords = new Map<Locale, { brand: string; partnership: string; footer: string }>();

function wordsOfLayout(locale: Locale): { brand: string; partnership: string; footer: string } {
  let words = layoutWords.get(locale);
  if (words === undefined) {
    const partnership = message(locale, 'mail:partnership');
    words = {
      brand: escapeHtml(message(locale, 'mail:brand')),
      partnership: escapeHtml(partnership),
      footer: escapeHtml(message(locale, 'mail:footer', { partnership })),
    };
    layoutWords.set(locale, words);
  }
  return words;
}

function wrapInLayout(reader: Reader, subject: string, content: string): string {
  const values: Record<string, string> = {
    lang: reader.locale,
    ...PAGE[reader.locale],
    ...wordsOfLayout(reader.locale),
    subject: escapeHtml(subject),
    content,
  };
  return layoutParts()
    .map((part) => (part.kind === 'text' ? part.text : (values[part.name] ?? '')))
    .join('');
}

/**
 * A message in the addressee's language and digits: its subject, the greeting that fits their form of
 * address (none when `name` is empty), and its paragraphs, each optional one only when its value is set.
 * `vars` are already localized text, or numbers. Missing vars read as empty.
 */
export function renderMessage(topic: MessageTopic, addressee: Addressee, vars: MessageVars): RenderedMessage {
  const values = valuesOf(vars, Object.keys(vars));
  const subject = tidySubject(message(addressee, `mail:${topic}.subject`, values));
  const paragraphs = PARAGRAPHS[topic].flatMap((paragraph) => {
    if (typeof paragraph === 'string') return [message(addressee, `mail:${topic}.${paragraph}`, values)];
    if (paragraph.when !== undefined && !isSet(vars[paragraph.when])) return [];
    if (paragraph.unless !== undefined && isSet(vars[paragraph.unless])) return [];
    const key: MessageKey = `mail:${topic}.${paragraph.name}`;
    if (paragraph.count === undefined) return [message(addressee, key, values)];
    return [message(addressee, key, { ...values, count: Number(vars[paragraph.count]) })];
  });
  const text = tidyBody([greeting(addressee), ...paragraphs].filter((part) => part !== undefined).join('\n\n'));
  return { subject, text, html: wrapInLayout(addressee, subject, textToHtml(text)) };
}

const ITEM_STYLE = 'margin:0 0 24px 0;';
const ITEM_HEADING_STYLE = 'margin:0 0 8px 0;font-size:16px;font-weight:bold;';

/**
 * One e-mail listing several messages (the daily digest), greeting its addressee once: render the items
 * for an addressee without a name, so each leaves out its own greeting. `date` is already localized.
 */
export function renderDigest(
  addressee: Addressee,
  date: string,
  items: Array<{ subject: string; text: string }>,
): RenderedMessage {
  const subject = tidySubject(message(addressee, 'mail:digest.subject', { date }));
  const intro = [greeting(addressee), message(addressee, 'mail:digest.intro', { date, count: items.length })]
    .filter((part) => part !== undefined)
    .join('\n\n');
  const outro = message(addressee, 'mail:digest.outro');
  const listed = items.map((item) => ({ subject: tidySubject(item.subject), text: tidyBody(item.text) }));
  const number = (n: number): string => message(addressee, 'mail:listNumber', { number: n });
  const textList = listed.map((item, i) => `${number(i + 1)} ${item.subject}\n\n${item.text}`).join('\n\n');
  const text = tidyBody(`${intro}\n\n${textList}\n\n${outro}`);
  const htmlList =
    listed.length === 0
      ? ''
      : `<ol style="margin:0 0 16px 0;padding:0 24px;">\n${listed
          .map(
            (item) =>
              `<li style="${ITEM_STYLE}"><p style="${ITEM_HEADING_STYLE}">${escapeHtml(item.subject)}</p>\n${textToHtml(item.text)}</li>`,
          )
          .join('\n')}\n</ol>`;
  const content = [textToHtml(tidyBody(intro)), htmlList, textToHtml(outro)].filter((part) => part !== '');
  return { subject, text, html: wrapInLayout(addressee, subject, content.join('\n')) };
}

/** The ballot's result in words: `passed`, `failed` or `noQuorum`. */
export const ballotResult = (reader: Reader, result: string): string =>
  message(reader, `mail:ballot.closed.result.${result}`);

/** A number of votes in words, agreeing with it: «صوتان»، «٣ أصوات»، «١١ صوتاً». */
export const votes = (reader: Reader, count: number): string => message(reader, 'common:votes', { count });

// Intl's formatters are slow to build and a fan-out writes thousands of messages: each is built once.
const dateFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatParts(at: Date, reader: Reader, timeZone: string): { day: string; time: string } {
  const locale = `${reader.locale === 'ar' ? 'ar' : 'en-GB'}-u-nu-${reader.digits ?? defaultDigits(reader.locale)}`;
  const key = `${locale} ${timeZone}`;
  let formats = dateFormats.get(key);
  if (formats === undefined) {
    formats = {
      day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
    };
    dateFormats.set(key, formats);
  }
  return { day: formats.day.format(at), time: formats.time.format(at) };
}

/** An instant for a reader: long date and 24-hour time in their digits, in the time zone, which is named. */
export function formatInstant(at: Date, reader: Reader, timeZone: string): string {
  const { day, time } = formatParts(at, reader, timeZone);
  return message(reader, 'mail:instant', { day, time, zone: timeZoneName(timeZone, reader.locale, reader.digits) });
}

/** Date only (for due dates), same conventions. */
export function formatDay(at: Date, reader: Reader, timeZone: string): string {
  return formatParts(at, reader, timeZone).day;
}
