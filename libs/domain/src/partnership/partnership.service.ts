import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { badInput, checkedTimeZone, forbidden, LocalizedTextInput, optionalText, requiredText } from '@majlis/language';
import { requireRow } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, ALL_ROLES, requireRole, Role, speaksForCity } from '../identity';
import { Partnership } from './partnership.entity';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { PartnershipLoaders } from './partnership.loaders';
import { Stakeholder, StakeholderKind } from './stakeholder.entity';

export interface MemberCityInput {
  code: string;
  name: LocalizedTextInput;
  countryCode: string;
  timeZone: string;
  joinedYear: number;
  coordinatingOfficeName?: LocalizedTextInput | null;
}

export interface UpdateMemberCityInput {
  name?: LocalizedTextInput | null;
  countryCode?: string | null;
  timeZone?: string | null;
  joinedYear?: number | null;
  coordinatingOfficeName?: LocalizedTextInput | null;
}

/** The partnership an empty installation gets with its first city; administrators rename nothing else here. */
const FIRST_PARTNERSHIP = {
  code: 'partnership',
  name: { ar: 'الشراكة', en: 'The partnership', authoritative: 'ar' as const },
};

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
    private readonly audit: AuditService,
  ) {}

  /** Administrators add a member city (its coordinating office too, when named); the code is unique. */
  async createMemberCity(actor: Actor, input: MemberCityInput): Promise<MemberCity> {
    requireRole(actor, [Role.ADMIN], 'createMemberCity');
    const code = input.code.trim();
    if (!/^[a-z]{2,40}$/.test(code)) throw badInput('input.code', 'cityCode', { min: 2, max: 40 });
    const name = requiredText('input.name', input.name, 'name', actor.locale);
    const countryCode = checkedCountry('input.countryCode', input.countryCode);
    const timeZone = checkedTimeZone('input.timeZone', input.timeZone.trim());
    const joinedYear = checkedYear('input.joinedYear', input.joinedYear);
    const officeNameText = optionalText(
      'input.coordinatingOfficeName',
      input.coordinatingOfficeName,
      'name',
      actor.locale,
    );
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CITY_LOCK]);
      if (await manager.existsBy(MemberCity, { code })) throw badInput('input.code', 'codeTaken');
      let partnership = await manager.findOne(Partnership, { where: {}, order: { createdAt: 'ASC' } });
      if (partnership === null) {
        partnership = manager.create(Partnership, { ...FIRST_PARTNERSHIP, foundedYear: joinedYear });
        await manager.insert(Partnership, partnership);
      }
      const city = manager.create(MemberCity, {
        partnershipId: partnership.id,
        code,
        name,
        countryCode,
        timeZone,
        joinedYear,
      });
      await manager.insert(MemberCity, city);
      if (officeNameText !== null)
        await manager.insert(CoordinatingOffice, { memberCityId: city.id, name: officeNameText });
      await this.audit.append(manager, {
        entityType: 'memberCity',
        entityId: city.id,
        action: 'memberCity.created',
        actorId: actor.personId,
        payload: { code, countryCode, timeZone, joinedYear, name: name.en ?? name.ar ?? '' },
      });
      return manager.findOneByOrFail(MemberCity, { id: city.id });
    });
  }

  async updateMemberCity(actor: Actor, id: string, input: UpdateMemberCityInput): Promise<MemberCity> {
    requireRole(actor, [Role.ADMIN], 'updateMemberCity');
    const change: Partial<MemberCity> = {};
    if (input.name !== undefined && input.name !== null)
      change.name = requiredText('input.name', input.name, 'name', actor.locale);
    if (input.countryCode !== undefined && input.countryCode !== null)
      change.countryCode = checkedCountry('input.countryCode', input.countryCode);
    if (input.timeZone !== undefined && input.timeZone !== null)
      change.timeZone = checkedTimeZone('input.timeZone', input.timeZone.trim());
    if (input.joinedYear !== undefined && input.joinedYear !== null)
      change.joinedYear = checkedYear('input.joinedYear', input.joinedYear);
    const officeNameText = optionalText(
      'input.coordinatingOfficeName',
      input.coordinatingOfficeName,
      'name',
      actor.locale,
    );
    return this.dataSource.transaction(async (manager) => {
      const city = await requireRow(manager, MemberCity, id, 'memberCity', 'id', 'pessimistic_write');
      if (Object.keys(change).length > 0) await manager.update(MemberCity, { id: city.id }, change);
      if (officeNameText !== null)
        await manager
          .createQueryBuilder()
          .insert()
          .into(CoordinatingOffice)
          .values({ memberCityId: city.id, name: officeNameText })
          .orUpdate(['name'], ['member_city_id'])
          .execute();
      await this.audit.append(manager, {
        entityType: 'memberCity',
        entityId: city.id,
        action: 'memberCity.updated',
        actorId: actor.personId,
        payload: {
          ...(change.name === undefined ? {} : { name: change.name.en ?? change.name.ar ?? '' }),
          ...(change.countryCode === undefined ? {} : { countryCode: change.countryCode }),
          ...(change.timeZone === undefined ? {} : { timeZone: change.timeZone }),
          ...(change.joinedYear === undefined ? {} : { joinedYear: change.joinedYear }),
          ...(officeNameText === null ? {} : { coordinatingOfficeName: officeNameText.en ?? officeNameText.ar ?? '' }),
        },
      });
      return manager.findOneByOrFail(MemberCity, { id: city.id });
    });
  }

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

// Any fixed number: two cities with one code cannot be added at once.
const CITY_LOCK = 5_118_227;

function checkedCountry(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput(field, 'countryCode');
  return code;
}

function checkedYear(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1900 || value > 2200)
    throw badInput(field, 'numberOutOfRange', { min: 1900, max: 2200 });
  return value;
}

/** The name a city's coordinating office gets when it opens, as the Arabic report calls it. */
export function officeName(city: Pick<MemberCity, 'name'>): CoordinatingOffice['name'] {
  return {
    ar: `المكتب التنسيقي لمدينة ${city.name.ar ?? city.name.en ?? ''}`,
    en: `${city.name.en ?? city.name.ar ?? ''} coordinating office`,
    authoritative: city.name.authoritative,
  };
}
