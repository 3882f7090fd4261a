import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badInput } from '../errors/domain-error';
import { Actor, requireRole } from '../identity/actor';
import { Person } from '../identity/person.entity';
import { Role } from '../identity/role';
import { parseDay } from '../language/strict-input';
import { BoardSeat } from '../partnership/board-seat.entity';
import { MemberCity } from '../partnership/member-city.entity';
import { requireRow } from '../reading/rows';

export interface AssignBoardSeatInput {
  memberCityId: string;
  personId: string;
  startsOn: string;
  isChair?: boolean | null;
}

/** The day before a YYYY-MM-DD day. */
export function dayBefore(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - 1);
  return at.toISOString().slice(0, 10);
}

/** Today in UTC, YYYY-MM-DD. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** A term is current on a day it has begun and not ended. */
export const isCurrentSeat = (seat: Pick<BoardSeat, 'startsOn' | 'endsOn'>, day = today()): boolean =>
  seat.startsOn <= day && (seat.endsOn === null || seat.endsOn >= day);

/**
 * The board's seats as terms. Giving a seat ends the city's open term the day before the new one starts
 * and grants BOARD_MEMBER; ending a term takes the role away from a holder left with no open term. A ballot
 * already open keeps the voters it snapshotted when it opened.
 */
@Injectable()
export class BoardSeatService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async boardSeats(actor: Actor, currentOnly: boolean): Promise<BoardSeat[]> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT, Role.BOARD_MEMBER], 'boardSeats');
    const seats = await this.dataSource.manager.find(BoardSeat, { order: { startsOn: 'DESC', id: 'ASC' } });
    return currentOnly ? seats.filter((seat) => isCurrentSeat(seat)) : seats;
  }

  async assign(actor: Actor, input: AssignBoardSeatInput): Promise<BoardSeat> {
    requireRole(actor, [Role.ADMIN], 'assignBoardSeat');
    const startsOn = parseDay('input.startsOn', input.startsOn);
    return this.dataSource.transaction(async (manager) => {
      // One change of a city's seat at a time: the city's row is the lock.
      const city = await requireRow(
        manager,
        MemberCity,
        input.memberCityId,
        'memberCity',
        'input.memberCityId',
        'pessimistic_write',
      );
      const holder = await requireRow(manager, Person, input.personId, 'person', 'input.personId', 'pessimistic_write');
      if (holder.memberCityId !== city.id) throw badInput('input.personId', 'personOtherCity');
      if (!holder.active) throw badInput('input.personId', 'oneOf', { allowed: 'active people' });
      const open = await manager.findOneBy(BoardSeat, { memberCityId: city.id, endsOn: IsNull() });
      if (open !== null) {
        if (startsOn <= open.startsOn)
          throw badInput('input.startsOn', 'seatStartsTooEarly', { startsOn: open.startsOn });
        await manager.update(BoardSeat, { id: open.id }, { endsOn: dayBefore(startsOn) });
        await this.record(manager, actor, open.id, 'boardSeat.ended', {
          endsOn: dayBefore(startsOn),
          holderId: open.holderId,
        });
      }
      if (input.isChair === true)
        await manager.update(BoardSeat, { endsOn: IsNull(), isChair: true }, { isChair: false });
      const seat = manager.create(BoardSeat, {
        partnershipId: city.partnershipId,
        memberCityId: city.id,
        holderId: holder.id,
        isChair: input.isChair ?? false,
        startsOn,
        endsOn: null,
      });
      await manager.insert(BoardSeat, seat);
      if (!holder.roles.includes(Role.BOARD_MEMBER))
        await manager.update(Person, { id: holder.id }, { roles: [...holder.roles, Role.BOARD_MEMBER] });
      if (open !== null && open.holderId !== holder.id) await this.dropRoleWithoutSeat(manager, actor, open.holderId);
      await this.record(manager, actor, seat.id, 'boardSeat.assigned', {
        memberCityId: city.id,
        holderId: holder.id,
        startsOn,
        isChair: seat.isChair,
      });
      return seat;
    });
  }

  async end(actor: Actor, id: string, endsOnInput: string): Promise<BoardSeat> {
    requireRole(actor, [Role.ADMIN], 'endBoardSeat');
    const endsOn = parseDay('endsOn', endsOnInput);
    return this.dataSource.transaction(async (manager) => {
      const seat = await requireRow(manager, BoardSeat, id, 'boardSeat', 'id', 'pessimistic_write');
      if (seat.endsOn !== null) throw badInput('id', 'seatEnded', { endsOn: seat.endsOn });
      if (endsOn < seat.startsOn) throw badInput('endsOn', 'seatEndBeforeStart', { startsOn: seat.startsOn });
      await manager.update(BoardSeat, { id: seat.id }, { endsOn });
      await this.record(manager, actor, seat.id, 'boardSeat.ended', { endsOn, holderId: seat.holderId });
      await this.dropRoleWithoutSeat(manager, actor, seat.holderId);
      return { ...seat, endsOn };
    });
  }

  /** A holder left with no open term is no longer a board member. */
  private async dropRoleWithoutSeat(manager: EntityManager, actor: Actor, personId: string): Promise<void> {
    if (await manager.existsBy(BoardSeat, { holderId: personId, endsOn: IsNull() })) return;
    const person = await manager.findOneBy(Person, { id: personId });
    if (person === null || !person.roles.includes(Role.BOARD_MEMBER)) return;
    const roles = person.roles.filter((role) => role !== Role.BOARD_MEMBER);
    await manager.update(Person, { id: personId }, { roles });
    await this.audit.append(manager, {
      entityType: 'person',
      entityId: personId,
      action: 'person.updated',
      actorId: actor.personId,
      payload: { roles: roles.join(','), reason: 'board seat ended' },
    });
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    seatId: string,
    action: string,
    payload: Record<string, string | boolean | null>,
  ): Promise<void> {
    await this.audit.append(manager, {
      entityType: 'boardSeat',
      entityId: seatId,
      action,
      actorId: actor.personId,
      payload,
    });
  }
}
