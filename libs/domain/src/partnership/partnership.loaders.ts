import type DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { groupLoader, recordLoader } from '@majlis/persistence';
import { BoardSeat } from './board-seat.entity';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { Stakeholder } from './stakeholder.entity';

/** Member cities and their coordinating offices for one request, each in as few queries as can be. */
export class PartnershipLoaders {
  private readonly manager: DataSource['manager'];
  private cities?: Promise<Map<string, MemberCity>>;
  private readonly offices: DataLoader<string, CoordinatingOffice | null>;
  private readonly stakeholders: DataLoader<string, Stakeholder[]>;
  private readonly openSeats: DataLoader<string, BoardSeat | null>;

  constructor(dataSource: DataSource) {
    const manager = dataSource.manager;
    this.manager = manager;
    this.offices = recordLoader(
      (cityIds) => manager.findBy(CoordinatingOffice, { memberCityId: In([...cityIds]) }),
      (office) => office.memberCityId,
    );
    this.stakeholders = groupLoader(
      (officeIds) =>
        manager.find(Stakeholder, { where: { officeId: In([...officeIds]) }, order: { createdAt: 'ASC' } }),
      (stakeholder) => stakeholder.officeId,
    );
    this.openSeats = recordLoader(
      (holderIds) => manager.findBy(BoardSeat, { holderId: In([...holderIds]), endsOn: IsNull() }),
      (seat) => seat.holderId,
    );
  }

  /** The open term (no end day) a person holds, if any. */
  openSeatOf(personId: string): Promise<BoardSeat | null> {
    return this.openSeats.load(personId);
  }

  /** A partnership has a handful of cities: the first one asked for reads them all, once per request. */
  private allCities(): Promise<Map<string, MemberCity>> {
    this.cities ??= this.manager.find(MemberCity).then((cities) => new Map(cities.map((city) => [city.id, city])));
    return this.cities;
  }

  async memberCity(id: string): Promise<MemberCity | null> {
    return (await this.allCities()).get(id) ?? null;
  }

  async memberCities(ids: readonly string[]): Promise<MemberCity[]> {
    const cities = await this.allCities();
    return ids.flatMap((id) => cities.get(id) ?? []);
  }

  coordinatingOffice(memberCityId: string): Promise<CoordinatingOffice | null> {
    return this.offices.load(memberCityId);
  }

  stakeholdersOf(officeId: string): Promise<Stakeholder[]> {
    return this.stakeholders.load(officeId);
  }
}
