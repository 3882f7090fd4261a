import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins of one account or one address within a window (the PostgreSQL storage of the sign-in
 * throttle when there is no Redis). The key is a hash: no e-mail address or IP address is stored.
 */
@Entity({ name: 'sign_in_attempt' })
export class SignInAttempt {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'sign_in_attempt_pkey' })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  /** When the window of these failures ends and counting starts over. */
  @Index('sign_in_attempt_expires_idx')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Until when this account or address must wait; null while it is under the limit. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
