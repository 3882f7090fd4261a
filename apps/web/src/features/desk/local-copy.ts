import type { Draft } from './draft';

/** Every key of the desk's local copies starts so; sign-out removes them all. */
const PREFIX = 'majlis.desk.';

/** What this browser keeps of a person's unsaved text until the server has it. */
export interface LocalCopy {
  draft: Draft;
  /** The proposal's version the text was written over; null for a proposal not yet created. */
  baseVersion: number | null;
  /** When it was last written here (ISO). */
  keptAt: string;
}

/** The storage the copies live in: window.localStorage in the browser, a stand-in in tests. */
export type CopyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const storage = (): CopyStorage | undefined => globalThis.localStorage;

/**
 * The key of one person's copy of one proposal; a new proposal is "new", an amendment not yet created
 * "new:<parent id>".
 */
export function copyKey(personId: string, proposal: string): string {
  return `${PREFIX}${personId}.${proposal}`;
}

function isLocalCopy(value: unknown): value is LocalCopy {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Partial<LocalCopy>;
  const draft = copy.draft as Partial<Draft> | undefined;
  const bilingual = (text: unknown) =>
    typeof text === 'object' &&
    text !== null &&
    typeof (text as { ar?: unknown }).ar === 'string' &&
    typeof (text as { en?: unknown }).en === 'string';
  return (
    typeof copy.keptAt === 'string' &&
    (copy.baseVersion === null || typeof copy.baseVersion === 'number') &&
    draft !== undefined &&
    (draft.authoritative === 'ar' || draft.authoritative === 'en') &&
    bilingual(draft.title) &&
    bilingual(draft.summary) &&
    bilingual(draft.body)
  );
}

export function readCopy(key: string, store: CopyStorage | undefined = storage()): LocalCopy | null {
  const raw = store?.getItem(key);
  if (raw === null || raw === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isLocalCopy(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Writes the copy; false when the browser refused (storage full or blocked), so the page can say so. */
export function writeCopy(key: string, copy: LocalCopy, store: CopyStorage | undefined = storage()): boolean {
  try {
    store?.setItem(key, JSON.stringify(copy));
    return store !== undefined;
  } catch {
    return false;
  }
}

export function removeCopy(key: string, store: CopyStorage | undefined = storage()): void {
  store?.removeItem(key);
}

/** At sign-out: every desk copy on this browser, whoever wrote it, so the next person finds none. */
export function clearLocalCopies(store: CopyStorage | undefined = storage()): void {
  if (store === undefined) return;
  const keys: string[] = [];
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
