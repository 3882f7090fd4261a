const TIMEOUT_MESSAGES = [
  // pg-pool: every connection stayed busy for connectionTimeoutMillis.
  'timeout exceeded when trying to connect',
  // pg: a new connection did not open within connectionTimeoutMillis.
  'Connection terminated due to connection timeout',
];

/**
 * Whether `error` (or what it wraps) is the database pool giving up on a free connection: the server is
 * overloaded, not the request wrong, so the caller may try again.
 */
export function isPoolTimeout(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    const message = cause.message;
    if (TIMEOUT_MESSAGES.some((timeout) => message.includes(timeout))) return true;
    cause = cause.cause;
  }
  return false;
}
