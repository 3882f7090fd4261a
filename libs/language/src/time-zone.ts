import { badInput } from './domain-error';

/** An IANA time zone as Intl spells it, or BAD_USER_INPUT on `field`. */
export function checkedTimeZone(field: string, value: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw badInput(field, 'invalidTimeZone', { value: value.slice(0, 64) });
  }
}
