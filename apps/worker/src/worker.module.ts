import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Environment, EnvironmentModule, loggerParams } from '@majlis/config';
import { DOMAIN_ENTITIES } from '@majlis/domain';
import { JOB_ENTITIES, JobProcessorsModule } from '@majlis/jobs';
import { LiveModule } from '@majlis/live';
import { PersistenceModule } from '@majlis/persistence';
import { QueueModule } from '@majlis/queue';

/** The queue processors on their own, for server mode where they scale apart from the API. */
@Module({})
export class WorkerModule {
  static register(environment: Environment, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        EnvironmentModule.forRoot(environment),
        LoggerModule.forRoot(loggerParams(environment, 'worker')),
        PersistenceModule.forRoot(databaseUrl, {
          applicationName: 'majlis-worker',
          entities: [...DOMAIN_ENTITIES, ...JOB_ENTITIES],
        }),
        QueueModule.forRoot({ redisUrl: environment.redisUrl, databaseUrl, prefix: environment.queuePrefix }),
        LiveModule.forRoot({ redisUrl: environment.redisUrl, prefix: environment.queuePrefix }),
        JobProcessorsModule,
      ],
    };
  }
}
