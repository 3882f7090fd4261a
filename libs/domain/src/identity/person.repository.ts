import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type Cursor, EntityRepository, type Transaction } from '@majlis/persistence';
import { Person } from './person.entity';
import { RevokedSession } from './revoked-session.entity';
import type { Role } from './role';

// Any fixed number: creating the first administrator and checking that nobody exists happen under it.
const FIRST_PERSON_LOCK = 5_118_219;

/** Which people a list shows; every part already checked by the service. */
export interface PeopleQuery {
  /** People of every one of these cities (a head of delegation's own, the filter's): none or one, in effect. */
  memberCityIds: string[];
  role: Role | null;
  active: boolean | null;
  /** Part of an e-mail or of a name in either language; '' for all. */
  search: string;
}

/** A person as created: everything but what the database fills in or what is set later. */
export type NewPerson = Omit<
  Person,
  'id' | 'createdAt' | 'updatedAt' | 'timeZone' | 'digits' | 'sessionsRevokedBefore' | 'formOfAddress'
> &
  Partial<Pick<Person, 'formOfAddress'>>;

/** People and their signed-out sessions. */
@Injectable()
export class PersonRepository extends EntityRepository<Person> {
  protected readonly entity = Person;
  protected readonly entityName = 'person' as const;

  /** The person with their password hash, for signing in. */
  findByEmail(email: string): Promise<Person | null> {
    return this.db()
      .getRepository(Person)
      .createQueryBuilder('person')
      .addSelect('person.passwordHash')
      .where('person.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /** An active person by their (already normalised) e-mail. */
  findActiveByEmail(email: string): Promise<Person | null> {
    return this.db().findOneBy(Person, { email, active: true });
  }

  /**
   * The person of a session, unless that session was signed out or signed before all their sessions were
   * ended (deactivation, a password reset): one statement, as `findById`.
   */
  findBySession(id: string, jti: string, signedAt: Date): Promise<Person | null> {
    return this.db()
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.id = :id', { id })
      .andWhere('(person.sessions_revoked_before IS NULL OR person.sessions_revoked_before <= :signedAt)', { signedAt })
      .andWhere('NOT EXISTS (SELECT 1 FROM revoked_session revoked WHERE revoked.jti = :jti)', { jti })
      .getOne();
  }

  /** Signs a session out for good; rows of sessions that have expired anyway are removed on the way. */
  async revokeSession(jti: string, personId: string, expiresAt: Date): Promise<void> {
    const revoked = this.db().getRepository(RevokedSession);
    await revoked.createQueryBuilder().insert().values({ jti, personId, expiresAt }).orIgnore().execute();
    await revoked.createQueryBuilder().delete().where('expires_at < now()').execute();
  }

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return this.db().findBy(Person, { id: In([...ids]) });
  }

  async update(id: string, change: Partial<Person>, tx?: Transaction): Promise<void> {
    await this.db(tx).update(Person, { id }, change);
  }

  /** Inserts or updates by e-mail, inside the caller's transaction. */
  async upsertByEmail(
    tx: Transaction,
    person: Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'timeZone' | 'digits' | 'sessionsRevokedBefore'>,
  ): Promise<Person> {
    const email = person.email.toLowerCase();
    const manager = this.db(tx);
    await manager.upsert(Person, { ...person, email }, ['email']);
    return manager.findOneByOrFail(Person, { email });
  }

  /** Sets a person's own time zone (null: their city's again) inside the caller's transaction. */
  async setTimeZone(tx: Transaction, id: string, timeZone: string | null): Promise<void> {
    await this.db(tx).update(Person, { id }, { timeZone });
  }

  async insert(tx: Transaction, person: NewPerson): Promise<Person> {
    const manager = this.db(tx);
    const created = manager.create(Person, person);
    await manager.insert(Person, created);
    return created;
  }

  emailTaken(tx: Transaction, email: string): Promise<boolean> {
    return this.db(tx).existsBy(Person, { email });
  }

  /** Whether anybody at all has an account: a fresh server has nobody. */
  anybody(tx?: Transaction): Promise<boolean> {
    return this.db(tx).exists(Person);
  }

  /**
   * Takes the lock under which the first person is made, until `tx` ends: "nobody exists yet" stays true
   * until the one who asked has created them.
   */
  async lockFirstPerson(tx: Transaction): Promise<void> {
    await this.db(tx).query('SELECT pg_advisory_xact_lock($1)', [FIRST_PERSON_LOCK]);
  }

  /** One page of people by e-mail (then id), after `after`, and how many match in all. */
  async page(query: PeopleQuery, after: Cursor | null, take: number): Promise<{ rows: Person[]; totalCount: number }> {
    const select = this.db().getRepository(Person).createQueryBuilder('person');
    for (const [i, city] of query.memberCityIds.entries())
      select.andWhere(`person.member_city_id = :city${i}`, { [`city${i}`]: city });
    if (query.role !== null) select.andWhere(':role = ANY(person.roles)', { role: query.role });
    if (query.active !== null) select.andWhere('person.active = :active', { active: query.active });
    if (query.search !== '') {
      const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select.andWhere(
        "(person.email ILIKE :pattern OR person.name->>'ar' ILIKE :pattern OR person.name->>'en' ILIKE :pattern)",
        { pattern },
      );
    }
    const totalCount = await select.getCount();
    if (after !== null) select.andWhere('(person.email, person.id) > (:key, :id)', { key: after.key, id: after.id });
    const rows = await select.orderBy('person.email', 'ASC').addOrderBy('person.id', 'ASC').take(take).getMany();
    return { rows, totalCount };
  }
}
