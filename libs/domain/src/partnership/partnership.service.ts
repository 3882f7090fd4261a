import { Injectable } from '@nestjs/common';
import {
  badInput,
  checkedTimeZone,
  forbidden,
  LocalizedTextInput,
  message,
  optionalText,
  requiredText,
} from '@majlis/language';
import { UnitOfWork } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, ALL_ROLES, requireRole, Role, speaksForCity } from '../identity';
import { BoardSeatRepository } from './board-seat.repository';
import type { CoordinatingOffice } from './coordinating-office.entity';
import type { MemberCity } from './member-city.entity';
import { MemberCityRepository, type MemberCityChange } from './member-city.repository';
import { PartnershipLoaders } from './partnership.loaders';
import { PartnershipRepository } from './partnership.repository';
import type { Stakeholder, StakeholderKind } from './stakeholder.entity';

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
  name: {
    ar: message('ar', 'common:partnership.fallbackName'),
    en: message('en', 'common:partnership.fallbackName'),
    authoritative: 'ar' as const,
  },
};

export interface AddStakeholderInput {
  memberCityId: string;
  name: LocalizedTextInput;
  kind: StakeholderKind;
}

@Injectable()
export class PartnershipService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly partnerships: PartnershipRepository,
    private readonly cities: MemberCityRepository,
    private readonly seats: BoardSeatRepository,
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
    return this.unitOfWork.run(async (tx) => {
      await this.cities.lockCodes(tx);
      if (await this.cities.codeTaken(tx, code)) throw badInput('input.code', 'codeTaken');
      const partnership =
        (await this.partnerships.first(tx)) ??
        (await this.partnerships.insert(tx, { ...FIRST_PARTNERSHIP, foundedYear: joinedYear }));
      const city = await this.cities.insert(tx, {
        partnershipId: partnership.id,
        code,
        name,
        countryCode,
        timeZone,
        joinedYear,
      });
      if (officeNameText !== null) await this.cities.nameOffice(tx, city.id, officeNameText);
      await this.audit.append(tx, {
        entityType: 'memberCity',
        entityId: city.id,
        action: 'memberCity.created',
        actorId: actor.personId,
        payload: { code, countryCode, timeZone, joinedYear, name: name.en ?? name.ar ?? '' },
      });
      return city;
    });
  }

  async updateMemberCity(actor: Actor, id: string, input: UpdateMemberCityInput): Promise<MemberCity> {
    requireRole(actor, [Role.ADMIN], 'updateMemberCity');
    const change: MemberCityChange = {};
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
    return this.unitOfWork.run(async (tx) => {
      const city = await this.cities.require(id, 'id', tx, 'pessimistic_write');
      const updated = await this.cities.update(tx, city.id, change);
      if (officeNameText !== null) await this.cities.nameOffice(tx, city.id, officeNameText);
      await this.audit.append(tx, {
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
      return updated;
    });
  }

  /** Batched reads for one request. */
  loaders(): PartnershipLoaders {
    return new PartnershipLoaders(this.cities, this.seats);
  }

  /** Every member city, in the order of their English names. */
  async memberCities(actor: Actor): Promise<MemberCity[]> {
    requireRole(actor, ALL_ROLES, 'memberCities');
    const cities = await this.cities.all();
    return cities.sort((a, b) => (a.name.en ?? a.name.ar ?? '').localeCompare(b.name.en ?? b.name.ar ?? ''));
  }

  /** Adds an organisation to a city's coordinating office, opening the office on first use. */
  async addStakeholder(actor: Actor, input: AddStakeholderInput): Promise<Stakeholder> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'addStakeholder');
    if (!speaksForCity(actor, input.memberCityId)) throw forbidden('keepOtherCityOffice');
    const name = requiredText('name', input.name, 'name', actor.locale);
    return this.unitOfWork.run(async (tx) => {
      const city = await this.cities.require(input.memberCityId, 'memberCityId', tx);
      const office = await this.cities.openOffice(tx, city.id, officeName(city));
      return this.cities.addStakeholder(tx, { officeId: office.id, name, kind: input.kind });
    });
  }

  async removeStakeholder(actor: Actor, id: string): Promise<CoordinatingOffice> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'removeStakeholder');
    return this.unitOfWork.run(async (tx) => {
      const stakeholder = await this.cities.requireStakeholder(tx, id);
      const office = await this.cities.officeById(tx, stakeholder.officeId);
      if (!speaksForCity(actor, office.memberCityId)) throw forbidden('keepOtherCityOffice');
      await this.cities.removeStakeholder(tx, stakeholder.id);
      return office;
    });
  }
}

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
    ar: message('ar', 'common:coordinatingOffice.name', { cityName: city.name.ar ?? city.name.en ?? '' }),
    en: message('en', 'common:coordinatingOffice.name', { cityName: city.name.en ?? city.name.ar ?? '' }),
    authoritative: city.name.authoritative,
  };
}
