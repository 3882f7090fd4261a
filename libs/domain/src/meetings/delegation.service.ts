import { Injectable } from '@nestjs/common';
import { badInput, forbidden, LocalizedTextInput, notFound, optionalText, requiredText } from '@majlis/language';
import { UnitOfWork } from '@majlis/persistence';
import { Actor, requireRole, Role, speaksForCity } from '../identity';
import type { DelegationMember } from './delegation-member.entity';
import type { Delegation } from './delegation.entity';
import { DelegationRepository } from './delegation.repository';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly delegations: DelegationRepository,
  ) {}

  async addMember(actor: Actor, input: AddDelegationMemberInput): Promise<DelegationMember> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'addDelegationMember');
    if (!speaksForCity(actor, input.memberCityId)) throw forbidden('composeOtherCityDelegation');
    const name = requiredText('name', input.name, 'name', actor.locale);
    const position = optionalText('position', input.position, 'title', actor.locale);
    return this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.lock(tx, input.meetingId);
      if (meeting === null) throw notFound('meeting', input.meetingId, 'meetingId');
      const city = await this.delegations.requireCity(tx, input.memberCityId, 'memberCityId');
      if (input.personId != null) {
        const person = await this.delegations.requirePerson(tx, input.personId, 'personId');
        if (person.memberCityId !== city.id) throw badInput('personId', 'personOtherCity');
      }
      const delegation = await this.delegations.ensure(tx, meeting.id, city.id);
      const isHead = input.isHead ?? false;
      if (isHead && (await this.delegations.hasHead(tx, delegation.id))) throw badInput('isHead', 'oneHead');
      return this.delegations.addMember(tx, {
        delegationId: delegation.id,
        personId: input.personId ?? null,
        name,
        position,
        isHead,
      });
    });
  }

  async removeMember(actor: Actor, id: string): Promise<Delegation> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'removeDelegationMember');
    return this.unitOfWork.run(async (tx) => {
      const member = await this.delegations.requireMember(tx, id);
      const delegation = await this.delegations.require(member.delegationId, 'id', tx);
      if (!speaksForCity(actor, delegation.memberCityId)) throw forbidden('composeOtherCityDelegation');
      await this.delegations.removeMember(tx, member.id);
      return delegation;
    });
  }
}
