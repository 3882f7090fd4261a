import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { notFound } from '@majlis/language';
import type { EntityName } from '@majlis/language';
import { isUuid } from './ids';

/** `pessimistic_write` (FOR UPDATE) holds the row for the transaction; `pessimistic_read` (FOR SHARE) shares it. */
export type RowLock = 'pessimistic_write' | 'pessimistic_read';

/** The row with this id, or null; a string that is no UUID names no row and never reaches SQL. */
export function rowById<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  lock?: RowLock,
): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  const query = manager.getRepository(entity).createQueryBuilder('row').where('row.id = :id', { id });
  return (lock === undefined ? query : query.setLock(lock)).getOne();
}

/** The row with this id; NOT_FOUND naming `field` when there is none. */
export async function requireRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  name: EntityName,
  field = 'id',
  lock?: RowLock,
): Promise<T> {
  const row = await rowById(manager, entity, id, lock);
  if (row === null) throw notFound(name, id, field);
  return row;
}

/** Refuses an id that cannot name a row (a filter's, say) with NOT_FOUND naming `field`. */
export function requireUuid(id: string, name: EntityName, field: string): void {
  if (!isUuid(id)) throw notFound(name, id, field);
}

/** The rows an `UPDATE … RETURNING` gave back: TypeORM's `query` answers an UPDATE with [rows, count]. */
export function updatedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : [];
}
