import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What an audit row records beyond who and what: plain values only, so it hashes the same after a round trip. */
export type AuditPayload = Record<string, string | number | boolean | null>;

/**
 * One accepted transition or vote, append-only. Each row carries the hash of the row before it, so a
 * changed or removed row breaks the chain from there on (`npm run audit:verify` names the first).
 */
@Entity({ name: 'audit_entry' })
@Index('audit_entry_entity_idx', ['entityType', 'entityId', 'seq'])
export class AuditEntry {
  /** 1, 2, 3… in the order rows were appended (under a lock: one writer at a time). */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  /** What happened, e.g. `transition`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: AuditPayload;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'char', length: 64 })
  previousHash!: string;

  @Index('audit_entry_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  hash!: string;
}
