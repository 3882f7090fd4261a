import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { managerOf, rowById, type Transaction } from '@majlis/persistence';
import { Person } from './person.entity';
import { RevokedSession } from './revoked-session.entity';

@Injectable()
export class PersonRepository {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectRepository(RevokedSession) private readonly revoked: Repository<RevokedSession>,
  ) {}

  /** The person with their password hash, for signing in. */
  findByEmail(email: string): Promise<Person | null> {
    return this.people
      .createQueryBuilder('person')
      .addSelect('person.passwordHash')
      .where('person.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /** The person alone: what every authenticated request needs. */
  findById(id: string): Promise<Person | null> {
    return this.people.findOneBy({ id });
  }

  /**
   * The person of a session, unless that session was signed out or signed before all their sessions were
   * ended (deactivation, a password reset): one statement, as `findById`.
   */
  findBySession(id: string, jti: string, signedAt: Date): Promise<Person | null> {
    return this.people
      .createQueryBuilder('person')
      .where('person.id = :id', { id })
      .andWhere('(person.sessions_revoked_before IS NULL OR person.sessions_revoked_before <= :signedAt)', { signedAt })
      .andWhere('NOT EXISTS (SELECT 1 FROM revoked_session revoked WHERE revoked.jti = :jti)', { jti })
      .getOne();
  }

  /** Signs a session out for good; rows of sessions that have expired anyway are removed on the way. */
  async revokeSession(jti: string, personId: string, expiresAt: Date): Promise<void> {
    await this.revoked.createQueryBuilder().insert().values({ jti, personId, expiresAt }).orIgnore().execute();
    await this.revoked.createQueryBuilder().delete().where('expires_at < now()').execute();
  }

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return this.people.findBy({ id: In([...ids]) });
  }

  async update(id: string, change: Partial<Pick<Person, 'preferredLocale' | 'digits' | 'timeZone'>>): Promise<void> {
    await this.people.update({ id }, change);
  }

  /** Inserts or updates by e-mail, inside the caller's transaction. */
  async upsertByEmail(
    manager: EntityManager,
    person: Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'timeZone' | 'digits' | 'sessionsRevokedBefore'>,
  ): Promise<Person> {
    const email = person.email.toLowerCase();
    await manager.upsert(Person, { ...person, email }, ['email']);
    return manager.findOneByOrFail(Person, { email });
  }

  /** The person, locked until `tx` ends (a daily digest: one of a person's at a time); null when there is none. */
  lock(tx: Transaction, id: string): Promise<Person | null> {
    return rowById(managerOf(tx), Person, id, 'pessimistic_write');
  }

  /** Sets a person's own time zone (null: their city's again) inside the caller's transaction. */
  async setTimeZone(tx: Transaction, id: string, timeZone: string | null): Promise<void> {
    await managerOf(tx).update(Person, { id }, { timeZone });
  }
}
