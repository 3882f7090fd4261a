import DataLoader from 'dataloader';
import { groupLoader, recordLoader } from '@majlis/persistence';
import type { AgendaItem } from './agenda-item.entity';
import type { AgendaTree } from './agenda-tree';
import type { AgendaRepository } from './agenda.repository';
import type { DelegationMember } from './delegation-member.entity';
import type { Delegation } from './delegation.entity';
import type { DelegationRepository } from './delegation.repository';
import type { Meeting } from './meeting.entity';
import type { MeetingRepository } from './meeting.repository';

/** Meetings, delegations and agendas for one request, each batch in one query. */
export class MeetingLoaders {
  private readonly meetings: DataLoader<string, Meeting | null>;
  private readonly delegationsByMeeting: DataLoader<string, Delegation[]>;
  private readonly delegations: DataLoader<string, Delegation | null>;
  private readonly members: DataLoader<string, DelegationMember[]>;
  private readonly agendas: DataLoader<string, AgendaTree>;

  constructor(meetings: MeetingRepository, delegations: DelegationRepository, agenda: AgendaRepository) {
    this.meetings = recordLoader(
      (ids) => meetings.byIds(ids),
      (meeting) => meeting.id,
    );
    this.delegationsByMeeting = groupLoader(
      (meetingIds) => delegations.toMeetings(meetingIds),
      (delegation) => delegation.meetingId,
    );
    this.delegations = recordLoader(
      (ids) => delegations.byIds(ids),
      (d) => d.id,
    );
    this.members = groupLoader(
      (delegationIds) => delegations.membersOf(delegationIds),
      (member) => member.delegationId,
    );
    this.agendas = new DataLoader(async (meetingIds) => {
      const items = await agenda.itemsOf(meetingIds);
      return meetingIds.map((id) => agenda.tree(items.filter((item) => item.meetingId === id)));
    });
  }

  meeting(id: string): Promise<Meeting | null> {
    return this.meetings.load(id);
  }

  delegationsOf(meetingId: string): Promise<Delegation[]> {
    return this.delegationsByMeeting.load(meetingId);
  }

  delegation(id: string): Promise<Delegation | null> {
    return this.delegations.load(id);
  }

  membersOf(delegationId: string): Promise<DelegationMember[]> {
    return this.members.load(delegationId);
  }

  agendaOf(meetingId: string): Promise<AgendaTree> {
    return this.agendas.load(meetingId);
  }

  async childrenOf(item: AgendaItem): Promise<AgendaItem[]> {
    return (await this.agendaOf(item.meetingId)).childrenOf(item.id);
  }

  async numberOf(item: AgendaItem): Promise<string> {
    return (await this.agendaOf(item.meetingId)).numberOf(item.id);
  }
}
