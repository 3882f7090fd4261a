import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, requireRole } from '../identity/actor';
import { ALL_ROLES } from '../identity/role';
import { MemberCity } from './member-city.entity';
import { Partnership } from './partnership.entity';

@Injectable()
export class PartnershipService {
  constructor(
    @InjectRepository(MemberCity) private readonly cities: Repository<MemberCity>,
    @InjectRepository(Partnership) private readonly partnerships: Repository<Partnership>,
  ) {}

  /** Every member city, in the order of their English names. */
  async memberCities(actor: Actor): Promise<MemberCity[]> {
    requireRole(actor, ALL_ROLES, 'list the member cities');
    const cities = await this.cities.find();
    return cities.sort((a, b) => (a.name.en ?? a.name.ar ?? '').localeCompare(b.name.en ?? b.name.ar ?? ''));
  }

  /** Member cities by id, for batched loading; unknown ids are left out. */
  citiesById(ids: readonly string[]): Promise<MemberCity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.cities.findBy({ id: In([...ids]) });
  }

  hasAnyPartnership(): Promise<boolean> {
    return this.partnerships.exists();
  }
}
