import { Injectable } from '@nestjs/common';
import { RepositoryBase, type Transaction } from '@majlis/persistence';
import { Partnership } from './partnership.entity';

/** The partnership itself: an installation has one, the first made. */
@Injectable()
export class PartnershipRepository extends RepositoryBase {
  /** The oldest partnership, or null on an installation that has none yet. */
  first(tx?: Transaction): Promise<Partnership | null> {
    return this.db(tx).findOne(Partnership, { where: {}, order: { createdAt: 'ASC' } });
  }

  async insert(tx: Transaction, partnership: Pick<Partnership, 'code' | 'name' | 'foundedYear'>): Promise<Partnership> {
    const manager = this.db(tx);
    const row = manager.create(Partnership, partnership);
    await manager.insert(Partnership, row);
    return row;
  }
}
