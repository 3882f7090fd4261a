import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@majlis/config';
import {
  formatDay,
  formatInstant,
  MESSAGE_TOPICS,
  MessageTopic,
  parseTemplate,
  renderDigest,
  renderMessage,
  term,
} from './message-templates';

const LOCALES: Locale[] = ['ar', 'en'];
const TEMPLATES = join(__dirname, 'templates');

/** The vars each topic's templates use, in both languages: the contract with the notifications module. */
const TOPIC_VARS: Record<MessageTopic, string[]> = {
  'proposal.submitted': ['proposalTitle', 'cityName'],
  'proposal.changesRequested': ['proposalTitle', 'comment'],
  'proposal.scheduled': ['proposalTitle', 'cityName', 'meetingTitle', 'meetingStartsAt'],
  'ballot.opened': ['proposalTitle', 'closesAt'],
  'ballot.closingSoon': ['proposalTitle', 'closesAt'],
  'ballot.closed': ['proposalTitle', 'resultText', 'yes', 'no', 'abstain', 'cast', 'eligible'],
  'ballot.cancelled': ['proposalTitle', 'comment'],
  'actionItem.assigned': ['itemTitle', 'planTitle', 'cityName', 'dueDate'],
  'actionItem.dueSoon': ['itemTitle', 'planTitle', 'dueDate'],
  'actionItem.overdue': ['itemTitle', 'planTitle', 'dueDate'],
  'actionItem.escalated': ['itemTitle', 'planTitle', 'cityName', 'dueDate', 'daysOverdue'],
  'account.invitation': ['expiresAt'],
  'account.reset': ['expiresAt'],
};
const COMMON_VARS = ['recipientName', 'link'];

const SAMPLE: Record<string, string> = {
  recipientName: 'Ziad Al-Suwaidan',
  link: 'https://majlis.example/p/42',
  proposalTitle: 'Strategic plan for wider cooperation',
  cityName: 'Dammam',
  comment: 'Please add a budget for the training exchange.',
  meetingTitle: 'Annual meeting 2026',
  meetingStartsAt: '24 November 2026 at 09:00 (America/Chicago)',
  closesAt: '25 November 2026 at 17:00 (America/Chicago)',
  resultText: 'the proposal was approved by the board of directors',
  yes: '7',
  no: '2',
  abstain: '1',
  cast: '10',
  eligible: '12',
  itemTitle: 'Launch the academic exchange programme',
  planTitle: 'Implementation plan 2027',
  dueDate: '30 March 2027',
  daysOverdue: '9',
  expiresAt: '7 December 2026 at 12:00 (UTC)',
};

const templateFile = (locale: Locale, file: string): string => readFileSync(join(TEMPLATES, locale, file), 'utf8');

describe(parseTemplate.name, () => {
  it('reads the subject, the body and every var name', () => {
    const parsed = parseTemplate('Subject: About {{title}}\n\nHello {{name}}.\n{{#link}}See {{link}}{{/link}}\n', 'x');
    expect(parsed.vars).toEqual(['link', 'name', 'title']);
  });

  it.each([
    ['an unknown tag', 'Subject: s\n\nfirst\n{{&name}}\n', 'x.txt:4'],
    ['a tag with two words', 'Subject: s\n\nfirst\nsecond {{a b}}\n', 'x.txt:4'],
    ['a triple mustache', 'Subject: s\n\n{{{name}}}\n', 'x.txt:3'],
    ['an unclosed tag', 'Subject: s\n\nfirst\n{{name\n}}\n', 'x.txt:4'],
    ['a stray closing brace pair', 'Subject: s\n\nfirst {name}}\n', 'x.txt:3'],
    ['an unclosed section, at the line it opens', 'Subject: s\n\none\n{{#a}}\ntwo\nthree\n', 'x.txt:4'],
    ['a section closed by another name', 'Subject: s\n\n{{#a}}\n{{/b}}\n', 'x.txt:4'],
    ['a closing tag with no section', 'Subject: s\n\nbody\n{{/a}}\n', 'x.txt:4'],
    ['a bad tag in the subject', 'Subject: s {{#a}}\n\nbody\n', 'x.txt:1'],
    ['a missing subject line', 'Hello\n\nbody\n', 'x.txt:1'],
    ['no blank line after the subject', 'Subject: s\nbody\n', 'x.txt:2'],
    ['an empty body', 'Subject: s\n\n\n', 'x.txt:3'],
  ])('refuses %s, naming the file and line', (_case, source, where) => {
    expect(() => parseTemplate(source, 'x.txt')).toThrow(where);
  });

  it('loads every template of both languages, with the same topics and the same vars in each', () => {
    const files = LOCALES.map((locale) => readdirSync(join(TEMPLATES, locale)).sort());
    expect(files[0]).toEqual(files[1]);
    expect(files[0]).toEqual(
      [...MESSAGE_TOPICS.map((topic) => `${topic}.txt`), 'digest.txt', 'layout.html', 'terms.json'].sort(),
    );
    for (const topic of MESSAGE_TOPICS) {
      const [ar, en] = LOCALES.map((locale) => parseTemplate(templateFile(locale, `${topic}.txt`), topic));
      expect({ topic, vars: ar.vars }).toEqual({ topic, vars: en.vars });
      expect({ topic, vars: ar.vars }).toEqual({ topic, vars: [...COMMON_VARS, ...TOPIC_VARS[topic]].sort() });
    }
    for (const locale of LOCALES) {
      expect(parseTemplate(templateFile(locale, 'digest.txt'), 'digest').vars).toEqual([
        'count',
        'date',
        'items',
        'recipientName',
      ]);
    }
  });
});

describe(renderMessage.name, () => {
  const cases = MESSAGE_TOPICS.flatMap((topic) => LOCALES.map((locale) => [topic, locale] as const));

  it.each(cases)('renders %s in %s with every var it was given', (topic, locale) => {
    const message = renderMessage(topic, locale, SAMPLE);
    expect(message.subject).not.toMatch(/\n|\{\{|\}\}/);
    expect(message.subject.length).toBeGreaterThan(5);
    expect(message.text).not.toMatch(/\{\{|\}\}|<p|\n{3}/);
    for (const name of [...COMMON_VARS, ...TOPIC_VARS[topic]]) expect(message.text).toContain(SAMPLE[name]);
    expect(message.html).toContain(`<a href="${SAMPLE.link}"`);
    expect(message.html).toContain(locale === 'ar' ? '<html lang="ar" dir="rtl">' : '<html lang="en" dir="ltr">');
    expect(message.html).not.toMatch(locale === 'ar' ? /text-align: ?left/ : /dir="rtl"|text-align: ?right/);
  });

  it('writes Arabic for Arabic readers and English for English ones', () => {
    const ar = renderMessage('ballot.opened', 'ar', SAMPLE);
    const en = renderMessage('ballot.opened', 'en', SAMPLE);
    expect(ar.text).toContain('مجلس إدارة التجمع');
    expect(ar.html).toContain('تجمع مدن الطاقة العالمية');
    expect(en.text).toContain('board of directors');
    expect(en.html).toContain('World Energy Cities Partnership');
  });

  it('escapes every value in the html and keeps it verbatim in the text and subject', () => {
    const title = `<script>alert("x")</script> & 'more'`;
    const message = renderMessage('proposal.submitted', 'en', { ...SAMPLE, proposalTitle: title });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;');
    expect(message.text).toContain(title);
    expect(message.subject).toBe(`New proposal for review: ${title}`);
  });

  it('shows a section only when its var is set', () => {
    const withComment = renderMessage('proposal.changesRequested', 'en', SAMPLE);
    const without = renderMessage('proposal.changesRequested', 'en', { ...SAMPLE, comment: '' });
    expect(withComment.text).toContain('The reviewer’s comment:');
    expect(without.text).not.toContain('The reviewer’s comment:');
    expect(without.text).not.toMatch(/\n{3}/);
    expect(renderMessage('ballot.opened', 'ar', { ...SAMPLE, closesAt: undefined }).text).not.toContain('يُغلق التصويت');
  });

  it('drops a section tag that stands alone on its line together with the line', () => {
    const withDate = renderMessage('actionItem.assigned', 'en', SAMPLE).text;
    const withoutDate = renderMessage('actionItem.assigned', 'en', { ...SAMPLE, dueDate: '' }).text;
    expect(withDate).toContain('implementation plan “Implementation plan 2027”.\nIt is due on 30 March 2027.\n\nThe');
    expect(withoutDate).toContain('implementation plan “Implementation plan 2027”.\n\nThe general secretariat');
  });

  it('shows an inverted section only when its var is empty', () => {
    expect(renderMessage('ballot.closingSoon', 'en', { proposalTitle: 'p' }).text).toContain('Voting closes soon.');
    expect(renderMessage('ballot.closingSoon', 'en', SAMPLE).text).not.toContain('Voting closes soon.');
  });

  it('renders missing vars as empty and leaves out the greeting and the link', () => {
    const message = renderMessage('actionItem.overdue', 'en', { itemTitle: 'Item' });
    expect(message.text).not.toMatch(/undefined|Dear|https?:/);
    expect(message.text.startsWith('The action item “Item”')).toBe(true);
    expect(message.html).not.toContain('<a ');
  });

  it('collapses whitespace in the subject', () => {
    const message = renderMessage('ballot.closed', 'en', { proposalTitle: 'Two\nlines   and\ttabs' });
    expect(message.subject).toBe('Voting closed: Two lines and tabs');
  });

  it('keeps Arabic harakat as written', () => {
    const title = 'مُسَوَّدَةُ الخُطَّةِ الإِسْتِراتِيجِيَّةِ';
    const message = renderMessage('proposal.scheduled', 'ar', { ...SAMPLE, proposalTitle: title });
    expect(message.subject.endsWith(title)).toBe(true);
    expect(message.text).toContain(`«${title}»`);
    expect(message.html).toContain(`«${title}»`);
  });

  it('turns paragraphs into <p> and single line breaks into <br>', () => {
    const { html } = renderMessage('ballot.closed', 'en', SAMPLE);
    expect(html).toMatch(/<p[^>]*>Votes cast: 10 of 12 eligible\.<br>Yes: 7<br>No: 2<br>Abstain: 1<\/p>/);
  });

  it('links an address with its query escaped', () => {
    const { html } = renderMessage('ballot.opened', 'en', { link: 'https://majlis.example/b?x=1&y="2"' });
    expect(html).toContain('<a href="https://majlis.example/b?x=1&amp;y=" dir="ltr"');
    expect(html).toContain('&quot;2&quot;');
  });
});

describe(renderDigest.name, () => {
  const items = [
    renderMessage('ballot.opened', 'en', { ...SAMPLE, recipientName: undefined, proposalTitle: 'First <one>' }),
    renderMessage('actionItem.overdue', 'en', { ...SAMPLE, recipientName: undefined, itemTitle: 'Second' }),
    renderMessage('ballot.closed', 'en', { ...SAMPLE, recipientName: undefined, proposalTitle: 'Third' }),
  ];

  it('lists the items in order between the greeting and the closing line', () => {
    const digest = renderDigest('en', { recipientName: 'Ziad', date: '24 November 2026' }, items);
    expect(digest.subject).toBe('Your majlis summary for 24 November 2026');
    const positions = ['Dear Ziad,', '(total: 3)', '1. Voting open: First <one>', '2. Overdue: Second', '3. Voting'];
    const found = positions.map((part) => digest.text.indexOf(part));
    expect(found.every((at) => at >= 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(digest.text.indexOf('daily summary.')).toBeGreaterThan(found[4]);
    expect(digest.text.match(/Dear/g)).toHaveLength(1);
  });

  it('marks the items up as an escaped list', () => {
    const { html } = renderDigest('en', { recipientName: 'Ziad', date: 'today' }, items);
    expect(html).toMatch(/<ol[^>]*>\s*<li[^>]*><p[^>]*>Voting open: First &lt;one&gt;<\/p>/);
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).not.toContain('<one>');
    expect(html.indexOf('Second')).toBeLessThan(html.indexOf('Third'));
  });

  it('writes Arabic right to left', () => {
    const digest = renderDigest('ar', { recipientName: 'زياد', date: '24 نوفمبر 2026' }, items.slice(0, 1));
    expect(digest.html).toContain('<html lang="ar" dir="rtl">');
    expect(digest.text).toContain('سعادة زياد،');
    expect(digest.text).toContain('(العدد: 1)');
  });
});

describe(term.name, () => {
  it('returns the word in each language', () => {
    expect(term('en', 'result.passed')).toBe('the proposal was approved by the board of directors');
    expect(term('ar', 'partnership')).toBe('تجمع مدن الطاقة العالمية');
  });

  it('substitutes vars', () => {
    expect(term('en', 'dueOn', { date: '30 March 2027' })).toBe('due on 30 March 2027');
  });

  it('throws naming a missing key', () => {
    expect(() => term('ar', 'result.unknown')).toThrow('"result.unknown"');
  });

  it('has the same keys and vars in both languages', () => {
    const [ar, en] = LOCALES.map((locale) => JSON.parse(templateFile(locale, 'terms.json')) as Record<string, string>);
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of ['result.passed', 'result.failed', 'result.noQuorum', 'noDeadline', 'partnership'])
      expect(Object.keys(en)).toContain(key);
    const varsOf = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect({ key, vars: varsOf(ar[key]) }).toEqual({ key, vars: varsOf(en[key]) });
  });
});

describe(formatInstant.name, () => {
  const at = new Date('2026-11-24T06:00:00Z');

  it('writes a long English date and time in the time zone', () => {
    expect(formatInstant(at, 'en', 'Asia/Riyadh')).toBe('24 November 2026 at 09:00 (Asia/Riyadh)');
    expect(formatInstant(at, 'en', 'America/Chicago')).toBe('24 November 2026 at 00:00 (America/Chicago)');
  });

  it('writes Arabic month names with latin digits', () => {
    expect(formatInstant(at, 'ar', 'Asia/Riyadh')).toBe('24 نوفمبر 2026، الساعة 09:00 (Asia/Riyadh)');
  });
});

describe(formatDay.name, () => {
  it('writes the date in the time zone, without the time', () => {
    const lateEvening = new Date('2027-03-29T22:30:00Z');
    expect(formatDay(lateEvening, 'en', 'Asia/Riyadh')).toBe('30 March 2027');
    expect(formatDay(lateEvening, 'en', 'America/Chicago')).toBe('29 March 2027');
    expect(formatDay(lateEvening, 'ar', 'Asia/Riyadh')).toBe('30 مارس 2027');
  });
});
