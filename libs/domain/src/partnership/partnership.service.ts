import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { forbidden } from '../errors/domain-error';
import { Actor, requireRole, speaksForCity } from '../identity/actor';
import { ALL_ROLES, Role } from '../identity/role';
import { LocalizedTextInput, requiredText } from '../language/text-input';
import { requireRow } from '../reading/rows';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { PartnershipLoaders } from './partnership.loaders';
import { Stakeholder, StakeholderKind } from './stakeholder.entity';

export interface AddStakeholderInput {
  memberCityId: string;
  name: LocalizedTextInput;
  kind: StakeholderKind;
}

@Injectable()
export class PartnershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MemberCity) private readonly cities: Repository<MemberCity>,
  ) {}

  /** Batched reads for one request. */
  loaders(): PartnershipLoaders {
    return new PartnershipLoaders(this.dataSource);
  }

  /** Every member city, in the order of their English names. */
  async memberCities(actor: Actor): Promise<MemberCity[]> {
    requireRole(actor, ALL_ROLES, 'memberCities');
    const cities = await this.cities.find();
    return cities.sort((a, b) => (a.name.en ?? a.name.ar ?? '').localeCompare(b.name.en ?? b.name.ar ?? ''));
  }

  /** Adds an organisation to a city's coordinating office, opening the office on first use. */
  async addStakeholder(actor: Actor, input: AddStakeholderInput): Promise<Stakeholder> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'addStakeholder');
    if (!speaksForCity(actor, input.memberCityId)) throw forbidden('keepOtherCityOffice');
    const name = requiredText('name', input.name, 'name', actor.locale);
    return this.dataSource.transaction(async (manager) => {
      const city = await requireRow(manager, MemberCity, input.memberCityId, 'memberCity', 'memberCityId');
      await manager
        .createQueryBuilder()
        .insert()
        .into(CoordinatingOffice)
        .values({ memberCityId: city.id, name: officeName(city) })
        .orIgnore()
        .execute();
      const office = await manager.findOneByOrFail(CoordinatingOffice, { memberCityId: city.id });
      return manager.save(manager.create(Stakeholder, { officeId: office.id, name, kind: input.kind }));
    });
  }

  async removeStakeholder(actor: Actor, id: string): Promise<CoordinatingOffice> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'removeStakeholder');
    return this.dataSource.transaction(async (manager) => {
      const stakeholder = await requireRow(manager, Stakeholder, id, 'stakeholder');
      const office = await manager.findOneByOrFail(CoordinatingOffice, { id: stakeholder.officeId });
      if (!speaksForCity(actor, office.memberCityId)) throw forbidden('keepOtherCityOffice');
      await manager.delete(Stakeholder, { id: stakeholder.id });
      return office;
    });
  }
}

/** The name a city's coordinating office gets when it opens, as the Arabic report calls it. */
export function officeName(city: Pick<MemberCity, 'name'>): CoordinatingOffice['name'] {
  return {
    ar: `المكتب التنسيقي لمدينة ${city.name.ar ?? city.name.en ?? ''}`,
    en: `${city.name.en ?? city.name.ar ?? ''} coordinating office`,
    authoritative: city.name.authoritative,
  };
}
