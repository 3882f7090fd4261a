import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, CreateDateColumn } from 'typeorm';
import { Person } from './person.entity';

/** A session token signed out before it expired; its id (`jti`) is refused until then. */
@Entity({ name: 'revoked_session' })
export class RevokedSession {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'revoked_session_pkey' })
  jti!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'revoked_session_person_fkey' })
  person?: Person;

  /** When the token would have expired anyway; the row can go after that. */
  @Index('revoked_session_expires_idx')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  revokedAt!: Date;
}
