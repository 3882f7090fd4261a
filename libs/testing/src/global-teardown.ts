import { rmSync } from 'node:fs';

/** Removes the migrated PGlite's snapshot that the global set-up left for the test files, if it did. */
export default function globalTeardown(): void {
  const path = process.env.MAJLIS_TEST_PGLITE_TEMPLATE;
  if (path !== undefined && path !== '') rmSync(path, { force: true });
}
