import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Person } from './person.entity';

@Injectable()
export class PersonRepository {
  constructor(@InjectRepository(Person) private readonly people: Repository<Person>) {}

  /** The person with their password hash, for signing in. */
  findByEmail(email: string): Promise<Person | null> {
    return this.people
      .createQueryBuilder('person')
      .addSelect('person.passwordHash')
      .leftJoinAndSelect('person.memberCity', 'memberCity')
      .where('person.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /** The person alone: what every authenticated request needs. */
  findById(id: string): Promise<Person | null> {
    return this.people.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return this.people.findBy({ id: In([...ids]) });
  }

  findByIdWithCity(id: string): Promise<Person | null> {
    return this.people.findOne({ where: { id }, relations: { memberCity: true } });
  }

  async update(id: string, change: Partial<Pick<Person, 'preferredLocale' | 'digits' | 'timeZone'>>): Promise<void> {
    await this.people.update({ id }, change);
  }

  /** Inserts or updates by e-mail, inside the caller's transaction. */
  async upsertByEmail(
    manager: EntityManager,
    person: Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'timeZone' | 'digits'>,
  ): Promise<Person> {
    const email = person.email.toLowerCase();
    await manager.upsert(Person, { ...person, email }, ['email']);
    return manager.findOneByOrFail(Person, { email });
  }
}
