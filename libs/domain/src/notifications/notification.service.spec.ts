import { startDomain, type DomainHarness } from '@majlis/testing';
import type { Actor } from '../identity';
import { ProposalCategory, ProposalService } from '../proposals';
import { NotificationService } from './notification.service';

const SECRETARIAT = 'secretariat@demo.majlis';
const DAMMAM_DELEGATE = 'delegate.dammam@demo.majlis';

describe(NotificationService.name, () => {
  let domain: DomainHarness;
  let notifications: NotificationService;
  let secretariat: Actor;
  let dammam: Actor;

  /** A demo account as signed in, reading English (as the API's tests ask). */
  const as = async (email: string): Promise<Actor> => ({ ...(await domain.actor(email)), locale: 'en' });

  /** A Dammam proposal with a title in both languages, submitted; returns its id. */
  const submitted = async (title: { ar: string; en: string }): Promise<string> => {
    const proposals = domain.get(ProposalService);
    const { id } = await proposals.create(dammam, { category: ProposalCategory.PROGRAMME, title });
    await proposals.transition(dammam, id, { event: 'SUBMIT', expectedVersion: 1 });
    return id;
  };

  beforeAll(async () => {
    domain = await startDomain();
    notifications = domain.get(NotificationService);
    secretariat = await as(SECRETARIAT);
    dammam = await as(DAMMAM_DELEGATE);
    // Whatever the demo's own set-up told people is not part of what these tests count.
    await domain.query(
      `UPDATE outbox_message SET dispatched_at = now(), completed_at = now() WHERE completed_at IS NULL`,
    );
  }, 120_000);

  afterAll(() => domain?.close());

  describe('inbox and markRead', () => {
    it('serves the inbox newest first and marks read', async () => {
      for (const n of [1, 2, 3]) await submitted({ ar: `مقترح للصندوق ${n}`, en: `Inbox proposal ${n}` });
      await domain.dispatchOutbox();
      const unread = await notifications.inbox(secretariat, true, { first: 2 });
      const unreadCount = await notifications.unread(secretariat);
      expect(unread.totalCount).toBe(unreadCount);
      expect(unread.items).toHaveLength(2);
      const [first, second] = unread.items;
      expect(await notifications.markRead(secretariat, [first.id], false)).toBe(unreadCount - 1);
      // Someone else's notification is not theirs to mark: NOT_FOUND, and nothing changes.
      await expect(
        notifications.markRead(await as('board.dammam@demo.majlis'), [second.id], false),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await notifications.unread(secretariat)).toBe(unreadCount - 1);
      expect(await notifications.markRead(secretariat, null, true)).toBe(0);
      // Paging: the pages together are every notification once, newest first.
      const seen: string[] = [];
      const createdAt: number[] = [];
      let after: string | null = null;
      do {
        const page = await notifications.inbox(secretariat, false, { first: 3, after });
        seen.push(...page.items.map((item) => item.id));
        createdAt.push(...page.items.map((item) => item.createdAt.getTime()));
        after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : null;
      } while (after !== null);
      const [{ count }] = await domain.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM notification JOIN person ON person.id = recipient_id WHERE person.email = $1`,
        [SECRETARIAT],
      );
      expect(new Set(seen).size).toBe(count);
      expect(seen).toHaveLength(count);
      expect(createdAt).toEqual([...createdAt].sort((a, b) => b - a));
    });

    it('serves each message in the language the reader reads now: it was written in both', async () => {
      const id = await submitted({ ar: 'مقترح يُقرأ باللغتين', en: 'A proposal read in both languages' });
      await domain.dispatchOutbox();
      const read = async (locale: 'ar' | 'en') =>
        (await notifications.inbox({ ...secretariat, locale }, false, { first: 50 })).items
          .map(({ entityId, locale: written, title, body }) => ({ entityId, locale: written, title, body }))
          .find((message) => message.entityId === id)!;
      const arabic = await read('ar');
      expect(arabic.locale).toBe('ar');
      expect(arabic.title).toContain('مقترح يُقرأ باللغتين');
      expect(arabic.body).toMatch(/[\u0600-\u06FF]{4}/);
      expect(arabic.body).not.toContain('A proposal read in both languages');
      const english = await read('en');
      expect(english.locale).toBe('en');
      expect(english.title).toContain('A proposal read in both languages');
      expect(english.body).not.toContain('مقترح يُقرأ باللغتين');
      expect(english.body).not.toMatch(/تحية|سعادة|السادة/);
      // A message written before both languages were kept reads as it was written, whatever the reader asks.
      const [written] = await domain.query<Array<{ locale: 'ar' | 'en'; title: string; body: string }>>(
        `SELECT notification.locale, notification.title, notification.body
           FROM notification JOIN person ON person.id = notification.recipient_id
          WHERE notification.entity_id = $1 AND person.email = $2`,
        [id, SECRETARIAT],
      );
      await domain.query(`UPDATE notification SET translation = NULL WHERE entity_id = $1`, [id]);
      const other = written.locale === 'ar' ? 'en' : 'ar';
      expect(await read(other)).toEqual({
        entityId: id,
        locale: written.locale,
        title: written.title,
        body: written.body,
      });
    });
  });

  describe('createWebhookEndpoint', () => {
    it('refuses webhook addresses it must not call, and endpoints to anyone but admins and the secretariat', async () => {
      const admin = await as('admin@demo.majlis');
      for (const url of ['http://example.org/hook', 'ftp://example.org', 'https://user:pw@example.org/', 'not a url'])
        await expect(notifications.createWebhookEndpoint(admin, { url })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'url',
        });
      await expect(
        notifications.createWebhookEndpoint(dammam, { url: 'https://example.org/hook' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const [{ count }] = await domain.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM webhook_endpoint WHERE active`,
      );
      expect(count).toBe(0);
    });
  });
});
