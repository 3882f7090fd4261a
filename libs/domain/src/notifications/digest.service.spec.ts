import { startDomain, type DomainHarness } from '@majlis/testing';
import type { Actor } from '../identity';
import { ProposalCategory, ProposalService } from '../proposals';
import { BallotService } from '../voting';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { NotificationService } from './notification.service';

const SECRETARIAT = 'secretariat@demo.majlis';
const BOARD_DAMMAM = 'board.dammam@demo.majlis';

describe(DigestService.name, () => {
  let domain: DomainHarness;
  let secretariat: Actor;
  let dammam: Actor;
  let delivered = 0;

  /** A demo account as signed in, reading English (as the API's tests ask). */
  const as = async (email: string): Promise<Actor> => ({ ...(await domain.actor(email)), locale: 'en' });

  /** What the relay and the worker do: each committed event dispatched, then each delivery it queued sent. */
  const settle = async (): Promise<void> => {
    await domain.dispatchOutbox();
    const jobs = domain.jobs.filter((job) => job.job === 'deliver');
    for (const job of jobs.slice(delivered))
      await domain
        .get(DeliveryService)
        .deliver((job.payload as { deliveryId: string }).deliveryId, { number: 1, of: 1 });
    delivered = jobs.length;
  };

  /** A Dammam proposal; returns its id and a step that moves it. */
  const proposal = async (title: { ar: string; en: string }) => {
    const proposals = domain.get(ProposalService);
    const { id } = await proposals.create(dammam, { category: ProposalCategory.PROGRAMME, title });
    let version = 1;
    const step = async (actor: Actor, event: string): Promise<void> => {
      version = (await proposals.transition(actor, id, { event, expectedVersion: version })).version;
    };
    return { id, step };
  };

  beforeAll(async () => {
    domain = await startDomain();
    secretariat = await as(SECRETARIAT);
    dammam = await as('delegate.dammam@demo.majlis');
    // Whatever the demo's own set-up told people is not part of what these tests count.
    await domain.query(
      `UPDATE outbox_message SET dispatched_at = now(), completed_at = now() WHERE completed_at IS NULL`,
    );
  }, 120_000);

  afterAll(() => domain?.close());

  describe('run', () => {
    it('honours preferences: off hears nothing; digest keeps the inbox and gathers e-mails into one a day', async () => {
      const notifications = domain.get(NotificationService);
      const settings = await notifications.updateSettings(
        secretariat,
        [{ topic: 'proposal.submitted', mode: 'digest' }],
        'Asia/Riyadh',
      );
      expect(settings.effectiveTimeZone).toBe('Asia/Riyadh');
      expect(settings.preferences).toContainEqual({ topic: 'proposal.submitted', mode: 'digest' });
      expect(settings.preferences).toContainEqual({ topic: 'ballot.closed', mode: 'immediate' });
      await notifications.updateSettings(
        await as(BOARD_DAMMAM),
        [{ topic: 'proposal.scheduled', mode: 'off' }],
        undefined,
      );
      await expect(
        notifications.updateSettings(secretariat, [{ topic: 'proposal.eaten', mode: 'off' }], 'Mars/Olympus'),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'preferences.0.topic' });

      const before = domain.mail.sent.length;
      const titles = { ar: 'تقرير الأمانة العامة', en: 'Report of the general secretariat' };
      for (let n = 1; n <= 2; n++) {
        const { step } = await proposal({ ar: `${titles.ar} ${n}`, en: `${titles.en} ${n}` });
        await step(dammam, 'SUBMIT');
      }
      const scheduledOne = await proposal({ ar: 'بند للجدولة', en: 'Item to schedule' });
      await scheduledOne.step(dammam, 'SUBMIT');
      await scheduledOne.step(secretariat, 'START_REVIEW');
      await scheduledOne.step(secretariat, 'ACCEPT');
      const [meeting] = await domain.query<Array<{ id: string }>>(
        `SELECT id FROM meeting WHERE kind = 'ANNUAL' ORDER BY starts_at DESC, id DESC LIMIT 1`,
      );
      await domain.get(BallotService).schedule(secretariat, scheduledOne.id, meeting.id);
      await settle();
      const mailedSecretariat = domain.mail.sent.slice(before).filter((mail) => mail.to === SECRETARIAT);
      expect(mailedSecretariat.filter((mail) => mail.subject.includes(titles.en))).toEqual([]);
      const [{ inInbox }] = await domain.query<Array<{ inInbox: number }>>(
        `SELECT count(*)::int AS "inInbox" FROM notification n JOIN person p ON p.id = n.recipient_id
          WHERE p.email = $1 AND n.topic = 'proposal.submitted' AND n.title LIKE $2`,
        [SECRETARIAT, `%${titles.en}%`],
      );
      expect(inInbox).toBe(2);
      const [{ waiting }] = await domain.query<Array<{ waiting: number }>>(
        `SELECT count(*)::int AS waiting FROM notification_delivery d JOIN person p ON p.id = d.recipient_id
          WHERE p.email = $1 AND d.status = 'digest'`,
        [SECRETARIAT],
      );
      expect(waiting).toBe(3);
      const [{ heard }] = await domain.query<Array<{ heard: number }>>(
        `SELECT count(*)::int AS heard FROM notification n JOIN person p ON p.id = n.recipient_id
          WHERE p.email = $1 AND n.entity_id = $2`,
        [BOARD_DAMMAM, scheduledOne.id],
      );
      expect(heard).toBe(0);
      expect(domain.mail.sent.slice(before).filter((mail) => mail.to === BOARD_DAMMAM)).toEqual([]);

      // The digest job of Riyadh's time zone, run four times at once (workers, retries): one digest e-mail.
      const digests = domain.get(DigestService);
      const runs = await Promise.all(Array.from({ length: 4 }, () => digests.run('Asia/Riyadh')));
      expect(runs.reduce((a, b) => a + b)).toBe(1);
      await settle();
      const digestMails = domain.mail.sent.slice(before).filter((mail) => mail.headers['X-Majlis-Event'] === 'digest');
      expect(digestMails).toHaveLength(1);
      expect(digestMails[0].to).toBe(SECRETARIAT);
      for (const n of [1, 2]) expect(digestMails[0].text).toContain(`${titles.en} ${n}`);
      expect(digestMails[0].text).toContain('Item to schedule');
      // The digest goes out at the digest hour by a repeatable job of the reader's time zone.
      expect(domain.jobs).toContainEqual({
        queue: 'notifications',
        job: 'digest',
        payload: { timeZone: 'Asia/Riyadh' },
        options: { scheduler: 'digest-Asia_Riyadh', repeat: { pattern: '0 8 * * *', tz: 'Asia/Riyadh' } },
      });
    });
  });
});
