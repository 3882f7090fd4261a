// Events arrive from the API as data, so a required text may be missing at run time despite the types.
export function isNonBlank(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}
