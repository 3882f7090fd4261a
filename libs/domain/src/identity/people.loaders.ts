import type DataLoader from 'dataloader';
import { recordLoader } from '../reading/batch';
import type { Person } from './person.entity';
import type { PersonRepository } from './person.repository';

/** People by id for one request, each batch in one query. */
export class PeopleLoaders {
  private readonly people: DataLoader<string, Person | null>;

  constructor(repository: PersonRepository) {
    this.people = recordLoader(
      (ids) => repository.findByIds(ids),
      (person) => person.id,
    );
  }

  person(id: string): Promise<Person | null> {
    return this.people.load(id);
  }
}
