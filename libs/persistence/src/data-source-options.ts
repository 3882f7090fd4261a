import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const ENTITIES = join(__dirname, '../../domain/src/**/*.entity.{ts,js}');
const MIGRATIONS = join(__dirname, '../../../migrations/*.{ts,js}');

/**
 * Connections per process. The embedded database runs one statement at a time whatever the pool, and
 * while one connection is in a transaction the others only queue behind it: embedded mode keeps to one.
 */
export const poolSizeFor = (mode: 'embedded' | 'server'): number => (mode === 'embedded' ? 1 : 10);

/** The one set of TypeORM options, shared by the applications, the migration CLI and the tests. */
export function dataSourceOptions(url: string, applicationName = 'majlis', poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName,
    entities: [ENTITIES],
    migrations: [MIGRATIONS],
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
