import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const ENTITIES = join(__dirname, '../../domain/src/**/*.entity.{ts,js}');
const MIGRATIONS = join(__dirname, '../../../migrations/*.{ts,js}');

/** The one set of TypeORM options, shared by the applications, the migration CLI and the tests. */
export function dataSourceOptions(url: string, applicationName = 'majlis'): DataSourceOptions {
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
    extra: { max: 10, connectionTimeoutMillis: 10_000 },
    logging: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}
