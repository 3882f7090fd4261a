import { createHash } from 'node:crypto';

/** The hash the first row of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  payload: unknown;
  recordedAt: Date;
  previousHash: string;
}

/** JSON with object keys sorted at every level, so the same content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
}

/** SHA-256 over the canonical serialisation of a row's content and the previous row's hash. */
export function auditHash(fields: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: fields.seq,
        entityType: fields.entityType,
        entityId: fields.entityId,
        action: fields.action,
        actorId: fields.actorId,
        payload: fields.payload,
        recordedAt: fields.recordedAt.toISOString(),
        previousHash: fields.previousHash,
      }),
      'utf8',
    )
    .digest('hex');
}
