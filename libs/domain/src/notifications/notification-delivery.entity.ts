import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale } from '@majlis/config';
import { Person } from '../identity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * `pending`: to be sent; `digest`: waits for the recipient's daily digest; `sent`; `failed` after the last
 * attempt (an admin may retry it); `digested`: went out inside a digest (`digestId`).
 */
export const DELIVERY_STATUSES = ['pending', 'digest', 'sent', 'failed', 'digested'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What is sent: an e-mail's parts, or a webhook's exact JSON body. */
/** A file sent with an e-mail (a meeting's calendar), as nodemailer takes it. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export type DeliveryContent =
  { subject: string; text: string; html: string; attachments?: MailAttachment[] } | { body: string };

/**
 * One e-mail or webhook call for one (event, recipient, channel), unique by `dedupeKey`. The row is
 * committed before anything is sent, and a job that runs again finds it.
 */
@Entity({ name: 'notification_delivery' })
@Index('notification_delivery_dedupe_key', ['dedupeKey'], { unique: true })
@Index('notification_delivery_pending_idx', ['outboxId'], { where: `"status" = 'pending'` })
@Index('notification_delivery_digest_idx', ['recipientId'], { where: `"status" = 'digest'` })
@Index('notification_delivery_failed_idx', ['failedAt', 'id'], { where: `"status" = 'failed'` })
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `<event>/<channel>/<recipient>`, or `digest/<person>/<local date>`. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  /** The event it tells about; null for a digest. */
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;

  /** The outbox message whose relay (re)queues it: the event, a digest's or an admin's retry. */
  @Column({ type: 'uuid' })
  outboxId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'enum', enum: [...DELIVERY_CHANNELS], enumName: 'delivery_channel' })
  channel!: DeliveryChannel;

  @Column({ type: 'uuid', nullable: true })
  recipientId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_delivery_recipient_fkey' })
  recipient?: Person | null;

  @Column({ type: 'uuid', nullable: true })
  webhookEndpointId!: string | null;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'webhook_endpoint_id', foreignKeyConstraintName: 'notification_delivery_webhook_fkey' })
  webhookEndpoint?: WebhookEndpoint | null;

  /** The e-mail address or URL, as it was when the event fanned out. */
  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'enum', enum: ['ar', 'en'], enumName: 'locale' })
  locale!: Locale;

  @Column({ type: 'jsonb' })
  content!: DeliveryContent;

  @Column({ type: 'enum', enum: [...DELIVERY_STATUSES], enumName: 'delivery_status', default: 'pending' })
  status!: DeliveryStatus;

  /** Sends tried in the current round. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** 1, then one more for each retry an admin asks for; part of the job id. */
  @Column({ type: 'int', default: 1 })
  round!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  /** The digest delivery that carried this one. */
  @Column({ type: 'uuid', nullable: true })
  digestId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
