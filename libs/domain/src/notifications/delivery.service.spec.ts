import { UnrecoverableError } from 'bullmq';
import { startDomain, type DomainHarness } from '@majlis/testing';
import type { Actor } from '../identity';
import { ProposalCategory, ProposalService } from '../proposals';
import { DeliveryService } from './delivery.service';
import { PermanentDeliveryError } from './mail-sender';
import { NotificationService } from './notification.service';

const SECRETARIAT = 'secretariat@demo.majlis';

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  round: number;
  lastError: string | null;
  outboxId: string;
}

describe(DeliveryService.name, () => {
  let domain: DomainHarness;
  let deliveries: DeliveryService;
  let dammam: Actor;
  let admin: Actor;

  const row = async (id: string): Promise<DeliveryRow> =>
    (
      await domain.query<DeliveryRow[]>(
        `SELECT id, status, attempts, round, last_error AS "lastError", outbox_id AS "outboxId"
           FROM notification_delivery WHERE id = $1`,
        [id],
      )
    )[0];
  const completed = async (outboxId: string): Promise<boolean> =>
    (
      await domain.query<Array<{ done: boolean }>>(
        `SELECT completed_at IS NOT NULL AS done FROM outbox_message WHERE id = $1`,
        [outboxId],
      )
    )[0].done;

  /** A Dammam proposal submitted and dispatched: the id of the secretariat's e-mail about it, pending. */
  const secretariatMail = async (title: string): Promise<string> => {
    const proposals = domain.get(ProposalService);
    const { id } = await proposals.create(dammam, { category: ProposalCategory.PROGRAMME, title: { en: title } });
    await proposals.transition(dammam, id, { event: 'SUBMIT', expectedVersion: 1 });
    await domain.dispatchOutbox();
    const [delivery] = await domain.query<Array<{ id: string }>>(
      `SELECT delivery.id FROM notification_delivery delivery
         JOIN outbox_message event ON event.id = delivery.event_id
        WHERE delivery.address = $1 AND delivery.channel = 'email' AND event.payload->>'entityId' = $2`,
      [SECRETARIAT, id],
    );
    return delivery.id;
  };

  beforeAll(async () => {
    domain = await startDomain();
    deliveries = domain.get(DeliveryService);
    dammam = await domain.actor('delegate.dammam@demo.majlis');
    admin = await domain.actor('admin@demo.majlis');
    // The demo's own events are not part of what these tests send.
    await domain.query(
      `UPDATE outbox_message SET dispatched_at = now(), completed_at = now() WHERE completed_at IS NULL`,
    );
  }, 120_000);

  afterAll(() => domain?.close());

  describe('deliver', () => {
    it('sends an e-mail once: a job that runs again finds it sent and sends nothing', async () => {
      const id = await secretariatMail('Proposal mailed once');
      const queued = domain.jobs.find((job) => (job.payload as { deliveryId?: string }).deliveryId === id);
      expect(queued).toMatchObject({ queue: 'notifications', job: 'deliver', options: { jobId: `${id}-1` } });
      domain.forget();
      expect(await deliveries.deliver(id, { number: 1, of: 8 })).toBe('sent');
      expect(await deliveries.deliver(id, { number: 1, of: 8 })).toBe('skipped');
      expect(domain.mail.sent).toHaveLength(1);
      expect(domain.mail.sent[0]).toMatchObject({
        to: SECRETARIAT,
        messageId: `<${id}@majlis>`,
        headers: { 'X-Majlis-Event': 'proposal.submitted', 'X-Majlis-Delivery': id },
      });
      expect(domain.mail.sent[0].subject).toContain('Proposal mailed once');
      const sent = await row(id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      // Its event is done once nothing of it is pending.
      expect(await completed(sent.outboxId)).toBe(true);
    });

    it('records each refusal for a retry, and on the last attempt marks the delivery failed for admins to see', async () => {
      const id = await secretariatMail('Proposal refused twice');
      domain.mail.refuseNext(new Error('451 try again later'), new Error('451 try again later'));
      await expect(deliveries.deliver(id, { number: 1, of: 2 })).rejects.toThrow('451 try again later');
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 try again later' });
      await expect(deliveries.deliver(id, { number: 2, of: 2 })).rejects.toThrow('451 try again later');
      const failed = await row(id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
      expect(await completed(failed.outboxId)).toBe(true);
      const notifications = domain.get(NotificationService);
      expect((await notifications.failedDeliveries(admin, { first: 10 })).items.map((item) => item.id)).toContain(id);
      await expect(
        notifications.failedDeliveries(await domain.actor(SECRETARIAT), { first: 10 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('gives up at once when the mail server refuses for good', async () => {
      const id = await secretariatMail('Proposal to an unknown mailbox');
      domain.mail.refuseNext(new PermanentDeliveryError('550 no such mailbox'));
      await expect(deliveries.deliver(id, { number: 1, of: 8 })).rejects.toBeInstanceOf(UnrecoverableError);
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 no such mailbox' });
    });
  });

  describe('retryDelivery', () => {
    it('sends a failed delivery again in a new round, and refuses to retry one that has not failed', async () => {
      const id = await secretariatMail('Proposal sent again');
      domain.mail.refuseNext(new PermanentDeliveryError('550 mailbox full'));
      await expect(deliveries.deliver(id, { number: 1, of: 8 })).rejects.toBeInstanceOf(UnrecoverableError);
      const notifications = domain.get(NotificationService);
      expect(await notifications.retryDelivery(admin, id)).toMatchObject({ status: 'pending', round: 2, attempts: 0 });
      domain.forget();
      // The retry is queued through the outbox, like everything else.
      await domain.dispatchOutbox();
      expect(domain.jobs).toContainEqual(
        expect.objectContaining({
          job: 'deliver',
          payload: { deliveryId: id },
          options: expect.objectContaining({ jobId: `${id}-2` }),
        }),
      );
      expect(await deliveries.deliver(id, { number: 1, of: 8 })).toBe('sent');
      expect(domain.mail.sent.map((mail) => mail.messageId)).toEqual([`<${id}@majlis>`]);
      await expect(notifications.retryDelivery(admin, id)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
      expect(await row(id)).toMatchObject({ status: 'sent', round: 2 });
    });
  });
});
