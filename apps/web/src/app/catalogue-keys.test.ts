import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';

const SOURCE = join(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Keys written out in the code: t('…'), i18nKey="…", and the navigation's key/lead: '…'.
const KEY = /\bt\(\s*'([^']+)'|i18nKey="([^"]+)"|\b(?:key|lead): '([a-z][\w]*\.[\w.]+)'/g;
// Keys built from a value: t(`states:proposal.${state}`) — the part before the value must be a group.
const BUILT = /\bt\(\s*`([^`$]+)\$\{/g;

const written = sourceFiles(SOURCE).flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(KEY)].map((match) => ({ path, key: match[1] ?? match[2] ?? match[3] ?? '' }));
});
const built = sourceFiles(SOURCE).flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(BUILT)].map((match) => ({ path, prefix: match[1] ?? '' })),
);

describe('every message the client names is in the catalogue, in both languages', () => {
  it('finds the keys written in the code', () => {
    expect(written.length).toBeGreaterThan(200);
  });

  it.each(['ar', 'en'])('has every key written in the code in %s (a plural in every form)', (lng) => {
    const missing = written
      .filter(({ key }) => !i18n.exists(key, { lng }) && !i18n.exists(key, { lng, count: 1 }))
      .map(({ path, key }) => `${key} (${path.slice(SOURCE.length + 1)})`);
    expect(missing).toEqual([]);
  });

  it.each(['ar', 'en'])('has a group for every key built from a value in %s', (lng) => {
    const missing = built
      .filter(({ prefix }) => {
        const group = i18n.getResource(
          lng,
          prefix.includes(':') ? prefix.split(':')[0]! : 'web',
          prefix.replace(/^\w+:/, '').replace(/\.$/, ''),
        );
        return typeof group !== 'object' || group === null;
      })
      .map(({ path, prefix }) => `${prefix}… (${path.slice(SOURCE.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
