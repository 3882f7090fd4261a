import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EntityRepository, requireRow, type Transaction } from '@majlis/persistence';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { Stakeholder } from './stakeholder.entity';

// Any fixed number: two cities with one code cannot be added at once.
const CITY_CODES_LOCK = 5_118_227;

export type NewMemberCity = Pick<
  MemberCity,
  'partnershipId' | 'code' | 'name' | 'countryCode' | 'timeZone' | 'joinedYear'
>;
export type MemberCityChange = Partial<Pick<MemberCity, 'name' | 'countryCode' | 'timeZone' | 'joinedYear'>>;

/** Member cities with what each owns: its coordinating office and the office's stakeholders. */
@Injectable()
export class MemberCityRepository extends EntityRepository<MemberCity> {
  protected readonly entity = MemberCity;
  protected readonly entityName = 'memberCity' as const;

  /** Every city (a partnership has a handful). */
  all(): Promise<MemberCity[]> {
    return this.db().find(MemberCity);
  }

  /** Until `tx` ends no other transaction adds a city: the check that a code is free stays true. */
  async lockCodes(tx: Transaction): Promise<void> {
    await this.db(tx).query('SELECT pg_advisory_xact_lock($1)', [CITY_CODES_LOCK]);
  }

  codeTaken(tx: Transaction, code: string): Promise<boolean> {
    return this.db(tx).existsBy(MemberCity, { code });
  }

  async insert(tx: Transaction, city: NewMemberCity): Promise<MemberCity> {
    const manager = this.db(tx);
    const row = manager.create(MemberCity, city);
    await manager.insert(MemberCity, row);
    return manager.findOneByOrFail(MemberCity, { id: row.id });
  }

  /** Changes the fields given; returns the city as it now stands. */
  async update(tx: Transaction, id: string, change: MemberCityChange): Promise<MemberCity> {
    const manager = this.db(tx);
    if (Object.keys(change).length > 0) await manager.update(MemberCity, { id }, change);
    return manager.findOneByOrFail(MemberCity, { id });
  }

  /** Names the city's coordinating office, opening it if the city has none. */
  async nameOffice(tx: Transaction, memberCityId: string, name: CoordinatingOffice['name']): Promise<void> {
    await this.db(tx)
      .createQueryBuilder()
      .insert()
      .into(CoordinatingOffice)
      .values({ memberCityId, name })
      .orUpdate(['name'], ['member_city_id'])
      .execute();
  }

  /** The city's coordinating office, opened with `name` when it has none yet (an open office keeps its name). */
  async openOffice(
    tx: Transaction,
    memberCityId: string,
    name: CoordinatingOffice['name'],
  ): Promise<CoordinatingOffice> {
    const manager = this.db(tx);
    await manager
      .createQueryBuilder()
      .insert()
      .into(CoordinatingOffice)
      .values({ memberCityId, name })
      .orIgnore()
      .execute();
    return manager.findOneByOrFail(CoordinatingOffice, { memberCityId });
  }

  officeById(tx: Transaction, id: string): Promise<CoordinatingOffice> {
    return this.db(tx).findOneByOrFail(CoordinatingOffice, { id });
  }

  /** The coordinating offices of these cities (a city without one has none in the list). */
  officesOf(memberCityIds: readonly string[]): Promise<CoordinatingOffice[]> {
    return this.db().findBy(CoordinatingOffice, { memberCityId: In([...memberCityIds]) });
  }

  addStakeholder(tx: Transaction, stakeholder: Pick<Stakeholder, 'officeId' | 'name' | 'kind'>): Promise<Stakeholder> {
    const manager = this.db(tx);
    return manager.save(manager.create(Stakeholder, stakeholder));
  }

  /** The stakeholder with this id; NOT_FOUND naming `id` when there is none. */
  requireStakeholder(tx: Transaction, id: string): Promise<Stakeholder> {
    return requireRow(this.db(tx), Stakeholder, id, 'stakeholder');
  }

  async removeStakeholder(tx: Transaction, id: string): Promise<void> {
    await this.db(tx).delete(Stakeholder, { id });
  }

  /** The stakeholders of these offices, oldest first. */
  stakeholdersOf(officeIds: readonly string[]): Promise<Stakeholder[]> {
    return this.db().find(Stakeholder, { where: { officeId: In([...officeIds]) }, order: { createdAt: 'ASC' } });
  }
}
