import type { Locale } from '@majlis/config';
import type { ActionName, EventKind } from './actions';
import type { Reader } from './catalogue';
import { EntityName, ErrorMessageKey, errorMessage } from './error-messages';

/** The stable codes of the GraphQL contract; clients branch on these, never on messages. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'BALLOT_CLOSED'
  | 'NOT_ELIGIBLE'
  | 'TOO_MANY_REQUESTS';

/** A request refused for a reason the person can act on; it carries a stable code and changes nothing. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    readonly messageKey: ErrorMessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(errorMessage(messageKey, 'en', params));
  }

  /** The message in the reader's language and digits (a Locale alone: that language's own digits). */
  localizedMessage(reader: Reader | Locale): string {
    return errorMessage(this.messageKey, reader, this.params);
  }
}

export const unauthenticated = (key: 'wrongCredentials' | 'notSignedIn' | 'sessionExpired'): DomainError =>
  new DomainError('UNAUTHENTICATED', key);

/** Refuses `action` (an operation, or a workflow event of it), named in words in the person's language. */
export const forbidden = (action: ActionName, event?: { kind: EventKind; type: string }): DomainError =>
  new DomainError(
    'FORBIDDEN',
    'forbidden',
    event === undefined ? { action } : { action, eventKind: event.kind, eventType: event.type },
  );

export const notFound = (entity: EntityName, id: string, field = 'id'): DomainError =>
  new DomainError('NOT_FOUND', 'notFound', { entity, id, field }, field);

/** Too many failed attempts: try again after `retryAfterSeconds` (sent as Retry-After). */
export const tooManyRequests = (retryAfterSeconds: number): DomainError =>
  new DomainError('TOO_MANY_REQUESTS', 'tooManySignIns', { retryAfterSeconds });

/** Bad input that names the field at fault; nothing was changed. */
export const badInput = (
  field: string,
  key: ErrorMessageKey,
  params: Record<string, string | number> = {},
): DomainError => new DomainError('BAD_USER_INPUT', key, { ...params, field }, field);
