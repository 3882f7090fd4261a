import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import {
  clearLocalCopies,
  copyKey,
  readCopy,
  removeCopy,
  writeCopy,
  type CopyStorage,
  type LocalCopy,
} from './local-copy';

/** localStorage's behaviour over a Map. */
function memoryStorage(): CopyStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

const copy = (text: string): LocalCopy => {
  const draft = emptyDraft('ar');
  draft.body.ar = text;
  return { draft, baseVersion: 3, keptAt: '2026-11-30T23:00:00.000Z' };
};

describe('the local copy store', () => {
  it('keeps a copy per person and proposal', () => {
    const store = memoryStorage();
    writeCopy(copyKey('person-1', 'p-1'), copy('نص المندوب'), store);
    writeCopy(copyKey('person-2', 'p-1'), copy('نص الزميل'), store);
    expect(readCopy(copyKey('person-1', 'p-1'), store)?.draft.body.ar).toBe('نص المندوب');
    expect(readCopy(copyKey('person-2', 'p-1'), store)?.draft.body.ar).toBe('نص الزميل');
    expect(readCopy(copyKey('person-1', 'p-2'), store)).toBeNull();
  });

  it('removes one copy once the server has it', () => {
    const store = memoryStorage();
    writeCopy(copyKey('person-1', 'p-1'), copy('a'), store);
    removeCopy(copyKey('person-1', 'p-1'), store);
    expect(readCopy(copyKey('person-1', 'p-1'), store)).toBeNull();
  });

  it('ignores what is not a copy (an older format, a broken write)', () => {
    const store = memoryStorage();
    store.setItem(copyKey('person-1', 'p-1'), '{"draft":');
    store.setItem(copyKey('person-1', 'p-2'), JSON.stringify({ draft: { title: 'x' }, keptAt: 'now' }));
    expect(readCopy(copyKey('person-1', 'p-1'), store)).toBeNull();
    expect(readCopy(copyKey('person-1', 'p-2'), store)).toBeNull();
  });

  it('says when the browser refuses to keep it', () => {
    const store = memoryStorage();
    store.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(writeCopy(copyKey('person-1', 'p-1'), copy('a'), store)).toBe(false);
  });

  it('clears every desk copy at sign-out and leaves the rest of the browser’s storage', () => {
    const store = memoryStorage();
    writeCopy(copyKey('person-1', 'p-1'), copy('a'), store);
    writeCopy(copyKey('person-2', 'new'), copy('b'), store);
    store.setItem('majlis.language', 'ar');
    clearLocalCopies(store);
    expect([...store.map.keys()]).toEqual(['majlis.language']);
  });
});
