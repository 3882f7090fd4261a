import type DataLoader from 'dataloader';
import { groupLoader, recordLoader } from '@majlis/persistence';
import { BoardSeat } from './board-seat.entity';
import type { BoardSeatRepository } from './board-seat.repository';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import type { MemberCityRepository } from './member-city.repository';
import { Stakeholder } from './stakeholder.entity';

/** Member cities and their coordinating offices for one request, each in as few queries as can be. */
export class PartnershipLoaders {
  private cities?: Promise<Map<string, MemberCity>>;
  private readonly offices: DataLoader<string, CoordinatingOffice | null>;
  private readonly stakeholders: DataLoader<string, Stakeholder[]>;
  private readonly openSeats: DataLoader<string, BoardSeat | null>;

  constructor(
    private readonly cityRows: MemberCityRepository,
    seats: BoardSeatRepository,
  ) {
    this.offices = recordLoader(
      (cityIds) => cityRows.officesOf(cityIds),
      (office) => office.memberCityId,
    );
    this.stakeholders = groupLoader(
      (officeIds) => cityRows.stakeholdersOf(officeIds),
      (stakeholder) => stakeholder.officeId,
    );
    this.openSeats = recordLoader(
      (holderIds) => seats.openSeatsOf(holderIds),
      (seat) => seat.holderId,
    );
  }

  /** The open term (no end day) a person holds, if any. */
  openSeatOf(personId: string): Promise<BoardSeat | null> {
    return this.openSeats.load(personId);
  }

  /** A partnership has a handful of cities: the first one asked for reads them all, once per request. */
  private allCities(): Promise<Map<string, MemberCity>> {
    this.cities ??= this.cityRows.all().then((cities) => new Map(cities.map((city) => [city.id, city])));
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
