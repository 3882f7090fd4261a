import { startDomain, type DomainHarness } from '@majlis/testing';
import { AuditService } from '../audit';
import type { Actor } from '../identity';
import type { MemberCity } from './member-city.entity';
import { PartnershipService, type MemberCityInput } from './partnership.service';
import { StakeholderKind } from './stakeholder.entity';

describe('PartnershipService', () => {
  let domain: DomainHarness;
  let partnership: PartnershipService;
  let audit: AuditService;
  let admin: Actor;
  let secretariat: Actor;
  let headOfDammam: Actor;
  let delegateOfHouston: Actor;
  let city: (code: string) => MemberCity;

  beforeAll(async () => {
    domain = await startDomain();
    partnership = domain.get(PartnershipService);
    audit = domain.get(AuditService);
    admin = await domain.actor('admin@demo.majlis');
    secretariat = await domain.actor('secretariat@demo.majlis');
    headOfDammam = await domain.actor('delegate.dammam@demo.majlis');
    delegateOfHouston = await domain.actor('delegate.houston@demo.majlis');
    const cities = await partnership.memberCities(admin);
    city = (code) => {
      const found = cities.find((entry) => entry.code === code);
      if (found === undefined) throw new Error(`no city ${code}`);
      return found;
    };
  });

  afterAll(() => domain?.close());

  const newCity = (input: Partial<MemberCityInput> = {}): MemberCityInput => ({
    code: 'abudhabi',
    name: { en: 'Abu Dhabi', ar: 'أبوظبي' },
    countryCode: 'ae',
    timeZone: 'Asia/Dubai',
    joinedYear: 2024,
    ...input,
  });
  const office = async (memberCityId: string) => partnership.loaders().coordinatingOffice(memberCityId);

  describe('createMemberCity', () => {
    it('adds a city with its named coordinating office, and records it in the audit trail', async () => {
      const created = await partnership.createMemberCity(
        admin,
        newCity({ code: ' muscat ', name: { en: 'Muscat' }, coordinatingOfficeName: { en: 'Muscat office' } }),
      );
      expect(created).toMatchObject({ code: 'muscat', countryCode: 'AE', timeZone: 'Asia/Dubai', joinedYear: 2024 });
      expect(created.partnershipId).toBe(city('dammam').partnershipId);
      expect((await office(created.id))?.name.en).toBe('Muscat office');
      const trail = await audit.trail(admin, 'memberCity', created.id);
      expect(trail.map((entry) => [entry.action, entry.payload])).toEqual([
        [
          'memberCity.created',
          { code: 'muscat', countryCode: 'AE', timeZone: 'Asia/Dubai', joinedYear: 2024, name: 'Muscat' },
        ],
      ]);
    });

    it('opens no coordinating office when none is named', async () => {
      const created = await partnership.createMemberCity(admin, newCity({ code: 'doha', countryCode: 'QA' }));
      expect(await office(created.id)).toBeNull();
    });

    it.each([
      ['a code that is taken', { code: 'dammam' }, 'input.code'],
      ['a code that is not lower-case letters', { code: 'Abu-Dhabi' }, 'input.code'],
      ['a country that is no two-letter code', { countryCode: 'ARE' }, 'input.countryCode'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'input.timeZone'],
      ['a year out of range', { joinedYear: 1800 }, 'input.joinedYear'],
      ['an empty name', { name: { en: ' ' } }, 'input.name'],
    ])('refuses %s (BAD_USER_INPUT naming the field), adding nothing', async (_, input, field) => {
      const before = await partnership.memberCities(admin);
      await expect(partnership.createMemberCity(admin, newCity(input))).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
      expect(await partnership.memberCities(admin)).toEqual(before);
    });

    it('adds one of two cities given the same code at once', async () => {
      const results = await Promise.allSettled([
        partnership.createMemberCity(admin, newCity({ code: 'kuwait', countryCode: 'KW' })),
        partnership.createMemberCity(admin, newCity({ code: 'kuwait', countryCode: 'KW' })),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({
        reason: { code: 'BAD_USER_INPUT', field: 'input.code' },
      });
    });

    it('is for administrators only', async () => {
      await expect(partnership.createMemberCity(secretariat, newCity({ code: 'manama' }))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  describe('updateMemberCity', () => {
    it('changes only the fields given, names the office, and records what changed', async () => {
      const perth = city('perth');
      const updated = await partnership.updateMemberCity(admin, perth.id, {
        joinedYear: 1996,
        coordinatingOfficeName: { en: 'Perth office' },
      });
      expect(updated).toMatchObject({
        code: 'perth',
        name: perth.name,
        countryCode: perth.countryCode,
        joinedYear: 1996,
      });
      expect((await office(perth.id))?.name.en).toBe('Perth office');
      await partnership.updateMemberCity(admin, perth.id, { coordinatingOfficeName: { en: 'Perth office, renamed' } });
      expect((await office(perth.id))?.name.en).toBe('Perth office, renamed');
      const trail = await audit.trail(admin, 'memberCity', perth.id);
      expect(trail.map((entry) => entry.payload)).toEqual([
        { joinedYear: 1996, coordinatingOfficeName: 'Perth office' },
        { coordinatingOfficeName: 'Perth office, renamed' },
      ]);
    });

    it('refuses a city that does not exist (NOT_FOUND) and a bad country (BAD_USER_INPUT)', async () => {
      await expect(
        partnership.updateMemberCity(admin, '00000000-0000-4000-8000-000000000000', { joinedYear: 2000 }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      await expect(
        partnership.updateMemberCity(admin, city('aberdeen').id, { countryCode: 'GBR' }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.countryCode' });
    });

    it('is for administrators only', async () => {
      await expect(
        partnership.updateMemberCity(secretariat, city('aberdeen').id, { joinedYear: 2000 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('memberCities', () => {
    it('lists every city in the order of their English names, to everyone signed in', async () => {
      const cities = await partnership.memberCities(await domain.actor('observer.dammam@demo.majlis'));
      const names = cities.map((entry) => entry.name.en ?? '');
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(cities.map((entry) => entry.code)).toEqual(expect.arrayContaining(['dammam', 'houston', 'stavanger']));
    });
  });

  describe('addStakeholder', () => {
    it("adds an organisation to the city's office, opening one named after the city on first use", async () => {
      const calgary = city('calgary');
      expect(await office(calgary.id)).toBeNull();
      const added = await partnership.addStakeholder(secretariat, {
        memberCityId: calgary.id,
        name: { en: 'Calgary chamber' },
        kind: StakeholderKind.CHAMBER_OF_COMMERCE,
      });
      const opened = await office(calgary.id);
      expect(opened?.name.en).toContain(calgary.name.en);
      expect(added).toMatchObject({
        officeId: opened?.id,
        kind: 'CHAMBER_OF_COMMERCE',
        name: { en: 'Calgary chamber' },
      });
      await partnership.addStakeholder(secretariat, {
        memberCityId: calgary.id,
        name: { en: 'Calgary university' },
        kind: StakeholderKind.ACADEMIC,
      });
      const stakeholders = await partnership.loaders().stakeholdersOf(opened?.id ?? '');
      expect(stakeholders.map((entry) => entry.name.en)).toEqual(['Calgary chamber', 'Calgary university']);
    });

    it("lets a head of delegation keep their own city's office, not another's", async () => {
      const input = { name: { en: 'Port operator' }, kind: StakeholderKind.COMPANY };
      await expect(
        partnership.addStakeholder(headOfDammam, { ...input, memberCityId: city('dammam').id }),
      ).resolves.toMatchObject({ name: { en: 'Port operator' } });
      await expect(
        partnership.addStakeholder(headOfDammam, { ...input, memberCityId: city('houston').id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        partnership.addStakeholder(delegateOfHouston, { ...input, memberCityId: city('houston').id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('refuses a city that does not exist (NOT_FOUND naming memberCityId) and an empty name', async () => {
      await expect(
        partnership.addStakeholder(secretariat, {
          memberCityId: '00000000-0000-4000-8000-000000000000',
          name: { en: 'Nobody' },
          kind: StakeholderKind.OTHER,
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'memberCityId' });
      await expect(
        partnership.addStakeholder(secretariat, {
          memberCityId: city('houston').id,
          name: { en: '' },
          kind: StakeholderKind.OTHER,
        }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('removeStakeholder', () => {
    it('takes the organisation off its office and answers with the office', async () => {
      const houston = city('houston');
      const added = await partnership.addStakeholder(secretariat, {
        memberCityId: houston.id,
        name: { en: 'To be removed' },
        kind: StakeholderKind.GOVERNMENT,
      });
      await expect(partnership.removeStakeholder(headOfDammam, added.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const answered = await partnership.removeStakeholder(secretariat, added.id);
      expect(answered).toMatchObject({ id: added.officeId, memberCityId: houston.id });
      expect((await partnership.loaders().stakeholdersOf(added.officeId)).map((entry) => entry.id)).not.toContain(
        added.id,
      );
      await expect(partnership.removeStakeholder(secretariat, added.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('loaders', () => {
    it("reads cities, offices and a person's open board seat", async () => {
      const loaders = partnership.loaders();
      const dammam = city('dammam');
      expect((await loaders.memberCity(dammam.id))?.code).toBe('dammam');
      expect((await loaders.memberCities([dammam.id, city('perth').id])).map((entry) => entry.code)).toEqual([
        'dammam',
        'perth',
      ]);
      expect((await loaders.coordinatingOffice(dammam.id))?.name.en).toBe("Dammam's coordinating office");
      const board = await domain.actor('board.dammam@demo.majlis');
      expect(await loaders.openSeatOf(board.personId)).toMatchObject({ memberCityId: dammam.id, endsOn: null });
      expect(await loaders.openSeatOf(secretariat.personId)).toBeNull();
    });
  });
});
