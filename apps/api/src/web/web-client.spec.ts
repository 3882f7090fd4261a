import { acceptsHtml, isClientRoute, notBuiltPage } from './web-client';

describe('acceptsHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true], // a browser's navigation
    ['*/*', true], // curl, fetch
    ['text/*', true],
    ['application/json', false],
    ['application/json, text/plain, */*', false], // axios
    ['application/graphql-response+json, application/json;q=0.9', false], // Apollo Client
    ['text/html;q=0', false],
    ['application/json;q=0.5, text/html', true],
    ['', false],
    [undefined, false],
  ])('%p → %p', (accept, expected) => {
    expect(acceptsHtml(accept)).toBe(expected);
  });
});

describe('isClientRoute', () => {
  const request = (method: string, url: string, accept = 'text/html') => ({ method, url, headers: { accept } });

  it.each(['/', '/sign-in', '/ballots/42', '/proposals/7?tab=text', '/implementation-plans/9', '/admin/people'])(
    'takes GET %s from a browser',
    (url) => {
      expect(isClientRoute(request('GET', url))).toBe(true);
      expect(isClientRoute(request('HEAD', url))).toBe(true);
    },
  );

  it.each([
    request('POST', '/ballots'),
    request('GET', '/graphql'),
    request('GET', '/health/ready'),
    request('GET', '/metrics'),
    request('GET', '/admin/queues'),
    request('GET', '/admin/queues/api/queues'),
    request('GET', '/meetings/1/calendar.ics'),
    request('GET', '/assets/index-1.js'),
    request('GET', '/ballots', 'application/json'),
  ])('leaves %p to the API', (candidate) => {
    expect(isClientRoute(candidate)).toBe(false);
  });
});

describe('notBuiltPage', () => {
  const page = notBuiltPage();
  const paragraphs = [...page.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((match) => match[1]);

  it('says in Arabic, then in English, how to build the client', () => {
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toContain('لم يُبنَ بعد');
    expect(paragraphs[1]).toContain('has not been built');
    for (const paragraph of paragraphs) {
      expect(paragraph).toContain('<code dir="ltr">npm run build</code>');
      expect(paragraph).toContain('<code dir="ltr">npm run dev:web</code>');
      expect(paragraph).toContain('<a href="/graphql" dir="ltr">/graphql</a>');
    }
  });

  it('writes no English in the Arabic paragraph outside the commands and links it quotes', () => {
    const words = paragraphs[0].replace(/<(code|a)\b[^>]*>[^<]*<\/\1>/g, '').replace(/<[^>]+>/g, '');
    expect(words.match(/[A-Za-z]+/g)).toBeNull();
  });
});
