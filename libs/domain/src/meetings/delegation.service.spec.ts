import { startDomain, type DomainHarness, refusal } from '@majlis/testing';
import type { Actor } from '../identity';
import { PartnershipService } from '../partnership';
import { DelegationService } from './delegation.service';
import { MeetingKind } from './meeting.entity';
import { MeetingService } from './meeting.service';

describe(DelegationService.name, () => {
  let domain: DomainHarness;
  let delegations: DelegationService;
  let meetings: MeetingService;
  let secretariat: Actor;
  let houstonDelegate: Actor;
  let dammamDelegate: Actor;
  let houstonId: string;
  let dammamId: string;

  beforeAll(async () => {
    domain = await startDomain();
    delegations = domain.get(DelegationService);
    meetings = domain.get(MeetingService);
    secretariat = await domain.actor('secretariat@demo.majlis');
    houstonDelegate = await domain.actor('delegate.houston@demo.majlis');
    dammamDelegate = await domain.actor('delegate.dammam@demo.majlis');
    const cities = await domain.get(PartnershipService).memberCities(secretariat);
    houstonId = cities.find((city) => city.code === 'houston')!.id;
    dammamId = cities.find((city) => city.code === 'dammam')!.id;
  });

  afterAll(() => domain?.close());

  const newMeeting = async (): Promise<string> =>
    (
      await meetings.create(secretariat, {
        kind: MeetingKind.BOARD,
        title: { en: 'Board meeting' },
        hostCityId: houstonId,
        startsAt: new Date('2027-06-01T09:00:00-05:00'),
        endsAt: new Date('2027-06-01T17:00:00-05:00'),
      })
    ).id;

  /** Each delegation to the meeting, as a new request reads it: its city and its members' ids, head first. */
  const delegationsTo = async (meetingId: string) => {
    const loaders = meetings.loaders();
    return Promise.all(
      (await loaders.delegationsOf(meetingId)).map(async (delegation) => ({
        memberCityId: delegation.memberCityId,
        members: (await loaders.membersOf(delegation.id)).map((member) => member.id),
      })),
    );
  };

  describe('addMember', () => {
    it('adds a member with an account of the city, and refuses a second head or a person of another city', async () => {
      const meetingId = await newMeeting();
      const head = await delegations.addMember(secretariat, {
        meetingId,
        memberCityId: dammamId,
        name: { ar: 'رئيس الوفد' },
        isHead: true,
        personId: dammamDelegate.personId,
      });
      expect(head).toMatchObject({ isHead: true, personId: dammamDelegate.personId });
      const second = await refusal(
        delegations.addMember(secretariat, {
          meetingId,
          memberCityId: dammamId,
          name: { en: 'Another' },
          isHead: true,
        }),
      );
      expect([second.code, second.field]).toEqual(['BAD_USER_INPUT', 'isHead']);
      const otherCity = await refusal(
        delegations.addMember(secretariat, {
          meetingId,
          memberCityId: houstonId,
          name: { en: 'Wrong city' },
          personId: dammamDelegate.personId,
        }),
      );
      expect([otherCity.code, otherCity.field]).toEqual(['BAD_USER_INPUT', 'personId']);
      expect(await delegationsTo(meetingId)).toEqual([{ memberCityId: dammamId, members: [head.id] }]);
    });

    it('lets a delegate compose only their own city’s delegation, head first whatever the order of adding', async () => {
      const meetingId = await newMeeting();
      const member = await delegations.addMember(dammamDelegate, {
        meetingId,
        memberCityId: dammamId,
        name: { en: 'Member' },
      });
      const head = await delegations.addMember(dammamDelegate, {
        meetingId,
        memberCityId: dammamId,
        name: { en: 'Head' },
        isHead: true,
      });
      const refused = await refusal(
        delegations.addMember(houstonDelegate, { meetingId, memberCityId: dammamId, name: { en: 'Not mine' } }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(await delegationsTo(meetingId)).toEqual([{ memberCityId: dammamId, members: [head.id, member.id] }]);
    });
  });

  describe('removeMember', () => {
    it('removes a member for the secretariat or the city’s delegate, never for another city', async () => {
      const meetingId = await newMeeting();
      const [first, second] = [
        await delegations.addMember(secretariat, { meetingId, memberCityId: dammamId, name: { en: 'First' } }),
        await delegations.addMember(secretariat, { meetingId, memberCityId: dammamId, name: { en: 'Second' } }),
      ];
      expect((await refusal(delegations.removeMember(houstonDelegate, first.id))).code).toBe('FORBIDDEN');
      expect(await delegations.removeMember(dammamDelegate, first.id)).toMatchObject({
        meetingId,
        memberCityId: dammamId,
      });
      await delegations.removeMember(secretariat, second.id);
      expect(await delegationsTo(meetingId)).toEqual([{ memberCityId: dammamId, members: [] }]);
      expect((await refusal(delegations.removeMember(secretariat, second.id))).code).toBe('NOT_FOUND');
    });
  });
});
