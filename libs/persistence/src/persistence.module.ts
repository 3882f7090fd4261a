import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/** TypeORM on the PostgreSQL at `url` (a server, or the embedded one), with the shared options. */
@Module({})
export class PersistenceModule {
  static forRoot(url: string, applicationName: string, poolSize?: number): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, applicationName, poolSize),
          // Fail fast with a clear line rather than retrying for half a minute.
          retryAttempts: 2,
          retryDelay: 1_000,
        }),
      ],
    };
  }
}
