import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EntityRepository, type Cursor, type Transaction } from '@majlis/persistence';
import { NotificationDelivery } from './notification-delivery.entity';

const FAILED_AT = `date_trunc('milliseconds', delivery.failed_at)`;

/** Changes a send records on its delivery row. */
type SendOutcome = Partial<Pick<NotificationDelivery, 'status' | 'lastError' | 'sentAt' | 'failedAt'>>;

/**
 * The e-mails and webhook calls of each event and each daily digest, one row per (event, recipient,
 * channel): recorded when the event fans out, then sent, failed, or gathered into a digest.
 */
@Injectable()
export class DeliveryRepository extends EntityRepository<NotificationDelivery> {
  protected readonly entity = NotificationDelivery;
  protected readonly entityName = 'delivery' as const;

  /** Records an event's deliveries; one already recorded under the same dedupe key stays as it was. */
  async insertNew(tx: Transaction, deliveries: ReadonlyArray<Partial<NotificationDelivery>>): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db(tx)
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values([...deliveries])
      .orIgnore()
      .execute();
  }

  /** The deliveries of an outbox message still to be sent, as their jobs need them. */
  pendingOf(outboxId: string): Promise<Array<Pick<NotificationDelivery, 'id' | 'channel' | 'round'>>> {
    return this.db().find(NotificationDelivery, {
      select: { id: true, channel: true, round: true },
      where: { outboxId, status: 'pending' },
    });
  }

  /** The deliveries still to be sent of each of these outbox messages (a message with none is left out). */
  async pendingOfEach(outboxIds: readonly string[]): Promise<Map<string, Array<{ id: string; round: number }>>> {
    const byMessage = new Map<string, Array<{ id: string; round: number }>>();
    if (outboxIds.length === 0) return byMessage;
    const rows = await this.db().find(NotificationDelivery, {
      select: { id: true, round: true, outboxId: true },
      where: { outboxId: In([...outboxIds]), status: 'pending' },
    });
    for (const { id, round, outboxId } of rows) {
      const ofMessage = byMessage.get(outboxId) ?? [];
      ofMessage.push({ id, round });
      byMessage.set(outboxId, ofMessage);
    }
    return byMessage;
  }

  async countAttempt(id: string): Promise<void> {
    await this.db().increment(NotificationDelivery, { id }, 'attempts', 1);
  }

  /** Records a failed send on a delivery still pending (one that went out meanwhile keeps its state). */
  async recordFailure(id: string, outcome: SendOutcome): Promise<void> {
    await this.db().update(NotificationDelivery, { id, status: 'pending' }, outcome);
  }

  async markSent(id: string, sentAt: Date): Promise<void> {
    await this.db().update(NotificationDelivery, { id }, { status: 'sent', sentAt, lastError: null });
  }

  /** Marks an outbox message done once it is dispatched and none of its deliveries is pending. */
  async completeIfDone(outboxId: string): Promise<void> {
    await this.db().query(
      `UPDATE outbox_message SET completed_at = now()
        WHERE id = $1 AND completed_at IS NULL AND dispatched_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM notification_delivery WHERE outbox_id = $1 AND status = 'pending')`,
      [outboxId],
    );
  }

  /** One page of the deliveries that failed for good, latest first, and how many there are in all. */
  async failedPage(take: number, after: Cursor | null): Promise<{ rows: NotificationDelivery[]; total: number }> {
    const query = this.db()
      .getRepository(NotificationDelivery)
      .createQueryBuilder('delivery')
      .where(`delivery.status = 'failed'`);
    const total = await query.getCount();
    if (after !== null) query.andWhere(`(${FAILED_AT}, delivery.id) < (:key, :id)`, { key: after.key, id: after.id });
    const rows = await query.orderBy(FAILED_AT, 'DESC').addOrderBy('delivery.id', 'DESC').take(take).getMany();
    return { rows, total };
  }

  /** Starts a new round of attempts, queued by the outbox message `outboxId`. */
  async startRound(tx: Transaction, delivery: NotificationDelivery, outboxId: string): Promise<NotificationDelivery> {
    const manager = this.db(tx);
    await manager.update(
      NotificationDelivery,
      { id: delivery.id },
      { status: 'pending', attempts: 0, round: delivery.round + 1, outboxId, failedAt: null },
    );
    return manager.findOneByOrFail(NotificationDelivery, { id: delivery.id });
  }

  /** The people of a time zone (their own, else their city's) with e-mails waiting for their digest. */
  async waitingForDigest(timeZone: string): Promise<string[]> {
    const rows: Array<{ recipient_id: string }> = await this.db().query(
      `SELECT DISTINCT delivery.recipient_id FROM notification_delivery delivery
         JOIN person ON person.id = delivery.recipient_id
         LEFT JOIN member_city city ON city.id = person.member_city_id
        WHERE delivery.status = 'digest' AND COALESCE(person.time_zone, city.time_zone, 'UTC') = $1`,
      [timeZone],
    );
    return rows.map((row) => row.recipient_id);
  }

  existsByDedupeKey(tx: Transaction, dedupeKey: string): Promise<boolean> {
    return this.db(tx).existsBy(NotificationDelivery, { dedupeKey });
  }

  /** A person's deliveries waiting for their digest, oldest first, locked; those another run holds are left out. */
  takeDigestItems(tx: Transaction, recipientId: string): Promise<NotificationDelivery[]> {
    return this.db(tx)
      .getRepository(NotificationDelivery)
      .createQueryBuilder('delivery')
      .where(`delivery.recipient_id = :recipientId AND delivery.status = 'digest'`, { recipientId })
      .orderBy('delivery.created_at')
      .addOrderBy('delivery.id')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async insert(tx: Transaction, delivery: Partial<NotificationDelivery>): Promise<void> {
    await this.db(tx).insert(NotificationDelivery, delivery);
  }

  /** Marks deliveries as gone out inside the digest `digestId`. */
  async markDigested(tx: Transaction, ids: readonly string[], digestId: string): Promise<void> {
    await this.db(tx)
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({ status: 'digested', digestId })
      .whereInIds([...ids])
      .execute();
  }
}
