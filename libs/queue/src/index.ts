export { JobProducer } from './job-producer';
export { assertEveryJobHandled, JobProcessor } from './job-processor';
export { queueBackendKind, queueConnection } from './queue-connection';
export type { QueueBackendKind, QueueBackendOptions } from './queue-connection';
export { JOB_NAMES, QUEUE_NAMES } from './queue.contract';
export type { JobHandlers, JobName, JobPayload, QueueContract, QueueName } from './queue.contract';
export { QueueModule } from './queue.module';
