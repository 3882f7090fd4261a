import { Client } from 'pg';

/**
 * The migrated template that each test file copies, named after DATABASE_URL's own database so that two
 * suites on one server (CI and a developer's run, two clones) never drop each other's template.
 */
export function templateDatabase(databaseUrl: string): string {
  const name = new URL(databaseUrl).pathname.replace(/^\//, '').replace(/[^a-zA-Z0-9_]/g, '_') || 'postgres';
  return `${name}_test_template`;
}

/** The maintenance database of the server DATABASE_URL points at, for creating and dropping test databases. */
export function adminUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrlFor(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A test database is dropped at the end of its file, so its commits need not wait for the disk: without
 * this each commit waits for an fdatasync (about 7 ms here against 0.2 ms), and the suite's tens of
 * thousands of commits spend minutes waiting. What a commit means to every session is unchanged (it is
 * visible at once, and survives a killed client or worker); only a crash of PostgreSQL itself within a
 * fraction of a second could lose it, which no test does. Production keeps PostgreSQL's default.
 */
export const THROWAWAY_COMMITS = 'synchronous_commit = off';
