import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, requireRole } from '../identity/actor';
import { ALL_ROLES } from '../identity/role';
import { MemberCity } from './member-city.entity';

@Injectable()
export class PartnershipService {
  constructor(@InjectRepository(MemberCity) private readonly cities: Repository<MemberCity>) {}

  /** Every member city, in the order of their English names. */
  async memberCities(actor: Actor): Promise<MemberCity[]> {
    requireRole(actor, ALL_ROLES, 'list the member cities');
    const cities = await this.cities.find();
    return cities.sort((a, b) => (a.name.en ?? a.name.ar ?? '').localeCompare(b.name.en ?? b.name.ar ?? ''));
  }
}
