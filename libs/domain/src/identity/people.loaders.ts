import type DataLoader from 'dataloader';
import { recordLoader } from '@majlis/persistence';
import type { Person } from './person.entity';
import type { PersonRepository } from './person.repository';

/** How a person is reached from what a query shows. */
export type PersonRelation =
  | 'author'
  | 'commenter'
  | 'resolver'
  | 'delegationMember'
  | 'creator'
  | 'recipient'
  | 'assignee'
  | 'reporter'
  | 'chair'
  | 'voter'
  | 'seatHolder'
  | 'actor';

/**
 * People by id for one request. Each relation batches on its own: people reached along different paths
 * of a query arrive at different moments, and one loader for all would merge or split their batches by
 * timing alone; this way a query costs the same statements on every run.
 */
export class PeopleLoaders {
  private readonly loaders = new Map<PersonRelation, DataLoader<string, Person | null>>();

  constructor(private readonly repository: PersonRepository) {}

  person(id: string, relation: PersonRelation): Promise<Person | null> {
    let loader = this.loaders.get(relation);
    if (loader === undefined) {
      loader = recordLoader(
        (ids) => this.repository.findByIds(ids),
        (person) => person.id,
      );
      this.loaders.set(relation, loader);
    }
    return loader.load(id);
  }
}
