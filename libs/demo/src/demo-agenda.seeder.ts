import type { EntityManager } from 'typeorm';
import { searchableText } from '@majlis/language';
import {
  AgendaItem,
  CoordinatingOffice,
  Delegation,
  DelegationMember,
  Meeting,
  Person,
  Proposal,
  ProposalRevision,
  Stakeholder,
} from '@majlis/domain';
import {
  DEMO_AGENDA,
  DEMO_DELEGATIONS,
  DEMO_MEETING,
  DEMO_OFFICE,
  DEMO_PROPOSAL,
  DemoAgendaItem,
} from './demo-meeting';

/** The instant a wall-clock time in `timeZone` stands for. */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
  }).formatToParts(new Date(asUtc));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'));
  return new Date(asUtc - (shown - asUtc));
}

/**
 * The annual meeting in Houston with its delegations, agenda and Dammam's strategic plan; loaded once
 * (a second run finds the meeting and leaves everything as people have since edited it).
 */
export async function seedDemoMeeting(
  manager: EntityManager,
  cities: Map<string, string>,
  people: Map<string, string>,
  secretariatId: string,
  today: Date,
): Promise<void> {
  const cityId = (code: string): string => {
    const id = cities.get(code);
    if (id === undefined) throw new Error(`the demo city ${code} was not loaded`);
    return id;
  };
  await seedOffice(manager, cityId(DEMO_OFFICE.cityCode));
  const existing = await manager
    .getRepository(Meeting)
    .createQueryBuilder('meeting')
    .where(`meeting.title->>'en' = :title`, { title: DEMO_MEETING.title.en })
    .getOne();
  if (existing !== null) return;

  const year = today.getUTCMonth() + 1 < DEMO_MEETING.month ? today.getUTCFullYear() : today.getUTCFullYear() + 1;
  const lastDay = DEMO_MEETING.day + DEMO_MEETING.days - 1;
  const meeting = await manager.save(
    manager.create(Meeting, {
      kind: DEMO_MEETING.kind,
      title: DEMO_MEETING.title,
      venue: DEMO_MEETING.venue,
      hostCityId: cityId(DEMO_MEETING.hostCityCode),
      timeZone: DEMO_MEETING.timeZone,
      startsAt: zonedTime(year, DEMO_MEETING.month, DEMO_MEETING.day, DEMO_MEETING.startHour, DEMO_MEETING.timeZone),
      endsAt: zonedTime(year, DEMO_MEETING.month, lastDay, DEMO_MEETING.endHour, DEMO_MEETING.timeZone),
      createdById: secretariatId,
    }),
  );

  const delegations = new Map<string, string>();
  for (const demo of DEMO_DELEGATIONS) {
    const delegation = await manager.save(
      manager.create(Delegation, { meetingId: meeting.id, memberCityId: cityId(demo.cityCode) }),
    );
    delegations.set(demo.cityCode, delegation.id);
    for (const member of demo.members)
      await manager.insert(DelegationMember, {
        delegationId: delegation.id,
        personId: member.email === undefined ? null : (people.get(member.email) ?? null),
        name: member.name,
        position: member.position,
        isHead: member.isHead,
      });
  }

  const authorId = people.get(DEMO_PROPOSAL.authorEmail);
  if (authorId === undefined) throw new Error(`the demo account ${DEMO_PROPOSAL.authorEmail} was not loaded`);
  const latest = DEMO_PROPOSAL.revisions[DEMO_PROPOSAL.revisions.length - 1];
  const proposal = await manager.save(
    manager.create(Proposal, {
      ownerCityId: cityId(DEMO_PROPOSAL.ownerCityCode),
      category: DEMO_PROPOSAL.category,
      meetingId: meeting.id,
      parentId: null,
      title: latest.title,
      summary: latest.summary,
      searchText: searchableText(latest.title, latest.summary),
      revisionCount: DEMO_PROPOSAL.revisions.length,
      version: DEMO_PROPOSAL.revisions.length,
      createdById: authorId,
    }),
  );
  for (const [index, revision] of DEMO_PROPOSAL.revisions.entries())
    await manager.insert(ProposalRevision, { proposalId: proposal.id, number: index + 1, authorId, ...revision });

  const addItems = async (items: DemoAgendaItem[], parentId: string | null): Promise<void> => {
    for (const [position, item] of items.entries()) {
      const saved = await manager.save(
        manager.create(AgendaItem, {
          meetingId: meeting.id,
          parentId,
          position,
          kind: item.kind,
          title: item.title,
          description: item.description ?? null,
          plannedMinutes: item.plannedMinutes ?? null,
          presenter: item.presenter ?? null,
          presenterDelegationId:
            item.presenterCityCode === undefined ? null : (delegations.get(item.presenterCityCode) ?? null),
          proposalId: item.linksProposal === true ? proposal.id : null,
        }),
      );
      await addItems(item.children ?? [], saved.id);
    }
  };
  await addItems(DEMO_AGENDA, null);
}

async function seedOffice(manager: EntityManager, memberCityId: string): Promise<void> {
  await manager.upsert(CoordinatingOffice, { memberCityId, name: DEMO_OFFICE.name }, ['memberCityId']);
  const office = await manager.findOneByOrFail(CoordinatingOffice, { memberCityId });
  const present = new Set((await manager.findBy(Stakeholder, { officeId: office.id })).map((s) => s.name.en));
  for (const stakeholder of DEMO_OFFICE.stakeholders)
    if (!present.has(stakeholder.name.en)) await manager.insert(Stakeholder, { officeId: office.id, ...stakeholder });
}

export const personIdsByEmail = async (manager: EntityManager): Promise<Map<string, string>> =>
  new Map((await manager.find(Person, { select: { id: true, email: true } })).map((p) => [p.email, p.id]));
