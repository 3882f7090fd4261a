import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { EntityName } from '@majlis/language';
import { requireRow, rowById, type RowLock } from './rows';

declare const TRANSACTION: unique symbol;

/**
 * One unit of work in progress. A service hands it to every repository call that must commit or roll
 * back with the others; to the service it is only a name for "these calls belong together": it runs no
 * query itself. Repositories reach its connection through `managerOf`.
 */
export interface Transaction {
  readonly [TRANSACTION]: true;
}

/** The isolation a unit of work asks for; PostgreSQL's default (READ COMMITTED) unless said. */
export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** The connection of a unit of work: for repositories (and the outbox, the audit chain), never for a service. */
export const managerOf = (tx: Transaction): EntityManager => tx as unknown as EntityManager;

/** A unit of work over an EntityManager that is already in a transaction (a migration, a seeder's own). */
export const transactionOf = (manager: EntityManager): Transaction => manager as unknown as Transaction;

/**
 * The one way a service runs a transaction: `this.unitOfWork.run(async (tx) => …)`. Everything the work
 * does through repositories with `tx` commits together when it returns, or not at all when it throws.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>, isolation?: Isolation): Promise<T> {
    const inTransaction = (manager: EntityManager) => work(transactionOf(manager));
    return isolation === undefined
      ? this.dataSource.transaction(inTransaction)
      : this.dataSource.transaction(isolation, inTransaction);
  }
}

/**
 * What every repository shares: its queries run in the caller's unit of work when it passes one, or on
 * their own (a read outside any transaction, through the pool) when it does not. Injectable so that its
 * constructor's parameter types reach Nest: a repository without a constructor of its own inherits them.
 */
@Injectable()
export abstract class RepositoryBase {
  constructor(protected readonly dataSource: DataSource) {}

  /** The connection for `tx`, or the pool's when there is none. */
  protected db(tx?: Transaction): EntityManager {
    return tx === undefined ? this.dataSource.manager : managerOf(tx);
  }
}

/** A repository of one aggregate root: reading it by id, locking it, refusing an id that names no row. */
export abstract class EntityRepository<T extends ObjectLiteral> extends RepositoryBase {
  protected abstract readonly entity: EntityTarget<T>;
  /** How refusals name the aggregate ("meeting", "proposal"…): a word of the catalogue's `entities`. */
  protected abstract readonly entityName: EntityName;

  /** The row with this id, or null (a string that is no UUID names no row and never reaches SQL). */
  findById(id: string, tx?: Transaction, lock?: RowLock): Promise<T | null> {
    return rowById(this.db(tx), this.entity, id, lock);
  }

  /** The row with this id, locked for the rest of `tx`: steps on one aggregate run one at a time. */
  lock(tx: Transaction, id: string): Promise<T | null> {
    return rowById(this.db(tx), this.entity, id, 'pessimistic_write');
  }

  /** The row with this id; NOT_FOUND naming the input `field` when there is none. */
  require(id: string, field = 'id', tx?: Transaction, lock?: RowLock): Promise<T> {
    return requireRow(this.db(tx), this.entity, id, this.entityName, field, lock);
  }
}
