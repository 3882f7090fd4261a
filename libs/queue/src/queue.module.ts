import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { JobProducer } from './job-producer';
import { QueueBackendOptions, queueConnection } from './queue-connection';
import { QUEUE_NAMES } from './queue.contract';

/** BullMQ on Redis, or on PostgreSQL where there is no Redis; the same queues either way. */
@Module({})
export class QueueModule {
  static forRoot(options: QueueBackendOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRoot({
          ...queueConnection(options),
          defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        }),
        BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
      ],
      providers: [JobProducer],
      exports: [BullModule, JobProducer],
    };
  }
}
