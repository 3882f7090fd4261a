import { managerOf } from '@majlis/persistence';
import { startDomain, type DomainHarness } from '@majlis/testing';
import type { Actor } from '../identity';
import { CalendarFeedService } from './calendar-feed.service';

/** The secret in a feed's address. */
const tokenOf = (url: string): string => /\/calendar-feeds\/([^.]+)\.ics$/.exec(url)?.[1] ?? '';

describe(CalendarFeedService.name, () => {
  let domain: DomainHarness;
  let feeds: CalendarFeedService;
  let aberdeen: Actor;
  let dammam: Actor;

  beforeAll(async () => {
    domain = await startDomain();
    feeds = domain.get(CalendarFeedService);
    aberdeen = await domain.actor('board.aberdeen@demo.majlis');
    dammam = await domain.actor('delegate.dammam@demo.majlis');
  });

  afterAll(() => domain?.close());

  const setActive = (email: string, active: boolean) =>
    domain.unitOfWork.run((tx) =>
      managerOf(tx).query(`UPDATE person SET active = $1 WHERE email = $2`, [active, email]),
    );

  describe('create', () => {
    it('makes one working address when asked twice at once, refusing neither', async () => {
      const issued = await Promise.all(Array.from({ length: 4 }, () => feeds.create(aberdeen)));
      const served = await Promise.all(issued.map(({ url }) => feeds.calendar(tokenOf(url))));
      expect(served.filter((calendar) => calendar !== null)).toHaveLength(1);
      expect(await feeds.revoke(aberdeen)).toBe(true);
    });

    it('keeps only the hash of the address, and a new address replaces the old', async () => {
      const first = await feeds.create(dammam);
      const second = await feeds.create(dammam);
      expect(first.feed.tokenHash).not.toContain(tokenOf(first.url));
      expect(await feeds.calendar(tokenOf(first.url))).toBeNull();
      expect(await feeds.calendar(tokenOf(second.url))).toContain('BEGIN:VCALENDAR');
      expect(await feeds.feed(dammam)).toMatchObject({ personId: dammam.personId, tokenHash: second.feed.tokenHash });
      expect(await feeds.revoke(dammam)).toBe(true);
      expect(await feeds.revoke(dammam)).toBe(false);
      expect(await feeds.feed(dammam)).toBeNull();
    });
  });

  describe('calendar', () => {
    it('stops serving the feed of a person who can no longer sign in', async () => {
      const { url } = await feeds.create(dammam);
      expect(await feeds.calendar(tokenOf(url))).not.toBeNull();
      await setActive('delegate.dammam@demo.majlis', false);
      try {
        expect(await feeds.calendar(tokenOf(url))).toBeNull();
      } finally {
        await setActive('delegate.dammam@demo.majlis', true);
      }
    });

    it('answers a token that is malformed or unknown with nothing', async () => {
      for (const token of ['A'.repeat(43), 'short', "' OR 1=1", `${'A'.repeat(43)}.ics`])
        expect(await feeds.calendar(token)).toBeNull();
    });
  });
});
