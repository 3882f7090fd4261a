import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityName } from '@majlis/language';
import { EntityRepository, requireRow, type Transaction } from '@majlis/persistence';
import { Person } from '../identity';
import { MemberCity } from '../partnership';
import { DelegationMember } from './delegation-member.entity';
import { Delegation } from './delegation.entity';

/** Member cities' delegations to meetings, with their members (one head at most). */
@Injectable()
export class DelegationRepository extends EntityRepository<Delegation> {
  protected readonly entity = Delegation;
  protected readonly entityName: EntityName = 'delegation';

  /** The city's delegation to the meeting, made now if it had none (two at once make one). */
  async ensure(tx: Transaction, meetingId: string, memberCityId: string): Promise<Delegation> {
    const manager = this.db(tx);
    await manager
      .createQueryBuilder()
      .insert()
      .into(Delegation)
      .values({ meetingId, memberCityId })
      .orIgnore()
      .execute();
    return manager.findOneByOrFail(Delegation, { meetingId, memberCityId });
  }

  hasHead(tx: Transaction, delegationId: string): Promise<boolean> {
    return this.db(tx).existsBy(DelegationMember, { delegationId, isHead: true });
  }

  addMember(tx: Transaction, fields: Partial<DelegationMember>): Promise<DelegationMember> {
    const manager = this.db(tx);
    return manager.save(manager.create(DelegationMember, fields));
  }

  /** The member with this id; NOT_FOUND when there is none. */
  requireMember(tx: Transaction, id: string): Promise<DelegationMember> {
    return requireRow(this.db(tx), DelegationMember, id, 'delegationMember');
  }

  async removeMember(tx: Transaction, id: string): Promise<void> {
    await this.db(tx).delete(DelegationMember, { id });
  }

  /** The city a delegation comes from; NOT_FOUND naming `field` when there is none. */
  requireCity(tx: Transaction, id: string, field: string): Promise<MemberCity> {
    return requireRow(this.db(tx), MemberCity, id, 'memberCity', field);
  }

  /** The account a member is to be linked to; NOT_FOUND naming `field` when there is none. */
  requirePerson(tx: Transaction, id: string, field: string): Promise<Person> {
    return requireRow(this.db(tx), Person, id, 'person', field);
  }

  /** The delegations to these meetings, oldest first (a request's batch). */
  toMeetings(meetingIds: readonly string[]): Promise<Delegation[]> {
    return this.db().find(Delegation, {
      where: { meetingId: In([...meetingIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  byIds(ids: readonly string[]): Promise<Delegation[]> {
    return this.db().findBy(Delegation, { id: In([...ids]) });
  }

  /** The members of these delegations, each delegation's head first, then in the order they were added. */
  membersOf(delegationIds: readonly string[]): Promise<DelegationMember[]> {
    return this.db().find(DelegationMember, {
      where: { delegationId: In([...delegationIds]) },
      order: { isHead: 'DESC', createdAt: 'ASC', id: 'ASC' },
    });
  }
}
