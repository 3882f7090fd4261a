import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EntityRepository, type Cursor, type Transaction } from '@majlis/persistence';
import { Notification } from './notification.entity';

// Cursors carry milliseconds; the database keeps microseconds: compare and order at the cursor's grain.
const CREATED_AT = `date_trunc('milliseconds', notification.created_at)`;

/** The in-app inbox: each person's notifications, written when an event fans out and read by their recipient. */
@Injectable()
export class NotificationRepository extends EntityRepository<Notification> {
  protected readonly entity = Notification;
  protected readonly entityName = 'notification' as const;

  /** One page of a person's notifications, newest first, and how many there are in all. */
  async inboxPage(
    recipientId: string,
    unreadOnly: boolean,
    take: number,
    after: Cursor | null,
  ): Promise<{ rows: Notification[]; total: number }> {
    const query = this.db()
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.recipient_id = :recipientId', { recipientId });
    if (unreadOnly) query.andWhere('notification.read_at IS NULL');
    const total = await query.getCount();
    if (after !== null)
      query.andWhere(`(${CREATED_AT}, notification.id) < (:key, :id)`, { key: after.key, id: after.id });
    const rows = await query.orderBy(CREATED_AT, 'DESC').addOrderBy('notification.id', 'DESC').take(take).getMany();
    return { rows, total };
  }

  /** The one notification of this person with this id, or null. */
  findOwn(recipientId: string, id: string): Promise<Notification | null> {
    return this.db().findOneBy(Notification, { id, recipientId });
  }

  /** Which of `ids` are this person's. */
  async ownOf(tx: Transaction, recipientId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db(tx).find(Notification, {
      select: { id: true },
      where: { id: In([...ids]), recipientId },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** Marks a person's unread notifications read: those of `ids`, or all of them when `ids` is null. */
  async markRead(tx: Transaction, recipientId: string, ids: readonly string[] | null): Promise<void> {
    const query = this.db(tx)
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('recipient_id = :recipientId AND read_at IS NULL', { recipientId });
    if (ids !== null) query.andWhere('id IN (:...ids)', { ids });
    await query.execute();
  }

  countUnread(recipientId: string, tx?: Transaction): Promise<number> {
    return this.db(tx)
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.recipient_id = :recipientId AND notification.read_at IS NULL', { recipientId })
      .getCount();
  }

  /** Writes an event's notifications; one already written for (event, recipient) stays as it was. Returns the new ones. */
  async insertNew(
    tx: Transaction,
    notifications: ReadonlyArray<Partial<Notification>>,
  ): Promise<Array<{ id: string; recipientId: string }>> {
    if (notifications.length === 0) return [];
    const inserted = await this.db(tx)
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values([...notifications])
      .orIgnore()
      .returning(['id', 'recipientId'])
      .execute();
    return (inserted.raw as Array<{ id: string; recipient_id: string }>).map((row) => ({
      id: row.id,
      recipientId: row.recipient_id,
    }));
  }
}
