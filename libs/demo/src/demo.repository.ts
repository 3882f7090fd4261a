import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Person } from '@majlis/domain';
import { RepositoryBase } from '@majlis/persistence';

/** What the sign-in page reads of the demo partnership. */
@Injectable()
export class DemoRepository extends RepositoryBase {
  /** The active people among these addresses, in no particular order. */
  activePeople(emails: readonly string[]): Promise<Person[]> {
    return this.db().find(Person, { where: { email: In([...emails]), active: true } });
  }
}
