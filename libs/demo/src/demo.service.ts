import { Injectable } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import type { Person } from '@majlis/domain';
import { DEMO_ACCOUNTS } from './demo-partnership';
import { DemoRepository } from './demo.repository';
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
    private readonly people: DemoRepository,
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
    const people = await this.people.activePeople(emails);
    return people.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  }
}
