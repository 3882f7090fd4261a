import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, forbidden, LocalizedTextInput, notFound, optionalText, requiredText } from '@majlis/language';
import { requireRow } from '@majlis/persistence';
import { Actor, Person, requireRole, Role, speaksForCity } from '../identity';
import { MemberCity } from '../partnership';
import { DelegationMember } from './delegation-member.entity';
import { Delegation } from './delegation.entity';
import { MeetingRepository } from './meeting.repository';

export interface AddDelegationMemberInput {
  meetingId: string;
  memberCityId: string;
  name: LocalizedTextInput;
  position?: LocalizedTextInput | null;
  /** Their account, when they have one; it must belong to the same city. */
  personId?: string | null;
  isHead?: boolean | null;
}

@Injectable()
export class DelegationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
  ) {}

  async addMember(actor: Actor, input: AddDelegationMemberInput): Promise<DelegationMember> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'addDelegationMember');
    if (!speaksForCity(actor, input.memberCityId)) throw forbidden('composeOtherCityDelegation');
    const name = requiredText('name', input.name, 'name', actor.locale);
    const position = optionalText('position', input.position, 'title', actor.locale);
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.lock(manager, input.meetingId);
      if (meeting === null) throw notFound('meeting', input.meetingId, 'meetingId');
      const city = await requireRow(manager, MemberCity, input.memberCityId, 'memberCity', 'memberCityId');
      if (input.personId != null) {
        const person = await requireRow(manager, Person, input.personId, 'person', 'personId');
        if (person.memberCityId !== city.id) throw badInput('personId', 'personOtherCity');
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(Delegation)
        .values({ meetingId: meeting.id, memberCityId: city.id })
        .orIgnore()
        .execute();
      const delegation = await manager.findOneByOrFail(Delegation, { meetingId: meeting.id, memberCityId: city.id });
      const isHead = input.isHead ?? false;
      if (isHead && (await manager.existsBy(DelegationMember, { delegationId: delegation.id, isHead: true })))
        throw badInput('isHead', 'oneHead');
      return manager.save(
        manager.create(DelegationMember, {
          delegationId: delegation.id,
          personId: input.personId ?? null,
          name,
          position,
          isHead,
        }),
      );
    });
  }

  async removeMember(actor: Actor, id: string): Promise<Delegation> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'removeDelegationMember');
    return this.dataSource.transaction(async (manager) => {
      const member = await requireRow(manager, DelegationMember, id, 'delegationMember');
      const delegation = await manager.findOneByOrFail(Delegation, { id: member.delegationId });
      if (!speaksForCity(actor, delegation.memberCityId)) throw forbidden('composeOtherCityDelegation');
      await manager.delete(DelegationMember, { id: member.id });
      return delegation;
    });
  }
}
