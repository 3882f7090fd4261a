import type { Environment } from '@majlis/config';
import { EmbeddedDatabase } from './embedded-database';

/** Where this process's PostgreSQL is, and how to let go of it. */
export interface DatabaseEndpoint {
  url: string;
  mode: Environment['databaseMode'];
  /** Closes the embedded database; nothing to do for a server. */
  close(): Promise<void>;
}

export async function openDatabase(
  environment: Pick<Environment, 'databaseUrl' | 'dataDir'>,
): Promise<DatabaseEndpoint> {
  if (environment.databaseUrl !== undefined) {
    return { url: environment.databaseUrl, mode: 'server', close: async () => {} };
  }
  const embedded = await EmbeddedDatabase.start(environment.dataDir);
  return { url: embedded.url, mode: 'embedded', close: () => embedded.stop() };
}
