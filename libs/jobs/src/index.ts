// The queue processors, the outbox relay and the worker heartbeat: the worker hosts them, the embedded API too.
export { HeartbeatService } from './heartbeat.service';
export { JobProcessorsModule } from './job-processors.module';
export { JOB_ENTITIES, OperationsModule } from './operations.module';
export { OutboxRelay } from './outbox-relay';
