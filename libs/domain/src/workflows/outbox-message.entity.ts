import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A side effect to carry out once its transaction has committed (notify, schedule); written in the same
 * transaction as the change it follows. The relay moves unrelayed rows to the queue.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unrelayed_idx', ['createdAt'], { where: '"relayed_at" IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What happened, e.g. `proposal.submitted`. */
  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}
