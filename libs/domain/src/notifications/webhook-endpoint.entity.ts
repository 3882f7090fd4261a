import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '@majlis/config';
import { MemberCity } from '../partnership';

/**
 * An address that hears events by HTTPS POST: a member city's (events about that city) or, without a
 * city, the partnership's (every event). Each call is signed with the endpoint's secret.
 */
@Entity({ name: 'webhook_endpoint' })
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  memberCityId!: string | null;

  @ManyToOne(() => MemberCity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'member_city_id', foreignKeyConstraintName: 'webhook_endpoint_member_city_fkey' })
  memberCity?: MemberCity | null;

  @Column({ type: 'text' })
  url!: string;

  /** HMAC-SHA256 key; shown once, when the endpoint is created. */
  @Column({ type: 'text', select: false })
  secret!: string;

  /** The language of the message text inside each call. */
  @Column({ type: 'enum', enum: ['ar', 'en'], enumName: 'locale', default: 'en' })
  locale!: Locale;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
