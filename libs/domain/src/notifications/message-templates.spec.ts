import type { Locale } from '@majlis/config';
import { catalogueProblems, timeZoneName } from '@majlis/language';
import type { FormOfAddress } from '../identity';
import {
  type Addressee,
  ballotResult,
  checkTemplates,
  formatDay,
  formatInstant,
  MESSAGE_TOPICS,
  MessageTopic,
  type MessageVars,
  parseLayout,
  renderDigest,
  renderMessage,
  votes,
} from './message-templates';

const LOCALES: Locale[] = ['ar', 'en'];

const reader = (locale: Locale, name = '', formOfAddress: FormOfAddress | null = null): Addressee => ({
  locale,
  digits: locale === 'ar' ? 'arab' : 'latn',
  name,
  formOfAddress,
});

/** The vars each topic's messages show: the contract with the notifications module. */
const TOPIC_VARS: Record<MessageTopic, string[]> = {
  'proposal.submitted': ['proposalTitle', 'cityName'],
  'proposal.changesRequested': ['proposalTitle', 'comment'],
  'proposal.scheduled': ['proposalTitle', 'cityName', 'meetingTitle', 'meetingStartsAt'],
  'meeting.agendaPublished': ['meetingTitle', 'cityName', 'meetingStartsAt'],
  'ballot.opened': ['proposalTitle', 'closesAt'],
  'ballot.closingSoon': ['proposalTitle', 'closesAt'],
  'ballot.closed': ['proposalTitle', 'resultText', 'yes', 'no', 'abstain'],
  'ballot.cancelled': ['proposalTitle', 'comment'],
  'actionItem.assigned': ['itemTitle', 'planTitle', 'cityName', 'dueDate'],
  'actionItem.dueSoon': ['itemTitle', 'planTitle', 'dueDate'],
  'actionItem.overdue': ['itemTitle', 'planTitle', 'dueDate'],
  'actionItem.escalated': ['itemTitle', 'planTitle', 'cityName', 'dueDate'],
  'account.invitation': ['expiresAt'],
  'account.reset': ['expiresAt'],
};

const SAMPLE: Record<string, string | number> = {
  link: 'https://majlis.example/p/42',
  proposalTitle: 'Strategic plan for wider cooperation',
  cityName: 'Dammam',
  comment: 'Please add a budget for the training exchange.',
  meetingTitle: 'Annual meeting 2026',
  meetingStartsAt: '24 November 2026 at 09:00 (Central Time)',
  closesAt: '25 November 2026 at 17:00 (Central Time)',
  resultText: 'the proposal was approved by the board of directors',
  yes: '7 votes',
  no: '2 votes',
  abstain: '1 vote',
  cast: 10,
  eligible: 12,
  itemTitle: 'Launch the academic exchange programme',
  planTitle: 'Implementation plan 2027',
  dueDate: '30 March 2027',
  daysOverdue: 9,
  expiresAt: '7 December 2026 at 12:00 (Coordinated Universal Time)',
};

const NAME = 'Ziad Al-Suwaidan';

describe(parseLayout.name, () => {
  it('reads the markup and every placeholder', () => {
    const parts = parseLayout('<p>{{subject}}</p>\n{{ content }}', 'x', ['subject', 'content']);
    expect(parts.filter((part) => part.kind === 'var').map((part) => part.kind === 'var' && part.name)).toEqual([
      'subject',
      'content',
    ]);
  });

  it.each([
    ['an unknown tag', '<p>\n{{&content}}</p>', 'x.html:2'],
    ['a tag with two words', '{{content}}\n<p>{{a b}}</p>', 'x.html:2'],
    ['a section tag', '{{content}}\n\n{{#content}}', 'x.html:3'],
    ['an unknown placeholder', '{{content}}\n{{recipientName}}', 'x.html:2'],
    ['an unclosed tag', '{{content}}\n<p>{{content\n}}</p>', 'x.html:2'],
    ['a stray closing brace pair', '{{content}}\n\n<p>{content}}</p>', 'x.html:3'],
    ['a layout without its content', '<p>{{subject}}</p>', 'x.html:1'],
  ])('refuses %s, naming the file and line', (_case, source, where) => {
    expect(() => parseLayout(source, 'x.html', ['subject', 'content'])).toThrow(where);
  });
});

describe(checkTemplates.name, () => {
  it('finds every message of both languages in the catalogue, and every topic shows the same vars in each', () => {
    expect(() => checkTemplates()).not.toThrow();
    for (const topic of MESSAGE_TOPICS)
      for (const locale of LOCALES) {
        const { text } = renderMessage(topic, reader(locale, NAME), SAMPLE);
        for (const name of ['link', ...TOPIC_VARS[topic]])
          expect({ topic, locale, text }).toEqual({
            topic,
            locale,
            text: expect.stringContaining(String(SAMPLE[name])),
          });
      }
  });
});

describe(renderMessage.name, () => {
  const cases = MESSAGE_TOPICS.flatMap((topic) => LOCALES.map((locale) => [topic, locale] as const));

  it.each(cases)('renders %s in %s with every var it was given', (topic, locale) => {
    const message = renderMessage(topic, reader(locale, NAME), SAMPLE);
    expect(message.subject).not.toMatch(/\n|\{\{|\}\}/);
    expect(message.subject.length).toBeGreaterThan(5);
    expect(message.text).not.toMatch(/\{\{|\}\}|<p|\n{3}/);
    for (const name of ['link', ...TOPIC_VARS[topic]]) expect(message.text).toContain(String(SAMPLE[name]));
    expect(message.html).toContain(`<a href="${SAMPLE.link}"`);
    expect(message.html).toContain(locale === 'ar' ? '<html lang="ar" dir="rtl">' : '<html lang="en" dir="ltr">');
    expect(message.html).not.toMatch(locale === 'ar' ? /text-align: ?left/ : /dir="rtl"|text-align: ?right/);
  });

  it('writes Arabic for Arabic readers and English for English ones', () => {
    const ar = renderMessage('ballot.opened', reader('ar', NAME), SAMPLE);
    const en = renderMessage('ballot.opened', reader('en', NAME), SAMPLE);
    expect(ar.text).toContain('مجلس إدارة التجمع');
    expect(ar.html).toContain('تجمع مدن الطاقة العالمية');
    expect(ar.html).toContain('>مجلس</div>');
    expect(en.text).toContain('board of directors');
    expect(en.html).toContain('World Energy Cities Partnership');
  });

  it('escapes every value in the html and keeps it verbatim in the text and subject', () => {
    const title = `<script>alert("x")</script> & 'more'`;
    const message = renderMessage('proposal.submitted', reader('en', NAME), { ...SAMPLE, proposalTitle: title });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;');
    expect(message.text).toContain(title);
    expect(message.subject).toBe(`New proposal for review: ${title}`);
  });

  it('shows an optional paragraph only when its value is set', () => {
    const withComment = renderMessage('proposal.changesRequested', reader('en'), SAMPLE);
    const without = renderMessage('proposal.changesRequested', reader('en'), { ...SAMPLE, comment: '' });
    expect(withComment.text).toContain('The reviewer’s comment:');
    expect(without.text).not.toContain('The reviewer’s comment:');
    expect(without.text).not.toMatch(/\n{3}/);
    expect(renderMessage('ballot.opened', reader('ar'), { ...SAMPLE, closesAt: undefined }).text).not.toContain(
      'يُغلق التصويت',
    );
  });

  it('leaves out an optional paragraph together with its blank line', () => {
    const withDate = renderMessage('actionItem.assigned', reader('en'), SAMPLE).text;
    const withoutDate = renderMessage('actionItem.assigned', reader('en'), { ...SAMPLE, dueDate: '' }).text;
    expect(withDate).toContain('implementation plan “Implementation plan 2027”.\n\nIt is due on 30 March 2027.\n\nThe');
    expect(withoutDate).toContain('implementation plan “Implementation plan 2027”.\n\nThe general secretariat');
  });

  it('shows a paragraph marked `unless` only when its value is empty', () => {
    expect(renderMessage('ballot.closingSoon', reader('en'), { proposalTitle: 'p' }).text).toContain(
      'Voting closes soon.',
    );
    expect(renderMessage('ballot.closingSoon', reader('en'), SAMPLE).text).not.toContain('Voting closes soon.');
  });

  it('renders missing vars as empty and leaves out the greeting and the link', () => {
    const message = renderMessage('actionItem.overdue', reader('en'), { itemTitle: 'Item' });
    expect(message.text).not.toMatch(/undefined|Dear|Excellency|https?:/);
    expect(message.text.startsWith('The action item “Item”')).toBe(true);
    expect(message.html).not.toContain('<a ');
  });

  it('collapses whitespace in the subject', () => {
    const message = renderMessage('ballot.closed', reader('en'), { proposalTitle: 'Two\nlines   and\ttabs' });
    expect(message.subject).toBe('Voting closed: Two lines and tabs');
  });

  it('keeps Arabic harakat as written', () => {
    const title = 'مُسَوَّدَةُ الخُطَّةِ الإِسْتِراتِيجِيَّةِ';
    const message = renderMessage('proposal.scheduled', reader('ar', NAME), { ...SAMPLE, proposalTitle: title });
    expect(message.subject.endsWith(title)).toBe(true);
    expect(message.text).toContain(`«${title}»`);
    expect(message.html).toContain(`«${title}»`);
  });

  it('turns paragraphs into <p> and single line breaks into <br>', () => {
    const { html } = renderMessage('ballot.closed', reader('en'), SAMPLE);
    expect(html).toMatch(/<p[^>]*>Yes: 7 votes<br>No: 2 votes<br>Abstain: 1 vote<\/p>/);
    expect(html).toMatch(/<p[^>]*>10 of 12 eligible members voted\.<\/p>/);
  });

  it('links an address with its query escaped', () => {
    const { html } = renderMessage('ballot.opened', reader('en'), { link: 'https://majlis.example/b?x=1&y="2"' });
    expect(html).toContain('<a href="https://majlis.example/b?x=1&amp;y=" dir="ltr"');
    expect(html).toContain('&quot;2&quot;');
  });

  describe('greets the reader as their form of address asks', () => {
    const JAMAL = 'المهندس جمال بن ناصر الملحم';
    const SECRETARIAT = 'الأمانة العامة للتجمع';
    it.each([
      ['an excellency', 'ar', JAMAL, 'EXCELLENCY', `سعادة ${JAMAL}،`],
      ['an office', 'ar', SECRETARIAT, 'OFFICE', `إلى السادة في ${SECRETARIAT} المحترمين،`],
      ['someone whose form of address is not known', 'ar', 'زياد', null, 'تحية طيبة إلى زياد،'],
      ['an excellency', 'en', 'Eng. Jamal Al-Mulhim', 'EXCELLENCY', 'Your Excellency Eng. Jamal Al-Mulhim,'],
      ['an office', 'en', 'the General Secretariat', 'OFFICE', 'Dear colleagues at the General Secretariat,'],
      ['someone whose form of address is not known', 'en', 'Ziad', null, 'Dear Ziad,'],
    ] as const)('%s in %s', (_who, locale, name, form, greeting) => {
      const { text } = renderMessage('ballot.opened', reader(locale, name, form), SAMPLE);
      expect(text.split('\n\n')[0]).toBe(greeting);
    });

    it('calls only an excellency «سعادة», and asks an office for its vote in words that fit it', () => {
      for (const form of ['OFFICE', null] as const) {
        const { text } = renderMessage('ballot.opened', reader('ar', SECRETARIAT, form), SAMPLE);
        expect(text).not.toMatch(/سعادة|عضواً|عضوًا|بصفتكم/);
        expect(text).toContain('نرجو الإدلاء بصوتكم');
      }
    });
  });

  describe('counts in Arabic, agreeing with the number, in the reader’s digits', () => {
    const GOLDEN: Array<[number, string, string]> = [
      [0, 'لم يمضِ على موعده النهائي يوم كامل بعد.', 'لم يصوّت أحد من الأعضاء الذين يحق لهم التصويت، وعددهم ١٢.'],
      [1, 'مضى على موعده النهائي يوم واحد.', 'صوّت عضو واحد من أصل ١٢ يحق لهم التصويت.'],
      [2, 'مضى على موعده النهائي يومان.', 'صوّت عضوان من أصل ١٢ يحق لهم التصويت.'],
      [3, 'مضى على موعده النهائي ٣ أيام.', 'صوّت ٣ أعضاء من أصل ١٢ يحق لهم التصويت.'],
      [11, 'مضى على موعده النهائي ١١ يوماً.', 'صوّت ١١ عضواً من أصل ١٢ يحق لهم التصويت.'],
      [100, 'مضى على موعده النهائي ١٠٠ يوم.', 'صوّت ١٠٠ عضو من أصل ١٢ يحق لهم التصويت.'],
    ];

    it.each(GOLDEN)('days overdue and votes cast at %i', (n, days, turnout) => {
      const escalated = renderMessage('actionItem.escalated', reader('ar'), { ...SAMPLE, daysOverdue: n });
      expect(escalated.text.split('\n\n')).toContain(days);
      const closed = renderMessage('ballot.closed', reader('ar'), { ...SAMPLE, cast: n, eligible: 12 });
      expect(closed.text.split('\n\n')).toContain(turnout);
    });

    it('writes Latin digits for a reader who chose them', () => {
      const latin = { ...reader('ar'), digits: 'latn' as const };
      expect(renderMessage('actionItem.overdue', latin, { ...SAMPLE, daysOverdue: 11 }).text).toContain(
        'مضى على موعده النهائي 11 يوماً.',
      );
    });
  });
});

describe(renderDigest.name, () => {
  const items = [
    renderMessage('ballot.opened', reader('en'), { ...SAMPLE, proposalTitle: 'First <one>' }),
    renderMessage('actionItem.overdue', reader('en'), { ...SAMPLE, itemTitle: 'Second' }),
    renderMessage('ballot.closed', reader('en'), { ...SAMPLE, proposalTitle: 'Third' }),
  ];

  it('lists the items in order between the greeting and the closing line', () => {
    const digest = renderDigest(reader('en', 'Ziad'), '24 November 2026', items);
    expect(digest.subject).toBe('Your majlis summary for 24 November 2026');
    const positions = ['Dear Ziad,', 'your 3 notifications', '1. Voting open: First <one>', '2. Overdue', '3. Voting'];
    const found = positions.map((part) => digest.text.indexOf(part));
    expect(found.every((at) => at >= 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(digest.text.indexOf('daily summary.')).toBeGreaterThan(found[4]);
    expect(digest.text.match(/Dear/g)).toHaveLength(1);
  });

  it('marks the items up as an escaped list', () => {
    const { html } = renderDigest(reader('en', 'Ziad'), 'today', items);
    expect(html).toMatch(/<ol[^>]*>\s*<li[^>]*><p[^>]*>Voting open: First &lt;one&gt;<\/p>/);
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).not.toContain('<one>');
    expect(html.indexOf('Second')).toBeLessThan(html.indexOf('Third'));
  });

  it('writes Arabic right to left', () => {
    const digest = renderDigest(reader('ar', 'زياد', 'EXCELLENCY'), '٢٤ نوفمبر ٢٠٢٦', items.slice(0, 1));
    expect(digest.html).toContain('<html lang="ar" dir="rtl">');
    expect(digest.text).toContain('سعادة زياد،');
    expect(digest.text).toContain('يضم هذا الملخص إشعاراً واحداً عن يوم ٢٤ نوفمبر ٢٠٢٦.');
    expect(digest.text).toContain('١. Voting open');
  });

  it.each([
    [0, 'لا يضم هذا الملخص أي إشعار عن يوم ٢٤ نوفمبر ٢٠٢٦.'],
    [1, 'يضم هذا الملخص إشعاراً واحداً عن يوم ٢٤ نوفمبر ٢٠٢٦.'],
    [2, 'يضم هذا الملخص إشعارَين عن يوم ٢٤ نوفمبر ٢٠٢٦.'],
    [3, 'يضم هذا الملخص ٣ إشعارات عن يوم ٢٤ نوفمبر ٢٠٢٦.'],
    [11, 'يضم هذا الملخص ١١ إشعاراً عن يوم ٢٤ نوفمبر ٢٠٢٦.'],
    [100, 'يضم هذا الملخص ١٠٠ إشعار عن يوم ٢٤ نوفمبر ٢٠٢٦.'],
  ])('counts %i notifications in Arabic', (n, intro) => {
    const many = Array.from({ length: n }, (_, i) => ({ subject: `item ${i}`, text: 'text' }));
    const digest = renderDigest(reader('ar', 'زياد'), '٢٤ نوفمبر ٢٠٢٦', many);
    expect(digest.text.split('\n\n')[1]).toBe(intro);
  });
});

describe('the words of a result and of a vote count', () => {
  it('returns the word in each language', () => {
    expect(ballotResult(reader('en'), 'passed')).toBe('the proposal was approved by the board of directors');
    expect(ballotResult(reader('ar'), 'noQuorum')).toBe('لم يُتخذ قرار لعدم اكتمال النصاب');
  });

  it('substitutes vars', () => {
    expect(votes(reader('en'), 1)).toBe('1 vote');
    expect(votes(reader('en'), 7)).toBe('7 votes');
  });

  it('throws naming a missing key', () => {
    expect(() => ballotResult(reader('ar'), 'unknown')).toThrow('"mail:ballot.closed.result.unknown"');
  });

  it('has the same keys and vars in both languages', () => {
    expect(catalogueProblems(undefined, undefined, ['mail', 'common', 'csv', 'calendar'])).toEqual([]);
  });

  it.each([
    [0, 'لا أصوات'],
    [1, 'صوت واحد'],
    [2, 'صوتان'],
    [3, '٣ أصوات'],
    [11, '١١ صوتاً'],
    [100, '١٠٠ صوت'],
  ])('writes %i votes in Arabic words that agree with the number', (n, words) => {
    expect(votes(reader('ar'), n)).toBe(words);
  });
});

describe(formatInstant.name, () => {
  const at = new Date('2026-11-24T06:00:00Z');

  it('writes a long English date and time in the time zone', () => {
    expect(formatInstant(at, reader('en'), 'Asia/Riyadh')).toBe('24 November 2026 at 09:00 (Arabian Standard Time)');
    expect(formatInstant(at, reader('en'), 'America/Chicago')).toBe('24 November 2026 at 00:00 (Central Time)');
    expect(formatInstant(at, reader('en'), 'UTC')).toBe('24 November 2026 at 06:00 (Coordinated Universal Time)');
  });

  it('writes Arabic month names in the reader’s digits, and names the time zone in Arabic', () => {
    expect(formatInstant(at, reader('ar'), 'America/Chicago')).toBe(
      '٢٤ نوفمبر ٢٠٢٦، الساعة ٠٠:٠٠ (التوقيت المركزي لأمريكا الشمالية)',
    );
    expect(formatInstant(at, { locale: 'ar', digits: 'latn' }, 'Asia/Riyadh')).toBe(
      '24 نوفمبر 2026، الساعة 09:00 (التوقيت العربي الرسمي)',
    );
  });
});

describe(timeZoneName.name, () => {
  it('names a time zone in the reader’s language, UTC included, never by its IANA id', () => {
    expect(timeZoneName('UTC', 'ar')).toBe('التوقيت العالمي المنسق');
    expect(timeZoneName('Africa/Lagos', 'ar')).toBe('توقيت غرب أفريقيا');
    expect(timeZoneName('Africa/Lagos', 'en')).toBe('West Africa Time');
  });
});

describe(formatDay.name, () => {
  it('writes the date in the time zone, without the time', () => {
    const lateEvening = new Date('2027-03-29T22:30:00Z');
    expect(formatDay(lateEvening, reader('en'), 'Asia/Riyadh')).toBe('30 March 2027');
    expect(formatDay(lateEvening, reader('en'), 'America/Chicago')).toBe('29 March 2027');
    expect(formatDay(lateEvening, reader('ar'), 'Asia/Riyadh')).toBe('٣٠ مارس ٢٠٢٧');
  });
});

/** Every message of every topic, for the wording check: no raw key or placeholder is left. */
describe('every topic in Arabic', () => {
  it.each(MESSAGE_TOPICS)('%s reads without a raw key or placeholder', (topic) => {
    const vars: MessageVars = { ...SAMPLE, proposalTitle: 'عنوان' };
    const { subject, text } = renderMessage(topic, reader('ar', 'زياد', 'EXCELLENCY'), vars);
    expect(`${subject}\n${text}`).not.toMatch(/\{\{|\}\}|mail:/);
  });
});
