import { Injectable } from '@nestjs/common';
import { RepositoryBase, type Transaction } from '@majlis/persistence';
import { AuditEntry } from './audit-entry.entity';

// Any fixed number: appends to the chain take this lock so that each row links to the one before it.
const AUDIT_CHAIN_LOCK = 5_118_203;

/** The audit chain's rows: appended one at a time under one lock, read per entity or in order of `seq`. */
@Injectable()
export class AuditRepository extends RepositoryBase {
  /** Takes the chain's lock until `tx` ends and reads the last row: the one the next row links to. */
  async lockChainEnd(tx: Transaction): Promise<AuditEntry | null> {
    const manager = this.db(tx);
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    return manager.findOne(AuditEntry, { where: {}, order: { seq: 'DESC' } });
  }

  async insert(tx: Transaction, entry: AuditEntry): Promise<AuditEntry> {
    const manager = this.db(tx);
    const row = manager.create(AuditEntry, entry);
    await manager.insert(AuditEntry, row);
    return row;
  }

  /** Every row of one entity, oldest first. */
  trail(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.db().find(AuditEntry, { where: { entityType, entityId }, order: { seq: 'ASC' } });
  }

  /** At most `take` rows from `seq` on, in order. */
  rowsFrom(seq: bigint, take: number): Promise<AuditEntry[]> {
    return this.db()
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.seq >= :from', { from: seq.toString() })
      .orderBy('entry.seq', 'ASC')
      .take(take)
      .getMany();
  }
}
