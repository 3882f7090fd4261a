import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EventValue } from './event.contract';

/** A payload as stored; EventContract says which keys each topic's payload has. */
export type OutboxPayload = Record<string, EventValue>;

/**
 * A side effect to carry out once its transaction has committed (notify, schedule); written in the same
 * transaction as the change it follows, only by OutboxWriter. The relay moves unrelayed rows to the queue; the row, not the
 * queue, records whether everything it caused has been done (`completedAt`).
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unrelayed_idx', ['createdAt'], { where: '"relayed_at" IS NULL' })
@Index('outbox_message_incomplete_idx', ['relayedAt'], { where: '"relayed_at" IS NOT NULL AND "completed_at" IS NULL' })
@Index('outbox_message_dedupe_key', ['dedupeKey'], { unique: true, where: '"dedupe_key" IS NOT NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What happened: a topic of EventContract (rows of older code may hold a topic no longer written). */
  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: OutboxPayload;

  /** Set for events that may happen only once (a reminder per ballot); a second insert is ignored. */
  @Column({ type: 'text', nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  /** Its recipients were worked out and their deliveries recorded. */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** Dispatched, and no delivery it queued is still pending. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
