import { ConnectionOptions, createPostgresBackend, setDefaultBackendFactory } from 'bullmq';

export interface QueueBackendOptions {
  /** Redis, when set; otherwise BullMQ's PostgreSQL backend in `databaseUrl`. */
  redisUrl?: string;
  databaseUrl: string;
  /** Namespaces the Redis keys, so several deployments (or test files) can share one Redis. */
  prefix: string;
}

export type QueueBackendKind = 'redis' | 'postgres';

export const queueBackendKind = (options: Pick<QueueBackendOptions, 'redisUrl'>): QueueBackendKind =>
  options.redisUrl === undefined ? 'postgres' : 'redis';

function redisConnection(url: string): ConnectionOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    db: db === '' ? 0 : Number(db),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries for them.
    maxRetriesPerRequest: null,
  };
}

/**
 * The connection every Queue and Worker of this process uses. For PostgreSQL this also makes BullMQ's
 * PostgreSQL backend the process's default, since @nestjs/bullmq builds queues with the default backend.
 */
export function queueConnection(options: QueueBackendOptions): { connection: ConnectionOptions; prefix?: string } {
  if (options.redisUrl !== undefined) {
    setDefaultBackendFactory(undefined);
    return { connection: redisConnection(options.redisUrl), prefix: options.prefix };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const postgres = { connectionString: options.databaseUrl, schema: 'bullmq', migrate: true, max: 5 };
  // @nestjs/bullmq types its connection for Redis; BullMQ hands it to the PostgreSQL backend as it is.
  return { connection: postgres as unknown as ConnectionOptions };
}
