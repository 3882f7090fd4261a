import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from './api-harness';

/**
 * The API serves the built web client: index.html for every client route (the links notifications and
 * e-mails send), its files with the right caching, and nothing of the API's own routes changes. Built
 * here as a fake client in a temporary folder, pointed to by MAJLIS_WEB_DIST (environment.webDist).
 */

const INDEX =
  '<!doctype html><html lang="ar" dir="rtl"><head><title>majlis test client</title></head><body></body></html>';
const ASSET = 'console.log("majlis");';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CLIENT_ROUTES = [
  '/',
  '/sign-in',
  '/ballots',
  '/ballots/3f1c7a52-0e6b-4c55-9a5d-7f0f2b0f6a11',
  '/proposals/3f1c7a52-0e6b-4c55-9a5d-7f0f2b0f6a11',
  '/implementation-plans/3f1c7a52-0e6b-4c55-9a5d-7f0f2b0f6a11',
  '/notifications',
  '/admin/people',
  '/proposals/3f1c7a52-0e6b-4c55-9a5d-7f0f2b0f6a11?tab=revisions',
];

describe('serving the web client', () => {
  let dist: string;
  let api: ApiHarness;

  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'majlis-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-Bx7d2Kq1.js'), ASSET);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await startApi({ webDist: dist, workersInApi: false });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(CLIENT_ROUTES)('answers %s with index.html, never cached', async (url) => {
    const response = await get(url, { accept: HTML });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX);
  });

  it('answers a client route asked for with */* (curl, fetch) with index.html too', async () => {
    expect((await get('/ballots', { accept: '*/*' })).body).toBe(INDEX);
  });

  it('serves hashed assets cached for good, and other files revalidated', async () => {
    const asset = await get('/assets/index-Bx7d2Kq1.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe(ASSET);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const index = await get('/index.html');
    expect(index.body).toBe(INDEX);
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with the JSON 404, not the client', async () => {
    const response = await get('/assets/gone-123.js', { accept: HTML });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers a request with no Accept header at an unknown path with the JSON 404', async () => {
    const response = await get('/ballots');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('still answers a request that wants JSON at an unknown path with the JSON 404', async () => {
    const response = await get('/proposals/3f1c7a52-0e6b-4c55-9a5d-7f0f2b0f6a11', { accept: 'application/json' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/graphql') });
  });

  it('answers other methods at a client route with the JSON 404', async () => {
    const response = await api.app.inject({ method: 'POST', url: '/ballots', headers: { accept: HTML } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['/health/nothing', 404],
    ['/graphql/nothing', 404],
    ['/metrics', 404],
    // The queue dashboard asks for an admin first, as it did.
    ['/admin/queues/nothing', 401],
  ])('leaves the API path %s to the API, even for a browser (%i)', async (url, status) => {
    const response = await get(url, { accept: HTML });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/json/);
  });

  it('leaves /graphql and /health as they were', async () => {
    const graphql = await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', accept: HTML },
      payload: JSON.stringify({ query: '{ instance { demo } }' }),
    });
    expect(graphql.statusCode).toBe(200);
    expect(graphql.json()).toEqual({ data: { instance: { demo: true } } });
    const health = await get('/health', { accept: HTML });
    expect(health.headers['content-type']).toMatch(/application\/json/);
    expect(health.json()).toMatchObject({ status: expect.any(String) });
  });

  it('leaves the API’s own file routes to the API', async () => {
    const calendar = await get('/meetings/3f1c7a52-0e6b-4c55-9a5d-7f0f2b0f6a11/calendar.ics', { accept: HTML });
    expect(calendar.headers['content-type']).toMatch(/application\/json/);
    expect(calendar.statusCode).not.toBe(200);
  });
});

describe('the API without a built web client', () => {
  let api: ApiHarness;
  let empty: string;

  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'majlis-no-web-'));
    api = await startApi({ webDist: empty, workersInApi: false }, { seedDemo: false });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('answers / with a page that says how to build the client, in both languages', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/', headers: { accept: HTML } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('npm run build');
    expect(response.body).toContain('npm run dev:web');
    expect(response.body).toContain('لم يُبنَ');
  });

  it('still answers JSON requests with the JSON 404', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
