import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiHarness, Caller, codeOf, ok, startApi } from './api-harness';

const FEED = `{ calendarFeed { createdAt } }`;
const CREATE = `mutation { createCalendarFeed { url feed { createdAt } } }`;
const REVOKE = `mutation { revokeCalendarFeed }`;

// The feed's rules (one address per person, the owner who can no longer sign in) are proven in
// calendar-feed.service.spec.ts; here, the address as calendar programs fetch it.
describe('the per-person calendar feed', () => {
  let api: ApiHarness;
  let dataSource: DataSource;
  let asAberdeen: Caller;
  let asDammam: Caller;
  const anonymous = (): Caller => api.caller(null);

  const fetchFeed = (url: string) => api.app.inject({ method: 'GET', url: new URL(url).pathname });
  const create = async (call: Caller): Promise<string> =>
    (await ok<{ createCalendarFeed: { url: string } }>(call, CREATE)).createCalendarFeed.url;

  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    asAberdeen = await api.as('board.aberdeen');
    asDammam = await api.as('delegate.dammam');
    await ok(asAberdeen, `mutation { updateMyProfile(input: { locale: en }) { id } }`);
    await ok(asDammam, `mutation { updateMyProfile(input: { locale: ar }) { id } }`);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('serves the meetings as text/calendar at a secret address, in its owner’s language, without a session', async () => {
    expect((await asAberdeen<{ calendarFeed: null }>(FEED)).data?.calendarFeed).toBeNull();
    const url = await create(asAberdeen);
    expect(url).toMatch(new RegExp(`^${api.environment.publicUrl}/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await asAberdeen<{ calendarFeed: { createdAt: string } }>(FEED)).data?.calendarFeed?.createdAt).toEqual(
      expect.any(String),
    );

    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const unfolded = response.body.replace(/\r\n /g, '');
    expect(unfolded.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(unfolded).toContain('X-WR-CALNAME:majlis meetings');
    expect(unfolded).toContain('SUMMARY;LANGUAGE=en:');
    expect(unfolded.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThan(0);

    // Another person's feed is theirs, in their language; only hashes are stored.
    const dammamUrl = await create(asDammam);
    expect(dammamUrl).not.toBe(url);
    const arabic = (await fetchFeed(dammamUrl)).body.replace(/\r\n /g, '');
    expect(arabic).toContain('X-WR-CALNAME:اجتماعات «مجلس»');
    expect(arabic).toContain('SUMMARY;LANGUAGE=ar:');
    const rows = (await dataSource.query(`SELECT token_hash FROM calendar_feed`)) as Array<{ token_hash: string }>;
    expect(rows).toHaveLength(2);
    const token = /\/calendar-feeds\/([^.]+)\.ics$/.exec(url)?.[1] ?? '';
    for (const row of rows) expect(row.token_hash).not.toContain(token);
    expect((await asDammam<{ revokeCalendarFeed: boolean }>(REVOKE)).data?.revokeCalendarFeed).toBe(true);
  });

  it('stops an address at once when it is revoked or replaced, answering like a path that never existed', async () => {
    const first = await create(asAberdeen);
    const second = await create(asAberdeen);
    const nothing = await api.app.inject({ method: 'GET', url: '/no-such-path.ics' });
    expect(nothing.statusCode).toBe(404);
    const replaced = await fetchFeed(first);
    expect(replaced.statusCode).toBe(404);
    expect(Object.keys(replaced.json() as object)).toEqual(Object.keys(nothing.json() as object));
    expect(replaced.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((replaced.json() as { message: string }).message).toBe(
      (nothing.json() as { message: string }).message.replace('/no-such-path.ics', new URL(first).pathname),
    );
    expect((await fetchFeed(second)).statusCode).toBe(200);

    expect((await asAberdeen<{ revokeCalendarFeed: boolean }>(REVOKE)).data?.revokeCalendarFeed).toBe(true);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await asAberdeen<{ calendarFeed: null }>(FEED)).data?.calendarFeed).toBeNull();
    // Revoking again changes nothing and says there was none.
    expect((await asAberdeen<{ revokeCalendarFeed: boolean }>(REVOKE)).data?.revokeCalendarFeed).toBe(false);
  });

  it('refuses unknown and malformed addresses alike, and the mutations without a session', async () => {
    for (const path of [
      `/calendar-feeds/${'A'.repeat(43)}.ics`,
      '/calendar-feeds/short.ics',
      '/calendar-feeds/%27%20OR%201=1.ics',
      `/calendar-feeds/${'A'.repeat(43)}`,
    ]) {
      const response = await api.app.inject({ method: 'GET', url: path });
      expect([path, response.statusCode, (response.json() as { code: string }).code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const count = async () =>
      ((await dataSource.query(`SELECT count(*)::int AS count FROM calendar_feed`)) as Array<{ count: number }>)[0]
        ?.count;
    const before = await count();
    expect(codeOf(await anonymous()(CREATE))).toBe('UNAUTHENTICATED');
    expect(codeOf(await anonymous()(REVOKE))).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('answers a bad address in the reader’s language, word for word as a path with no route', async () => {
    const headers = { 'accept-language': 'ar' };
    const path = `/calendar-feeds/${'B'.repeat(43)}.ics`;
    const feed = await api.app.inject({ method: 'GET', url: path, headers });
    const nothing = await api.app.inject({ method: 'GET', url: '/no-such-path.ics', headers });
    expect(feed.statusCode).toBe(404);
    expect(feed.json()).toEqual({
      code: 'NOT_FOUND',
      message: (nothing.json() as { message: string }).message.replace('/no-such-path.ics', path),
    });
    expect((feed.json() as { message: string }).message).toMatch(/[\u0600-\u06FF]/);
  });
});
