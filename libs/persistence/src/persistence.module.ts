import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type EntityClass } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

/**
 * TypeORM on the PostgreSQL at `url` (a server, or the embedded one), with the shared options; every
 * module may inject the `UnitOfWork` its services run transactions through.
 */
@Module({})
export class PersistenceModule {
  static forRoot(
    url: string,
    settings: { applicationName: string; entities: readonly EntityClass[]; poolSize?: number },
  ): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [UnitOfWork],
      exports: [UnitOfWork],
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, settings),
          // Fail fast with a clear line rather than retrying for half a minute.
          retryAttempts: 2,
          retryDelay: 1_000,
        }),
      ],
    };
  }
}
