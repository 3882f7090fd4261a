import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Environment, InjectEnvironment } from '@majlis/config';
import { queueBackendKind } from '@majlis/queue';
import { Person } from '../identity/person.entity';
import { DEMO_ACCOUNTS } from './demo-partnership';
import { DemoSeeder } from './demo.seeder';

/** What the sign-in page and the set-up screens need to know of this installation, before anyone signs in. */
export interface InstanceDescription {
  /** The demo partnership was loaded (the embedded default's first start, or `npm run seed:demo`). */
  demo: boolean;
  /** The demo people as they stand, in the README's order; empty unless demo. */
  demoAccounts: Person[];
  /** Public on the demo only. */
  demoPassword: string | null;
  /** No person exists yet: a fresh server. */
  setupRequired: boolean;
  /** Whether the queue dashboard (/admin/queues) exists. */
  queuesOnRedis: boolean;
}

@Injectable()
export class InstanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly seeder: DemoSeeder,
  ) {}

  /** Public by design (the `instance` query): it tells nothing a demo's README does not. */
  async describe(): Promise<InstanceDescription> {
    const [demo, anyone] = await Promise.all([this.seeder.isSeeded(), this.dataSource.manager.exists(Person)]);
    const demoAccounts = demo ? await this.demoPeople() : [];
    return {
      demo,
      demoAccounts,
      demoPassword: demo ? this.environment.demoPassword : null,
      setupRequired: !anyone,
      queuesOnRedis: queueBackendKind(this.environment) === 'redis',
    };
  }

  private async demoPeople(): Promise<Person[]> {
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    const people = await this.dataSource.manager.find(Person, {
      where: { email: In(emails), active: true },
    });
    return people.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  }
}
