import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import type { JobHandlers, QueueName } from './queue.contract';

/**
 * A queue's processor: nest's WorkerHost, with one typed handler per job of the contract. Handlers call
 * one service method each; the rules live in the services.
 */
export abstract class JobProcessor<Q extends QueueName> extends WorkerHost implements OnModuleDestroy {
  abstract readonly queue: Q;
  protected abstract readonly handlers: JobHandlers<Q>;

  private readonly logger = new Logger(JobProcessor.name);
  private errorReportedAt = 0;

  /**
   * A worker's connection trouble (Redis restarting, say): logged, at most every 30 s, not thrown.
   * BullMQ reconnects; an unheard 'error' event would be printed at every attempt.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.errorReportedAt < 30_000) return;
    this.errorReportedAt = Date.now();
    this.logger.warn({ err: error, queue: this.queue }, 'queue worker error; it carries on');
  }

  /**
   * Closes the worker at the first shutdown step. @nestjs/bullmq would close it later, at application
   * shutdown, when the queues' and the database's connections close as well: a worker still polling
   * BullMQ's PostgreSQL backend then waits on a closed connection (on the embedded database, for ever).
   */
  async onModuleDestroy(): Promise<void> {
    let worker;
    try {
      worker = this.worker;
    } catch {
      return; // never started
    }
    await worker.close();
  }

  handledJobs(): string[] {
    return Object.keys(this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    // The job name is only known at run time: the typed map is read as a plain one here.
    const handlers = this.handlers as unknown as Record<
      string,
      ((payload: unknown, job: Job) => Promise<unknown>) | undefined
    >;
    const handler = handlers[job.name];
    if (handler === undefined) throw new UnrecoverableError(`queue ${this.queue} has no handler for job ${job.name}`);
    return handler(job.data, job);
  }
}

/** Throws when a queue of the contract has no processor, or a job of it no handler. */
export function assertEveryJobHandled(
  contract: Record<string, Record<string, true>>,
  processors: Array<Pick<JobProcessor<QueueName>, 'queue' | 'handledJobs'>>,
): void {
  const missing = Object.entries(contract).flatMap(([queue, jobs]) => {
    const handled = new Set(processors.filter((p) => p.queue === queue).flatMap((p) => p.handledJobs()));
    return Object.keys(jobs)
      .filter((job) => !handled.has(job))
      .map((job) => `${queue}/${job}`);
  });
  if (missing.length > 0) throw new Error(`no handler for job ${missing.join(', ')}: refusing to start`);
}
