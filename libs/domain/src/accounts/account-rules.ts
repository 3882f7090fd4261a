import { badInput } from '@majlis/language';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_EMAIL_LENGTH = 320;

/** An e-mail address as stored: trimmed, lower-cased, one @ with something on both sides. */
export function checkedEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@]+$/.test(email)) throw badInput(field, 'invalidEmail');
  return email;
}

/** At least 10 characters (not bytes), and not the person's own e-mail address. */
export function checkedPassword(field: string, password: string, email: string): string {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw badInput(field, 'passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (length > MAX_PASSWORD_LENGTH) throw badInput(field, 'textTooLong', { max: MAX_PASSWORD_LENGTH, length });
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) throw badInput(field, 'passwordIsEmail');
  return password;
}

/** PostgreSQL's unique_violation: a concurrent insert took the value first. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
