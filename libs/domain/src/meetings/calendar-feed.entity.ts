import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../identity';

/**
 * A person's calendar feed: the secret in its address, kept only as a SHA-256 hash, since calendar
 * programs fetch it without a session. One per person; making a new one replaces the old address.
 */
@Entity({ name: 'calendar_feed' })
export class CalendarFeed {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'calendar_feed_pkey' })
  personId!: string;

  @OneToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'calendar_feed_person_fkey' })
  person?: Person;

  /** base64url(SHA-256(token)). */
  @Index('calendar_feed_token_hash_key', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
