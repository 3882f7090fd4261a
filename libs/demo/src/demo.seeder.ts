import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { BoardSeat, MemberCity, Partnership, PasswordHasher, PersonRepository } from '@majlis/domain';
import { transactionOf } from '@majlis/persistence';
import { personIdsByEmail, seedDemoMeeting } from './demo-agenda.seeder';
import { seedDemoFollowup } from './demo-followup.seeder';
import { DEMO_ACCOUNTS, DEMO_CITIES, DEMO_PARTNERSHIP } from './demo-partnership';

export interface DemoSeedResult {
  partnership: string;
  cities: number;
  accounts: string[];
}

/** Loads the demo partnership; running it again updates the same rows instead of adding new ones. */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly people: PersonRepository,
  ) {}

  isSeeded(): Promise<boolean> {
    return this.dataSource.getRepository(Partnership).existsBy({ code: DEMO_PARTNERSHIP.code });
  }

  async seed(password: string): Promise<DemoSeedResult> {
    // One hash for every demo account: they share the demo password, and hashing is deliberately slow.
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      await manager.upsert(Partnership, DEMO_PARTNERSHIP, ['code']);
      const partnership = await manager.findOneByOrFail(Partnership, { code: DEMO_PARTNERSHIP.code });
      await manager.upsert(
        MemberCity,
        DEMO_CITIES.map((city) => ({ ...city, partnershipId: partnership.id })),
        ['code'],
      );
      const cities = new Map((await manager.find(MemberCity)).map((city) => [city.code, city.id]));
      for (const account of DEMO_ACCOUNTS) {
        const memberCityId = account.cityCode === null ? null : (cities.get(account.cityCode) ?? null);
        const person = await this.people.upsertByEmail(transactionOf(manager), {
          email: account.email,
          passwordHash,
          passwordSetAt: new Date(),
          name: account.name,
          preferredLocale: account.preferredLocale,
          roles: account.roles,
          memberCityId,
          isHeadOfDelegation: account.isHeadOfDelegation,
          formOfAddress: account.formOfAddress,
          active: true,
        });
        if (account.boardSeat !== undefined && memberCityId !== null) {
          // The city's open term goes to the demo holder; a second run changes nothing.
          const seat = { holderId: person.id, isChair: account.boardSeat === 'chair' };
          const open = await manager.findOneBy(BoardSeat, {
            partnershipId: partnership.id,
            memberCityId,
            endsOn: IsNull(),
          });
          if (open === null)
            await manager.insert(BoardSeat, {
              ...seat,
              partnershipId: partnership.id,
              memberCityId,
              startsOn: `${new Date().getUTCFullYear()}-01-01`,
            });
          else await manager.update(BoardSeat, { id: open.id }, seat);
        }
      }
      const people = await personIdsByEmail(manager);
      const secretariatId = people.get('secretariat@demo.majlis');
      if (secretariatId === undefined) throw new Error('the demo secretariat account was not loaded');
      const now = new Date();
      await seedDemoMeeting(manager, cities, people, secretariatId, now);
      await seedDemoFollowup(manager, cities, people, now);
      return {
        partnership: DEMO_PARTNERSHIP.name.en,
        cities: DEMO_CITIES.length,
        accounts: DEMO_ACCOUNTS.map((account) => account.email),
      };
    });
  }
}
