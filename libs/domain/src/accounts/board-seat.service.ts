import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThanOrEqual } from 'typeorm';
import { badInput, parseDay } from '@majlis/language';
import { requireRow } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, Person, requireRole, Role } from '../identity';
import { BoardSeat, MemberCity } from '../partnership';

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

/** How often the system queue's job takes BOARD_MEMBER from holders whose terms have all ended. */
export const SEAT_TERMS_EVERY_MS = 60 * 60 * 1000;

/** Whether a person holds a term that has not ended before `day` (current, or yet to begin). */
export const holdsSeatOn = (manager: EntityManager, personId: string, day: string): Promise<boolean> =>
  manager.existsBy(BoardSeat, [
    { holderId: personId, endsOn: IsNull() },
    { holderId: personId, endsOn: MoreThanOrEqual(day) },
  ]);

/**
 * The board's seats as terms. Giving a seat ends the city's open term the day before the new one starts
 * and grants BOARD_MEMBER; a holder keeps the role while a term of theirs has not ended (a term is current
 * through its end day), and loses it the day after the last one ends: at once when that day is past, else
 * by `applyEndedTerms`, run hourly on the system queue. A ballot already open keeps the voters it
 * snapshotted when it opened.
 */
@Injectable()
export class BoardSeatService {
  private readonly logger = new Logger(BoardSeatService.name);

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
      if (!holder.active) throw badInput('input.personId', 'personInactive');
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
      if (open !== null && open.holderId !== holder.id)
        await this.dropRoleWithoutSeat(manager, actor.personId, open.holderId, today());
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
      await this.dropRoleWithoutSeat(manager, actor.personId, seat.holderId, today());
      return { ...seat, endsOn };
    });
  }

  /**
   * On `day`, takes BOARD_MEMBER from every holder whose terms all ended before it; returns their ids.
   * Someone who never held a seat (a board member invited before their seat is given) keeps the role.
   */
  async applyEndedTerms(day = today()): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT person.id FROM person
        WHERE 'BOARD_MEMBER' = ANY(person.roles)
          AND EXISTS (SELECT 1 FROM board_seat seat WHERE seat.holder_id = person.id)
          AND NOT EXISTS (SELECT 1 FROM board_seat seat
                           WHERE seat.holder_id = person.id AND (seat.ends_on IS NULL OR seat.ends_on >= $1::date))
        ORDER BY person.id`,
      [day],
    );
    const dropped: string[] = [];
    for (const { id } of rows)
      await this.dataSource.transaction(async (manager) => {
        // The person's row is the lock against a seat given meanwhile; the check is made again under it.
        await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (await this.dropRoleWithoutSeat(manager, null, id, day)) dropped.push(id);
      });
    if (dropped.length > 0) this.logger.log({ day, personIds: dropped }, 'board terms ended: BOARD_MEMBER taken');
    return dropped;
  }

  /** A holder with no term left on `day` (current or to come) is no longer a board member. */
  private async dropRoleWithoutSeat(
    manager: EntityManager,
    actorId: string | null,
    personId: string,
    day: string,
  ): Promise<boolean> {
    if (await holdsSeatOn(manager, personId, day)) return false;
    const person = await manager.findOneBy(Person, { id: personId });
    if (person === null || !person.roles.includes(Role.BOARD_MEMBER)) return false;
    const roles = person.roles.filter((role) => role !== Role.BOARD_MEMBER);
    await manager.update(Person, { id: personId }, { roles });
    await this.audit.append(manager, {
      entityType: 'person',
      entityId: personId,
      action: 'person.updated',
      actorId,
      payload: { roles: roles.join(','), reason: 'board seat ended' },
    });
    return true;
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
