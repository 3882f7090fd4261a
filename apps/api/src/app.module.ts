import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { Environment, EnvironmentModule, loggerParams } from '@majlis/config';
import { DemoModule, IdentityModule, JobProcessorsModule, OperationsModule, PartnershipModule } from '@majlis/domain';
import { PersistenceModule } from '@majlis/persistence';
import { QueueModule } from '@majlis/queue';
import { AuthGuard } from './graphql/auth.guard';
import { ErrorFilter } from './graphql/error.filter';
import { graphqlContext } from './graphql/graphql-context';
import { HealthController } from './health/health.controller';
import { QueueHealthIndicator } from './health/queue.health';
import { RESOLVERS } from './resolvers';

@Module({})
export class AppModule {
  /** The API on the database at `databaseUrl`; with `workersInApi` it also runs the queue processors. */
  static register(environment: Environment, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EnvironmentModule.forRoot(environment),
        LoggerModule.forRoot(loggerParams(environment, 'api')),
        PersistenceModule.forRoot(databaseUrl, 'majlis-api'),
        QueueModule.forRoot({ redisUrl: environment.redisUrl, databaseUrl, prefix: environment.queuePrefix }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: graphqlContext,
        }),
        TerminusModule.forRoot({ logger: false }),
        IdentityModule,
        PartnershipModule,
        OperationsModule,
        DemoModule,
        ...(environment.workersInApi ? [JobProcessorsModule] : []),
      ],
      controllers: [HealthController],
      providers: [
        ...RESOLVERS,
        QueueHealthIndicator,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
