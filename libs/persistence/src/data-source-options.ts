import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The append-only migrations, shared by every process and the migration CLI. */
export const MIGRATIONS_FOLDER = join(__dirname, '../../../migrations');

/** A TypeORM entity class; the domain and the jobs export theirs as lists. */
export type EntityClass = new (...args: never[]) => object;

export interface DataSourceSettings {
  applicationName?: string;
  poolSize?: number;
  /** The classes to map; none for a connection that only runs the migrations. */
  entities?: readonly EntityClass[];
}

/**
 * Connections per process. The embedded database runs one statement at a time whatever the pool, and
 * while one connection is in a transaction the others only queue behind it: embedded mode keeps to one.
 */
export const poolSizeFor = (mode: 'embedded' | 'server'): number => (mode === 'embedded' ? 1 : 10);

/** The one set of TypeORM options, shared by the applications, the migration CLI and the tests. */
export function dataSourceOptions(
  url: string,
  { applicationName = 'majlis', poolSize = 10, entities = [] }: DataSourceSettings = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName,
    entities: [...entities],
    migrations: [join(MIGRATIONS_FOLDER, '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
    logging: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}
