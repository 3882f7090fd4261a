import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from './environment';

/**
 * The embedded mode's token-signing secret: generated on the first start and kept in the data folder,
 * so that tokens survive a restart without anyone having to configure a secret.
 */
function embeddedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** The environment with its token-signing secret: the configured one, else the embedded data folder's. */
export function withJwtSecret(environment: Environment): Environment {
  return environment.jwtSecret === undefined
    ? { ...environment, jwtSecret: embeddedJwtSecret(environment.dataDir) }
    : environment;
}
