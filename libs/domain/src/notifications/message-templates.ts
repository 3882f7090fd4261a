import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@majlis/config';
import { NOTIFIED_TOPICS, type NotifiedTopic } from './notification-rules';

/** Messages that tell no event: the e-mails of account links. */
const ACCOUNT_MESSAGES = ['account.invitation', 'account.reset'] as const;

/** A template's name: a notified event's topic, or an account e-mail. */
export type MessageTopic = NotifiedTopic | (typeof ACCOUNT_MESSAGES)[number];

/** Every template, in both languages: one per notified topic, one per account e-mail. */
export const MESSAGE_TOPICS: readonly MessageTopic[] = [...NOTIFIED_TOPICS, ...ACCOUNT_MESSAGES];

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; line: number }
  | { kind: 'section'; name: string; inverted: boolean; line: number; children: TemplateNode[] };

/** A template file read into its subject and body, with every var name it refers to. */
export interface ParsedTemplate {
  name: string;
  subject: TemplateNode[];
  body: TemplateNode[];
  vars: string[];
}

const TEMPLATE_ROOT = join(__dirname, 'templates');
const LAYOUT_VARS = new Set(['subject', 'content', 'partnership']);
// Stands in for the digest's item list while the surrounding text is rendered and tidied.
const ITEMS_MARK = '\uE000';

type Lookup = (name: string) => string;

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'tag'; sigil: '' | '#' | '^' | '/'; name: string; line: number; standalone: boolean };

const TAG = /^\s*([#^/]?)\s*([A-Za-z][A-Za-z0-9_]*)\s*$/;

function templateError(name: string, line: number, problem: string): Error {
  return new Error(`Message template ${name}:${line}: ${problem}`);
}

function tokenize(source: string, name: string, firstLine: number): Token[] {
  const tokens: Token[] = [];
  let line = firstLine;
  let at = 0;
  const advance = (to: number): void => {
    for (let i = at; i < to; i++) if (source[i] === '\n') line++;
    at = to;
  };
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    const stray = source.indexOf('}}', at);
    if (stray !== -1 && (open === -1 || stray < open)) {
      advance(stray);
      throw templateError(name, line, 'a "}}" that closes no "{{"');
    }
    if (open === -1) {
      tokens.push({ kind: 'text', text: source.slice(at) });
      advance(source.length);
      break;
    }
    if (open > at) tokens.push({ kind: 'text', text: source.slice(at, open) });
    advance(open);
    const close = source.indexOf('}}', open + 2);
    const inner = close === -1 ? undefined : source.slice(open + 2, close);
    if (inner === undefined || inner.includes('\n')) throw templateError(name, line, 'a "{{" that is never closed');
    const match = TAG.exec(inner);
    if (match === null) throw templateError(name, line, `unknown syntax "{{${inner}}}"`);
    const sigil = match[1] as '' | '#' | '^' | '/';
    tokens.push({ kind: 'tag', sigil, name: match[2], line, standalone: false });
    advance(close + 2);
  }
  markStandaloneSections(tokens);
  return tokens;
}

/** A section tag alone on its line takes the line with it, so optional paragraphs leave no blank line. */
function markStandaloneSections(tokens: Token[]): void {
  const last = tokens.length - 1;
  tokens.forEach((token, i) => {
    if (token.kind !== 'tag' || token.sigil === '') return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const startsLine =
      before === undefined ||
      (before.kind === 'text' && /(^|\n)[ \t]*$/.test(before.text) && (i === 1 || before.text.includes('\n')));
    const endsLine =
      after === undefined ||
      (after.kind === 'text' && /^[ \t]*(\n|$)/.test(after.text) && (i + 1 === last || after.text.includes('\n')));
    token.standalone = startsLine && endsLine;
  });
  tokens.forEach((token, i) => {
    if (token.kind !== 'tag' || !token.standalone) return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (before?.kind === 'text') before.text = before.text.replace(/[ \t]*$/, '');
    if (after?.kind === 'text') after.text = after.text.replace(/^[ \t]*\n?/, '');
  });
}

function parseNodes(source: string, name: string, firstLine: number): TemplateNode[] {
  const root: TemplateNode[] = [];
  const open: Array<{ name: string; line: number; children: TemplateNode[] }> = [];
  const current = (): TemplateNode[] => open.at(-1)?.children ?? root;
  for (const token of tokenize(source, name, firstLine)) {
    if (token.kind === 'text') {
      if (token.text !== '') current().push({ kind: 'text', text: token.text });
      continue;
    }
    switch (token.sigil) {
      case '':
        current().push({ kind: 'var', name: token.name, line: token.line });
        break;
      case '#':
      case '^': {
        const children: TemplateNode[] = [];
        current().push({
          kind: 'section',
          name: token.name,
          inverted: token.sigil === '^',
          line: token.line,
          children,
        });
        open.push({ name: token.name, line: token.line, children });
        break;
      }
      case '/': {
        const section = open.pop();
        if (section === undefined) throw templateError(name, token.line, `"{{/${token.name}}}" closes no section`);
        if (section.name !== token.name)
          throw templateError(
            name,
            token.line,
            `"{{/${token.name}}}" does not close the section "${section.name}" opened at line ${section.line}`,
          );
        break;
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined)
    throw templateError(name, unclosed.line, `the section "${unclosed.name}" is never closed`);
  return root;
}

function varNames(nodes: TemplateNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.kind === 'text') continue;
    into.add(node.name);
    if (node.kind === 'section') varNames(node.children, into);
  }
  return into;
}

/**
 * Reads a message template: a first line `Subject: …`, a blank line, then the body. Throws naming
 * `name` and the line for unknown syntax, unclosed tags or sections, and a missing subject.
 */
export function parseTemplate(source: string, name: string): ParsedTemplate {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const header = /^Subject:[ \t]*(.*)$/.exec(lines[0]);
  if (header === null || header[1].trim() === '')
    throw templateError(name, 1, 'the first line must be "Subject: <subject>"');
  if (lines.length < 3 || lines[1].trim() !== '')
    throw templateError(name, 2, 'the subject must be followed by a blank line and the body');
  const subject = parseNodes(header[1], name, 1);
  const body = parseNodes(lines.slice(2).join('\n'), name, 3);
  if (renderNodes(body, () => 'x').trim() === '') throw templateError(name, 3, 'the body is empty');
  return { name, subject, body, vars: [...varNames(body, varNames(subject))].sort() };
}

const isSet = (value: string): boolean => value.trim() !== '';

function renderNodes(nodes: TemplateNode[], lookup: Lookup): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'var':
        out += lookup(node.name);
        break;
      case 'section':
        if (isSet(lookup(node.name)) !== node.inverted) out += renderNodes(node.children, lookup);
        break;
    }
  }
  return out;
}

/** Trailing spaces go, blank lines left by empty parts collapse into one paragraph break. */
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

interface LocaleCatalog {
  topics: Record<MessageTopic, ParsedTemplate>;
  digest: ParsedTemplate;
  layout: TemplateNode[];
  terms: Record<string, TemplateNode[]>;
}

let catalog: Record<Locale, LocaleCatalog> | undefined;

function readTemplateFile(locale: Locale, file: string): string {
  return readFileSync(join(TEMPLATE_ROOT, locale, file), 'utf8');
}

function loadLayout(locale: Locale): TemplateNode[] {
  const name = `${locale}/layout.html`;
  // Prettier spreads long style attributes over lines; a tag goes out on one line.
  const source = readTemplateFile(locale, 'layout.html')
    .replace(/\r\n?/g, '\n')
    .replace(/<[^>]*>/g, (tag) => tag.replace(/\s+/g, ' '));
  const nodes = parseNodes(source, name, 1);
  const used = varNames(nodes);
  const unknown = [...used].filter((v) => !LAYOUT_VARS.has(v));
  if (unknown.length > 0) throw templateError(name, 1, `unknown layout vars ${unknown.join(', ')}`);
  if (!used.has('content')) throw templateError(name, 1, 'the layout has no {{content}}');
  return nodes;
}

function loadTerms(locale: Locale): Record<string, TemplateNode[]> {
  const name = `${locale}/terms.json`;
  const raw: unknown = JSON.parse(readTemplateFile(locale, 'terms.json'));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw templateError(name, 1, 'terms must be one object of strings');
  const terms: Record<string, TemplateNode[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') throw templateError(name, 1, `the term "${key}" is not a string`);
    terms[key] = parseNodes(value, `${name}#${key}`, 1);
  }
  return terms;
}

function loadDigest(locale: Locale): ParsedTemplate {
  const name = `${locale}/digest.txt`;
  const digest = parseTemplate(readTemplateFile(locale, 'digest.txt'), name);
  const probe = tidyBody(renderNodes(digest.body, (v) => (v === 'items' ? ITEMS_MARK : v)));
  const paragraphs = probe.split('\n\n');
  if (paragraphs.filter((p) => p === ITEMS_MARK).length !== 1 || probe.split(ITEMS_MARK).length !== 2)
    throw templateError(name, 3, 'the digest needs exactly one {{items}}, alone in its paragraph');
  return digest;
}

function loadLocale(locale: Locale): LocaleCatalog {
  const topics = Object.fromEntries(
    MESSAGE_TOPICS.map((topic) => {
      const file = `${topic}.txt`;
      return [topic, parseTemplate(readTemplateFile(locale, file), `${locale}/${file}`)];
    }),
  ) as Record<MessageTopic, ParsedTemplate>;
  return { topics, digest: loadDigest(locale), layout: loadLayout(locale), terms: loadTerms(locale) };
}

/** Every template of both languages, read and checked once, on first use. */
function templates(locale: Locale): LocaleCatalog {
  catalog ??= { ar: loadLocale('ar'), en: loadLocale('en') };
  return catalog[locale];
}

/** Reads and checks every template now (at start-up): throws naming the file of the first problem. */
export function checkTemplates(): void {
  templates('ar');
}

// The private-use mark is reserved for the digest's list; a value can never forge it.
const lookupIn =
  (vars: Record<string, string | undefined>): Lookup =>
  (name) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? '').replaceAll(ITEMS_MARK, '') : '';

function wrapInLayout(locale: Locale, subject: string, content: string): string {
  const values: Record<string, string> = {
    subject: escapeHtml(subject),
    partnership: escapeHtml(term(locale, 'partnership')),
    content,
  };
  return renderNodes(templates(locale).layout, (name) => values[name] ?? '');
}

/** vars are already-localized strings; missing or empty vars render as empty. */
export function renderMessage(
  topic: MessageTopic,
  locale: Locale,
  vars: Record<string, string | undefined>,
): RenderedMessage {
  const template = templates(locale).topics[topic];
  const lookup = lookupIn(vars);
  const subject = tidySubject(renderNodes(template.subject, lookup));
  const text = tidyBody(renderNodes(template.body, lookup));
  return { subject, text, html: wrapInLayout(locale, subject, textToHtml(text)) };
}

const ITEM_STYLE = 'margin:0 0 24px 0;';
const ITEM_HEADING_STYLE = 'margin:0 0 8px 0;font-size:16px;font-weight:bold;';

/**
 * One e-mail listing several messages (the daily digest). Render the items without `recipientName`, so
 * each leaves out its own greeting and the digest greets once.
 */
export function renderDigest(
  locale: Locale,
  vars: { recipientName: string; date: string },
  items: Array<{ subject: string; text: string }>,
): RenderedMessage {
  const digest = templates(locale).digest;
  const values = lookupIn({ ...vars, count: String(items.length) });
  const lookup: Lookup = (name) => (name === 'items' ? ITEMS_MARK : values(name));
  const subject = tidySubject(renderNodes(digest.subject, lookup));
  const [intro, outro] = tidyBody(renderNodes(digest.body, lookup)).split(ITEMS_MARK);
  const listed = items.map((item) => ({ subject: tidySubject(item.subject), text: tidyBody(item.text) }));
  const textList = listed.map((item, i) => `${i + 1}. ${item.subject}\n\n${item.text}`).join('\n\n');
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
  const content = [textToHtml(tidyBody(intro)), htmlList, textToHtml(tidyBody(outro))].filter((p) => p !== '');
  return { subject, text, html: wrapInLayout(locale, subject, content.join('\n')) };
}

/** A short localized word or phrase from templates/<locale>/terms.json, with {{var}} substitution; throws naming the key when missing. */
export function term(locale: Locale, key: string, vars: Record<string, string> = {}): string {
  const terms = templates(locale).terms;
  if (!Object.hasOwn(terms, key)) throw new Error(`No term "${key}" in templates/${locale}/terms.json`);
  return renderNodes(terms[key], lookupIn(vars));
}

const INTL_LOCALE: Record<Locale, string> = { ar: 'ar-u-nu-latn', en: 'en-GB' };

function formatParts(at: Date, locale: Locale, timeZone: string): { day: string; time: string } {
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
  const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  return { day, time };
}

/** Formats an instant for a reader: long date and 24-hour time in the time zone, which is named. */
export function formatInstant(at: Date, locale: Locale, timeZone: string): string {
  const { day, time } = formatParts(at, locale, timeZone);
  return locale === 'ar' ? `${day}، الساعة ${time} (${timeZone})` : `${day} at ${time} (${timeZone})`;
}

/** Date only (for due dates), same conventions. */
export function formatDay(at: Date, locale: Locale, timeZone: string): string {
  return formatParts(at, locale, timeZone).day;
}
