import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

/** What a one-time link lets its holder do. */
export const ACCOUNT_LINK_PURPOSES = ['setup', 'invitation', 'reset'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/**
 * A one-time link: the token itself is only ever in the link; this row keeps its SHA-256, so a copy of the
 * database opens no account. Used once, then `usedAt` is set; a setup link has no person and no expiry.
 */
@Entity({ name: 'account_link' })
export class AccountLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'account_link_pkey' })
  id!: string;

  @Column({ type: 'enum', enum: ACCOUNT_LINK_PURPOSES, enumName: 'account_link_purpose' })
  purpose!: AccountLinkPurpose;

  @Index('account_link_person_idx')
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'account_link_person_fkey' })
  person?: Person | null;

  /** Hex SHA-256 of the token. */
  @Index('account_link_token_hash_key', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** Null: until used (the setup link). */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
