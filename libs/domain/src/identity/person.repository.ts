import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Person } from './person.entity';

@Injectable()
export class PersonRepository {
  constructor(@InjectRepository(Person) private readonly people: Repository<Person>) {}

  findByEmail(email: string): Promise<Person | null> {
    return this.people.findOne({ where: { email: email.trim().toLowerCase() }, relations: { memberCity: true } });
  }

  findById(id: string): Promise<Person | null> {
    return this.people.findOne({ where: { id }, relations: { memberCity: true } });
  }

  /** Inserts or updates by e-mail, inside the caller's transaction. */
  async upsertByEmail(manager: EntityManager, person: Omit<Person, 'id' | 'createdAt' | 'updatedAt'>): Promise<Person> {
    await manager.upsert(Person, { ...person, email: person.email.toLowerCase() }, ['email']);
    return manager.findOneByOrFail(Person, { email: person.email.toLowerCase() });
  }
}
