import { Injectable } from '@nestjs/common';
import type { ActorRole } from '@majlis/workflow';
import type { ActionName } from '@majlis/language';
import { forbidden } from '@majlis/language';
import { isUuid, type Transaction } from '@majlis/persistence';
import { AuditEntry, AuditPayload } from './audit-entry.entity';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  payload: AuditPayload;
}

/** Who reads a trail, as plain data: audit sits below identity, which an `Actor` satisfies. */
export interface AuditReader {
  readonly roles: readonly string[];
}

const requireReader = (reader: AuditReader, roles: readonly ActorRole[], action: ActionName): void => {
  if (!roles.some((role) => reader.roles.includes(role))) throw forbidden(action);
};

export type ChainCheck =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: string; reason: 'hash' | 'link' | 'gap' };

const VERIFY_BATCH = 1_000;

@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /** Appends a row inside the caller's transaction; the chain's lock is held until that transaction ends. */
  async append(tx: Transaction, record: AuditRecord): Promise<AuditEntry> {
    const last = await this.entries.lockChainEnd(tx);
    const seq = String(BigInt(last?.seq ?? '0') + 1n);
    const previousHash = last?.hash ?? GENESIS_HASH;
    const recordedAt = new Date();
    const entry = { ...record, seq, recordedAt, previousHash };
    const hash = auditHash(entry);
    return this.entries.insert(tx, { ...entry, hash });
  }

  /**
   * Every row of one entity, oldest first; for the secretariat, administrators and the board. A ballot's
   * rows name each named vote as it is cast, which only the secretariat may follow live. Who may see the
   * entity itself (a proposal never submitted) is its feature's to check, before asking for its trail.
   */
  async trail(reader: AuditReader, entityType: string, entityId: string): Promise<AuditEntry[]> {
    requireReader(reader, ['SECRETARIAT', 'ADMIN', 'BOARD_MEMBER'], 'auditTrail');
    if (entityType === 'ballot') requireReader(reader, ['SECRETARIAT'], 'readBallotAuditTrail');
    if (!isUuid(entityId)) return [];
    return this.entries.trail(entityType, entityId);
  }

  /** Walks the whole chain in order; names the first row whose content, link or place is wrong. */
  async verify(onProgress?: (checked: number) => void): Promise<ChainCheck> {
    let previousHash = GENESIS_HASH;
    let expected = 1n;
    let entries = 0;
    for (;;) {
      const rows = await this.entries.rowsFrom(expected, VERIFY_BATCH);
      for (const row of rows) {
        if (BigInt(row.seq) !== expected) return { ok: false, entries, brokenAt: expected.toString(), reason: 'gap' };
        if (row.previousHash !== previousHash) return { ok: false, entries, brokenAt: row.seq, reason: 'link' };
        if (auditHash(row) !== row.hash) return { ok: false, entries, brokenAt: row.seq, reason: 'hash' };
        previousHash = row.hash;
        expected += 1n;
        entries += 1;
      }
      onProgress?.(entries);
      if (rows.length < VERIFY_BATCH) return { ok: true, entries };
    }
  }
}
