import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** A GraphQL error's stable code, to decide what to do; never shown to a person. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function isUnauthenticated(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
}

/** The API's own message (already in the request's language), or ours for a network failure. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (CombinedGraphQLErrors.is(error)) {
    if (isUnauthenticated(error)) return t('errors.sessionExpired');
    const messages = [...new Set(error.errors.map((e) => e.message).filter((m) => m.length > 0))];
    return messages.length > 0 ? messages.join(' ') : t('errors.unknown');
  }
  if (ServerError.is(error)) return t('errors.server');
  return t('errors.network');
}

/** The field a BAD_USER_INPUT error names, to show the message beside that field. */
export function errorField(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const field = error.errors[0]?.extensions?.['field'];
  return typeof field === 'string' ? field : undefined;
}

/** The message for a field it is shown beside (or that needs no naming), without the leading "field: ". */
export function fieldMessage(error: unknown, t: TFunction): string {
  const message = errorMessage(error, t);
  const field = errorField(error);
  return field !== undefined && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
