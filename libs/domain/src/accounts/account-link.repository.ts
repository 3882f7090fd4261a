import { Injectable } from '@nestjs/common';
import { RepositoryBase, type Transaction } from '@majlis/persistence';
import { AccountLink, type AccountLinkPurpose } from '../identity';

/** One-time links, stored by their token's hash. */
@Injectable()
export class AccountLinkRepository extends RepositoryBase {
  /** Removes the unused links of one purpose of a person (of nobody: the setup link), so a new one replaces them. */
  async removeUnused(tx: Transaction, purpose: AccountLinkPurpose, personId: string | null): Promise<void> {
    const stale = this.db(tx)
      .createQueryBuilder()
      .delete()
      .from(AccountLink)
      .where('purpose = :purpose AND used_at IS NULL', { purpose });
    await (
      personId === null ? stale.andWhere('person_id IS NULL') : stale.andWhere('person_id = :personId', { personId })
    ).execute();
  }

  async insert(tx: Transaction, link: Omit<AccountLink, 'id' | 'createdAt' | 'person'>): Promise<AccountLink> {
    const manager = this.db(tx);
    const created = manager.create(AccountLink, link);
    await manager.insert(AccountLink, created);
    return created;
  }

  /** The link with this token hash, locked for the rest of `tx` when asked. */
  findByTokenHash(tokenHash: string, tx?: Transaction, lock = false): Promise<AccountLink | null> {
    const query = this.db(tx)
      .getRepository(AccountLink)
      .createQueryBuilder('link')
      .where('link.token_hash = :hash', { hash: tokenHash });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }

  /** Marks a link used (and, for the setup link, names the person it made). */
  async markUsed(tx: Transaction, id: string, usedAt: Date, personId?: string): Promise<void> {
    await this.db(tx).update(AccountLink, { id }, personId === undefined ? { usedAt } : { usedAt, personId });
  }

  /** Whether the person was sent a reset link in the last minute that is still unused. */
  resetRequestedLately(personId: string): Promise<boolean> {
    return this.db()
      .getRepository(AccountLink)
      .createQueryBuilder('link')
      .where("link.person_id = :id AND link.purpose = 'reset' AND link.used_at IS NULL", { id: personId })
      .andWhere("link.created_at > now() - interval '1 minute'")
      .getExists();
  }
}
