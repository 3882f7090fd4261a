import type { Locale } from '@majlis/config';

/** Refusals of the GraphQL transport (before any operation runs), in both languages. */
export const TRANSPORT_MESSAGES = {
  persistedQueryMismatch: {
    en: "The persisted query's sha256Hash does not match its query text; send the hash of the exact text.",
    ar: 'بصمة sha256Hash للاستعلام المحفوظ لا تطابق نص الاستعلام؛ أرسل بصمة النص نفسه.',
  },
  persistedQueryVersion: {
    en: 'Only version 1 of persisted queries is supported.',
    ar: 'لا يُدعم من الاستعلامات المحفوظة إلا الإصدار 1.',
  },
} satisfies Record<string, Record<Locale, string>>;
