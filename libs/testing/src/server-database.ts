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
