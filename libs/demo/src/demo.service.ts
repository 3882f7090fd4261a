import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Environment, InjectEnvironment } from '@majlis/config';
import { Person } from '@majlis/domain';
import { DEMO_ACCOUNTS } from './demo-partnership';
import { DemoSeeder } from './demo.seeder';

/** What the sign-in page shows of the demo partnership, before anyone signs in. */
export interface DemoDescription {
  /** The demo partnership was loaded (the embedded default's first start, or `npm run seed:demo`). */
  demo: boolean;
  /** The demo people as they stand, in the README's order; empty unless demo. */
  demoAccounts: Person[];
  /** Public on the demo only. */
  demoPassword: string | null;
}

@Injectable()
export class DemoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly seeder: DemoSeeder,
  ) {}

  /** Public by design (the `instance` query): it tells nothing a demo's README does not. */
  async describe(): Promise<DemoDescription> {
    const demo = await this.seeder.isSeeded();
    return {
      demo,
      demoAccounts: demo ? await this.demoPeople() : [],
      demoPassword: demo ? this.environment.demoPassword : null,
    };
  }

  private async demoPeople(): Promise<Person[]> {
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    const people = await this.dataSource.manager.find(Person, { where: { email: In(emails), active: true } });
    return people.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  }
}
