import { JobProducer } from '@majlis/queue';
import {
  DeliveryRepository,
  EventDispatcher,
  OutboxRepository,
  ProposalCategory,
  ProposalService,
} from '@majlis/domain';
import { startDomain, type DomainHarness } from '@majlis/testing';
import { OutboxRelay } from './outbox-relay';

const SWEEP_AFTER_MS = 60_000;

describe('OutboxRelay', () => {
  let domain: DomainHarness;
  let relay: OutboxRelay;

  beforeAll(async () => {
    domain = await startDomain({ environment: { outboxSweepAfterMs: SWEEP_AFTER_MS } });
    relay = new OutboxRelay(
      domain.get(OutboxRepository),
      domain.get(DeliveryRepository),
      domain.environment,
      domain.get(JobProducer),
    );
  });

  afterAll(async () => {
    await domain?.close();
  });

  // Each case starts with every earlier message completed and the recorded queue empty.
  beforeEach(async () => {
    await domain.query(`UPDATE outbox_message SET completed_at = now() WHERE completed_at IS NULL`);
    domain.forget();
  });

  /** A sweep as it runs once MAJLIS_OUTBOX_SWEEP_AFTER_MS has passed since everything relayed so far. */
  const sweepLater = () => relay.sweep(new Date(Date.now() + SWEEP_AFTER_MS + 1_000));

  /** A Dammam draft submitted and its event relayed: the `proposal.submitted` message's id. */
  async function relayedSubmission(title: string): Promise<string> {
    const dammam = await domain.actor('delegate.dammam@demo.majlis');
    const proposals = domain.get(ProposalService);
    const { id } = await proposals.create(dammam, { category: ProposalCategory.PROGRAMME, title: { en: title } });
    await proposals.transition(dammam, id, { event: 'SUBMIT', expectedVersion: 1 });
    while ((await relay.relayBatch()) > 0);
    const [message] = await domain.query<Array<{ id: string }>>(
      `SELECT id FROM outbox_message WHERE topic = 'proposal.submitted' AND payload->>'entityId' = $1`,
      [id],
    );
    return message.id;
  }

  const state = async (id: string) => {
    const [row] = await domain.query<Array<{ relayed: boolean; completed: boolean }>>(
      `SELECT relayed_at IS NOT NULL AS relayed, completed_at IS NOT NULL AS completed FROM outbox_message WHERE id = $1`,
      [id],
    );
    return row;
  };
  const queuedIn = (queue: string) => domain.jobs.filter((job) => job.queue === queue);

  describe('relayBatch', () => {
    it("queues a committed message's dispatch job under the message's id and marks it relayed", async () => {
      const id = await relayedSubmission('Relayed once');
      expect(queuedIn('events').map((job) => (job.options as { jobId: string }).jobId)).toContain(id);
      expect(await state(id)).toEqual({ relayed: true, completed: false });
    });
  });

  describe('sweep', () => {
    it('leaves a message whose dispatch job is still queued, however long ago it was relayed', async () => {
      const id = await relayedSubmission('Waiting behind a backlog');
      expect(await sweepLater()).toBe(0);
      expect(await state(id)).toEqual({ relayed: true, completed: false });
    });

    it('leaves a message relayed more recently than MAJLIS_OUTBOX_SWEEP_AFTER_MS, even with its job lost', async () => {
      const id = await relayedSubmission('Relayed a moment ago');
      domain.forget();
      expect(await relay.sweep()).toBe(0);
      expect(await state(id)).toEqual({ relayed: true, completed: false });
    });

    it('relays again a message whose dispatch job the queue lost (a Redis that restarted empty)', async () => {
      const id = await relayedSubmission('Lost with Redis');
      domain.forget();
      expect(await sweepLater()).toBe(1);
      expect(await state(id)).toEqual({ relayed: false, completed: false });
      await relay.relayBatch();
      expect(queuedIn('events').map((job) => (job.options as { jobId: string }).jobId)).toEqual([id]);
    });

    it('leaves a dispatched message whose pending deliveries are all queued', async () => {
      const id = await relayedSubmission('Deliveries waiting their turn');
      await domain.get(EventDispatcher).dispatch(id);
      expect(queuedIn('notifications').length).toBeGreaterThan(0);
      expect(await sweepLater()).toBe(0);
      expect(await state(id)).toEqual({ relayed: true, completed: false });
    });

    it('relays again a dispatched message one of whose delivery jobs the queue lost', async () => {
      const id = await relayedSubmission('One delivery lost');
      await domain.get(EventDispatcher).dispatch(id);
      const lost = domain.jobs.findIndex((job) => job.queue === 'notifications');
      domain.jobs.splice(lost, 1);
      expect(await sweepLater()).toBe(1);
      expect(await state(id)).toEqual({ relayed: false, completed: false });
    });

    it('relays again a dispatched message with nothing left to send that was never marked complete', async () => {
      const id = await relayedSubmission('Sent but not completed');
      await domain.get(EventDispatcher).dispatch(id);
      await domain.query(`UPDATE notification_delivery SET status = 'sent', sent_at = now() WHERE outbox_id = $1`, [
        id,
      ]);
      expect(await sweepLater()).toBe(1);
      // Dispatched again, it finds nothing to send and completes the message.
      await relay.relayBatch();
      await domain.get(EventDispatcher).dispatch(id);
      expect(await state(id)).toEqual({ relayed: true, completed: true });
    });
  });
});
