import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '@majlis/config';
import { Person } from '../identity';

/** A message's words in one language. */
export interface NotificationText {
  locale: Locale;
  title: string;
  body: string;
}

/**
 * One message in a person's in-app inbox. It is the in-app delivery itself: one row per (event,
 * recipient), written in the same transaction that records the event as fanned out.
 */
@Entity({ name: 'notification' })
@Index('notification_event_recipient_key', ['eventId', 'recipientId'], { unique: true })
@Index('notification_inbox_idx', ['recipientId', 'createdAt', 'id'])
@Index('notification_unread_idx', ['recipientId'], { where: '"read_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The outbox message (the event) this tells about. */
  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_recipient_fkey' })
  recipient?: Person;

  /** What happened, e.g. `proposal.submitted`. */
  @Column({ type: 'text' })
  topic!: string;

  /** The recipient's language when it was written; title and body are in it. */
  @Column({ type: 'enum', enum: ['ar', 'en'], enumName: 'locale' })
  locale!: Locale;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /**
   * The same message in the other language, written at the same time, so a person who changes language
   * reads their whole inbox in it. Null on messages written before it was kept.
   */
  @Column({ type: 'jsonb', nullable: true })
  translation!: NotificationText | null;

  /** What it is about, for a link: `proposal`, `ballot`, … */
  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  /** The web client's page it leads to (eventPath), the same the e-mail links to. */
  @Column({ type: 'text' })
  path!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}

/** The message in the reader's language when it was written in it too, else as it was written. */
export function notificationIn(row: Notification, locale: Locale): Notification {
  const { translation } = row;
  if (row.locale === locale || translation === null || translation.locale !== locale) return row;
  return { ...row, locale, title: translation.title, body: translation.body };
}
