/** Only paths of this app are followed after sign-in, never another site (`//host`, `/\host`, `https:`). */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/')) return '/';
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
