export { dataSourceOptions, MIGRATIONS_FOLDER, poolSizeFor } from './data-source-options';
export type { DataSourceSettings, EntityClass } from './data-source-options';
export { openDatabase } from './database-endpoint';
export type { DatabaseEndpoint } from './database-endpoint';
export { DataFolderInUseError, EmbeddedDatabase } from './embedded-database';
export { migrateDatabase, pendingSchemaChanges } from './migrate';
export { PersistenceModule } from './persistence.module';
export { isPoolTimeout } from './pool-timeout';
export { SnakeNamingStrategy } from './snake-naming.strategy';
