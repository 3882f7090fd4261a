import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayload, QUEUE_NAMES, QueueName } from './queue.contract';

/** A lost connection is reported once per this long per queue, not at every reconnect attempt. */
const ERROR_REPORT_EVERY_MS = 30_000;

/** Adds jobs by the contract's names, with their payload type checked. */
@Injectable()
export class JobProducer implements OnModuleInit {
  private readonly logger = new Logger(JobProducer.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Queues report connection trouble as events; unheard, BullMQ prints each one to the console. */
  onModuleInit(): void {
    for (const name of QUEUE_NAMES) {
      let reportedAt = 0;
      this.queue(name).on('error', (error: Error) => {
        if (Date.now() - reportedAt < ERROR_REPORT_EVERY_MS) return;
        reportedAt = Date.now();
        this.logger.warn({ err: error, queue: name }, 'queue connection error; BullMQ reconnects');
      });
    }
  }

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** The ids of the jobs in `name` still to run: waiting, delayed, prioritized, or being worked on. */
  async unfinished(name: QueueName): Promise<Set<string>> {
    const ids = await this.queue(name).getRanges(
      ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'],
      0,
      -1,
    );
    return new Set(ids);
  }

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    job: J,
    payload: JobPayload<Q, J>,
    options?: JobsOptions,
  ): Promise<string> {
    const added = await this.queue(queue).add(job, payload, options);
    return added.id ?? '';
  }
}
