import type { Lang } from './numbers';

export interface TextParts {
  ar?: string | null;
  en?: string | null;
  authoritative: Lang;
}

function present(text: string | null | undefined): text is string {
  return text !== null && text !== undefined && text.trim().length > 0;
}

/** Which text to show for a language: its own, else the other one marked as a fallback. */
export function pickText(value: TextParts, wanted: Lang): { text: string; lang: Lang; isFallback: boolean } | null {
  const other: Lang = wanted === 'ar' ? 'en' : 'ar';
  if (present(value[wanted])) return { text: value[wanted], lang: wanted, isFallback: false };
  if (present(value[other])) return { text: value[other], lang: other, isFallback: true };
  return null;
}
