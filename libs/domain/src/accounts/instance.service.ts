import { Injectable } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { queueBackendKind } from '@majlis/queue';
import { PersonRepository } from '../identity';

/** What the sign-in page and the set-up screens need to know of this installation, before anyone signs in. */
export interface InstanceDescription {
  /** No person exists yet: a fresh server. */
  setupRequired: boolean;
  /** Whether the queue dashboard (/admin/queues) exists. */
  queuesOnRedis: boolean;
}

@Injectable()
export class InstanceService {
  constructor(
    private readonly people: PersonRepository,
    @InjectEnvironment() private readonly environment: Environment,
  ) {}

  /** Public by design (the `instance` query): it tells nothing a demo's README does not. */
  async describe(): Promise<InstanceDescription> {
    return {
      setupRequired: !(await this.people.anybody()),
      queuesOnRedis: queueBackendKind(this.environment) === 'redis',
    };
  }
}
