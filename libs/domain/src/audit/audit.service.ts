import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ActorRole } from '@majlis/workflow';
import type { ActionName } from '@majlis/language';
import { forbidden } from '@majlis/language';
import { isUuid } from '@majlis/persistence';
import { AuditEntry, AuditPayload } from './audit-entry.entity';
import { auditHash, GENESIS_HASH } from './audit-hash';

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

// Any fixed number: appends to the chain take this lock so that each row links to the one before it.
const AUDIT_CHAIN_LOCK = 5_118_203;
const VERIFY_BATCH = 1_000;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends a row inside the caller's transaction; the lock is held until that transaction ends. */
  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last = await manager.findOne(AuditEntry, { where: {}, order: { seq: 'DESC' } });
    const seq = String(BigInt(last?.seq ?? '0') + 1n);
    const previousHash = last?.hash ?? GENESIS_HASH;
    const recordedAt = new Date();
    const entry = { ...record, seq, recordedAt, previousHash };
    const hash = auditHash(entry);
    const row = manager.create(AuditEntry, { ...entry, hash });
    await manager.insert(AuditEntry, row);
    return row;
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
    return this.dataSource.manager.find(AuditEntry, { where: { entityType, entityId }, order: { seq: 'ASC' } });
  }

  /** Walks the whole chain in order; names the first row whose content, link or place is wrong. */
  async verify(onProgress?: (checked: number) => void): Promise<ChainCheck> {
    let previousHash = GENESIS_HASH;
    let expected = 1n;
    let entries = 0;
    for (;;) {
      const rows = await this.dataSource.manager
        .getRepository(AuditEntry)
        .createQueryBuilder('entry')
        .where('entry.seq >= :from', { from: expected.toString() })
        .orderBy('entry.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
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
