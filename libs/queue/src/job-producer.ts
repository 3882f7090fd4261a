import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import type { JobName, JobPayload, QueueName } from './queue.contract';

/** Adds jobs by the contract's names, with their payload type checked. */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
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
