import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Environment, EnvironmentModule, loggerParams } from '@majlis/config';
import { DemoModule } from '@majlis/demo';
import { DOMAIN_ENTITIES, DOMAIN_MODULES } from '@majlis/domain';
import { JOB_ENTITIES, JobProcessorsModule, OperationsModule } from '@majlis/jobs';
import { LiveModule } from '@majlis/live';
import { PersistenceModule, poolSizeFor } from '@majlis/persistence';
import { QueueModule } from '@majlis/queue';
import { AuthGuard } from './graphql/auth.guard';
import { ErrorFilter } from './graphql/error.filter';
import { graphqlContext } from './graphql/graphql-context';
import { DateTimeScalar, withInputRule } from './graphql/input-rule';
import { ReadingModule } from './graphql/reading.module';
import { RequestLoadersFactory } from './graphql/request-loaders';
import { PlanExportController } from './followup/plan-export.controller';
import { CalendarFeedController } from './meetings/calendar-feed.controller';
import { MeetingCalendarController } from './meetings/meeting-calendar.controller';
import { HealthController } from './health/health.controller';
import { QueueHealthIndicator } from './health/queue.health';
import { RESOLVERS } from './resolvers';
import { graphqlSecurity } from './security/graphql-security';

@Module({})
export class AppModule {
  /** The API on the database at `databaseUrl`; with `workersInApi` it also runs the queue processors. */
  static register(environment: Environment, databaseUrl: string): DynamicModule {
    const security = graphqlSecurity(environment);
    return {
      module: AppModule,
      imports: [
        EnvironmentModule.forRoot(environment),
        LoggerModule.forRoot(loggerParams(environment, 'api')),
        PersistenceModule.forRoot(databaseUrl, {
          applicationName: 'majlis-api',
          poolSize: poolSizeFor(environment.databaseMode),
          entities: [...DOMAIN_ENTITIES, ...JOB_ENTITIES],
        }),
        QueueModule.forRoot({ redisUrl: environment.redisUrl, databaseUrl, prefix: environment.queuePrefix }),
        LiveModule.forRoot({ redisUrl: environment.redisUrl, prefix: environment.queuePrefix }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [ReadingModule],
          inject: [RequestLoadersFactory],
          useFactory: (loaders: RequestLoadersFactory) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            transformSchema: withInputRule,
            playground: false,
            ...security.apollo,
            includeStacktraceInErrorResponses: false,
            // Field resolvers (a revision diff, a loader) refuse with DomainErrors too; give them the same filter.
            fieldResolverEnhancers: ['filters'],
            context: (req: FastifyRequest, reply: FastifyReply | undefined) => graphqlContext(req, reply, loaders),
            subscriptions: { 'graphql-ws': { path: '/graphql', ...security.graphqlWs } },
          }),
        }),
        TerminusModule.forRoot({ logger: false }),
        ...DOMAIN_MODULES,
        OperationsModule,
        DemoModule,
        ...(environment.workersInApi ? [JobProcessorsModule] : []),
      ],
      controllers: [HealthController, MeetingCalendarController, CalendarFeedController, PlanExportController],
      providers: [
        ...RESOLVERS,
        QueueHealthIndicator,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
