import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Environment, Locale } from '@majlis/config';
import { message } from '@majlis/language';

/** Paths that are the API's own, never the client's, whatever the request accepts. */
const API_PATHS = [/^\/graphql(\/|$)/, /^\/health(\/|$)/, /^\/metrics(\/|$)/, /^\/admin\/queues(\/|$)/];

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

const mediaRanges = (accept: string): MediaRange[] =>
  accept.split(',').map((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const [type = '', subtype = ''] = range.trim().split('/');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, subtype, q: Number.isFinite(quality) ? quality : 0 };
  });

/** How much `ranges` want `type/subtype`: the quality of the most specific range that matches, and how specific. */
function preference(ranges: MediaRange[], type: string, subtype: string): { q: number; specificity: number } {
  let best = { q: 0, specificity: -1 };
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : 0;
    const matches = specificity > 0 || (range.type === '*' && range.subtype === '*');
    if (matches && specificity > best.specificity) best = { q: range.q, specificity };
  }
  return best;
}

/**
 * Whether a request asks for a page rather than data: its Accept header prefers HTML to JSON, as browsers
 * (text/html) and curl or fetch (*\/*) do, and API clients (application/json, even beside *\/*) do not.
 * Without the header (a script, a probe) it is an API request.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return false;
  const ranges = mediaRanges(accept);
  const html = preference(ranges, 'text', 'html');
  const json = preference(ranges, 'application', 'json');
  return html.q > 0 && (html.q > json.q || (html.q === json.q && html.specificity >= json.specificity));
}

/** A page of the client (a route such as /ballots/<id>) rather than a file, an API path or another method. */
export function isClientRoute(request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (extname(path) !== '' || API_PATHS.some((pattern) => pattern.test(path))) return false;
  return acceptsHtml(request.headers.accept);
}

/** The values the "not built" page names, as the reader types or opens them. */
const NOT_BUILT_VALUES = {
  build: '<code dir="ltr">npm run build</code>',
  develop: '<code dir="ltr">npm run dev:web</code>',
  api: '<a href="/graphql" dir="ltr">/graphql</a>',
  health: '<a href="/health" dir="ltr">/health</a>',
};

/** A short page in both languages, Arabic first, saying how to build the client (words from the catalogue). */
export function notBuiltPage(): string {
  const body = (locale: Locale) => message(locale, 'security:webClientNotBuilt.body', NOT_BUILT_VALUES);
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message('ar', 'security:webClientNotBuilt.title')} · ${message('en', 'security:webClientNotBuilt.title')}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
<h1>${message('ar', 'security:webClientNotBuilt.title')}</h1>
<p>${body('ar')}</p>
<p lang="en" dir="ltr">${body('en')}</p>
</body>
</html>
`;
}

/**
 * Serves the built web client (`environment.webDist`): its files as they are (hashed assets under
 * /assets/ cached for good, everything else revalidated), and index.html for every client route, so
 * that links such as /proposals/<id> open the client. Only requests no route answers are considered:
 * the API's own routes are untouched, and a request that does not take HTML still gets the JSON 404.
 * Without a build, client routes get a short page saying how to build it.
 */
export async function mountWebClient(app: NestFastifyApplication, environment: Environment): Promise<void> {
  const root = resolve(environment.webDist);
  const built = existsSync(join(root, 'index.html'));
  const notBuilt = built ? '' : notBuiltPage();
  if (built)
    await app.register(fastifyStatic, {
      root,
      // One route per file found now: no catch-all route that would shadow the API's 404s.
      wildcard: false,
      index: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        const immutable = path.startsWith(join(root, 'assets') + '/');
        void reply.header('cache-control', immutable ? IMMUTABLE : 'no-cache');
      },
    });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (!request.is404 || !isClientRoute(request)) return;
      if (!built)
        return reply.status(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(notBuilt);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
}
