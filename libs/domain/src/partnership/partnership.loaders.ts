import type DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupLoader, recordLoader } from '../reading/batch';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { Stakeholder } from './stakeholder.entity';

/** Member cities and their coordinating offices for one request, each batch in one query. */
export class PartnershipLoaders {
  private readonly cities: DataLoader<string, MemberCity | null>;
  private readonly offices: DataLoader<string, CoordinatingOffice | null>;
  private readonly stakeholders: DataLoader<string, Stakeholder[]>;

  constructor(dataSource: DataSource) {
    const manager = dataSource.manager;
    this.cities = recordLoader(
      (ids) => manager.findBy(MemberCity, { id: In([...ids]) }),
      (city) => city.id,
    );
    this.offices = recordLoader(
      (cityIds) => manager.findBy(CoordinatingOffice, { memberCityId: In([...cityIds]) }),
      (office) => office.memberCityId,
    );
    this.stakeholders = groupLoader(
      (officeIds) =>
        manager.find(Stakeholder, { where: { officeId: In([...officeIds]) }, order: { createdAt: 'ASC' } }),
      (stakeholder) => stakeholder.officeId,
    );
  }

  memberCity(id: string): Promise<MemberCity | null> {
    return this.cities.load(id);
  }

  async memberCities(ids: readonly string[]): Promise<MemberCity[]> {
    const cities = await this.cities.loadMany(ids);
    return cities.filter((city): city is MemberCity => city instanceof MemberCity);
  }

  coordinatingOffice(memberCityId: string): Promise<CoordinatingOffice | null> {
    return this.offices.load(memberCityId);
  }

  stakeholdersOf(officeId: string): Promise<Stakeholder[]> {
    return this.stakeholders.load(officeId);
  }
}
