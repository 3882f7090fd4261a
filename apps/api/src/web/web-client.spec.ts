import { acceptsHtml, isClientRoute } from './web-client';

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
