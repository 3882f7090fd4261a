import type { Lang } from '../../lib/numbers';

/** The three texts of a proposal, each written in Arabic and English. */
export const DRAFT_FIELDS = ['title', 'summary', 'body'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** The longest text per language the API takes, in characters (Unicode code points), as the server counts. */
export const TEXT_LIMITS: Record<DraftField, number> = { title: 300, summary: 4_000, body: 100_000 };

/** A text's length as the server counts it: code points, so an emoji or a rare letter counts once. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export function overLimit(field: DraftField, text: string): boolean {
  return codePointLength(text) > TEXT_LIMITS[field];
}

export interface BilingualText {
  ar: string;
  en: string;
}

/** What the person is writing: the three texts and the language they wrote in (the authoritative one). */
export interface Draft {
  title: BilingualText;
  summary: BilingualText;
  body: BilingualText;
  authoritative: Lang;
}

/** A text as the API returns it (LocalizedString's parts). */
export interface ServedText {
  ar?: string | null;
  en?: string | null;
  authoritative: Lang | string;
}

export interface ServedContent {
  title: ServedText | null;
  summary: ServedText | null;
  body: ServedText | null;
}

const blank = (text: string | null | undefined): boolean => text === null || text === undefined || text.trim() === '';

export const emptyDraft = (authoritative: Lang): Draft => ({
  title: { ar: '', en: '' },
  summary: { ar: '', en: '' },
  body: { ar: '', en: '' },
  authoritative,
});

/** The draft the served texts make; the authoritative language is the title's. */
export function draftOf(content: ServedContent, fallback: Lang): Draft {
  const part = (text: ServedText | null): BilingualText => ({ ar: text?.ar ?? '', en: text?.en ?? '' });
  const named = content.title?.authoritative;
  return {
    title: part(content.title),
    summary: part(content.summary),
    body: part(content.body),
    authoritative: named === 'ar' || named === 'en' ? named : fallback,
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.authoritative === b.authoritative &&
    DRAFT_FIELDS.every((field) => a[field].ar === b[field].ar && a[field].en === b[field].en)
  );
}

/** True when some field in some language is longer than the API takes. */
export function draftOverLimit(draft: Draft): boolean {
  return DRAFT_FIELDS.some((field) => overLimit(field, draft[field].ar) || overLimit(field, draft[field].en));
}

export function hasTitle(draft: Draft): boolean {
  return !blank(draft.title.ar) || !blank(draft.title.en);
}

/** One field as the API takes it: a language given only when it changed; null clears it. */
export interface TextChange {
  ar?: string | null;
  en?: string | null;
  authoritative?: Lang;
}

export type DraftChanges = Partial<Record<DraftField, TextChange>>;

/**
 * Only what changed between the text the server has and the draft, per field and language, as
 * saveProposalDraft and saveProposalWorkingCopy take it. A language emptied is sent as null (cleared); the
 * authoritative language is named where that language has text, so the server never refuses it.
 */
export function changedFields(served: Draft, draft: Draft): DraftChanges {
  const changes: DraftChanges = {};
  for (const field of DRAFT_FIELDS) {
    const before = served[field];
    const after = draft[field];
    const change: TextChange = {};
    for (const lang of ['ar', 'en'] as const) {
      if (blank(before[lang]) && blank(after[lang])) continue;
      if (before[lang] !== after[lang]) change[lang] = blank(after[lang]) ? null : after[lang];
    }
    const authoritativeHasText = !blank(after[draft.authoritative]);
    const authoritativeMoved = served.authoritative !== draft.authoritative && authoritativeHasText;
    if (Object.keys(change).length === 0 && !authoritativeMoved) continue;
    if (authoritativeHasText) change.authoritative = draft.authoritative;
    changes[field] = change;
  }
  return changes;
}

/** A whole draft as createProposal takes it: each language trimmed of nothing, an empty one left out. */
export function draftInput(draft: Draft): Partial<Record<DraftField, TextChange>> {
  const input: Partial<Record<DraftField, TextChange>> = {};
  for (const field of DRAFT_FIELDS) {
    const text = draft[field];
    if (blank(text.ar) && blank(text.en)) continue;
    input[field] = {
      ...(blank(text.ar) ? {} : { ar: text.ar }),
      ...(blank(text.en) ? {} : { en: text.en }),
      ...(blank(text[draft.authoritative]) ? {} : { authoritative: draft.authoritative }),
    };
  }
  return input;
}
