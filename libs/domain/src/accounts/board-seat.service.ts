import { Injectable, Logger } from '@nestjs/common';
import { badInput, parseDay } from '@majlis/language';
import { type Transaction, UnitOfWork } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, PersonRepository, requireRole, Role } from '../identity';
import { type BoardSeat, BoardSeatRepository, MemberCityRepository } from '../partnership';

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
    private readonly unitOfWork: UnitOfWork,
    private readonly seats: BoardSeatRepository,
    private readonly cities: MemberCityRepository,
    private readonly people: PersonRepository,
    private readonly audit: AuditService,
  ) {}

  async boardSeats(actor: Actor, currentOnly: boolean): Promise<BoardSeat[]> {
    requireRole(actor, [Role.ADMIN, Role.SECRETARIAT, Role.BOARD_MEMBER], 'boardSeats');
    const seats = await this.seats.all();
    return currentOnly ? seats.filter((seat) => isCurrentSeat(seat)) : seats;
  }

  async assign(actor: Actor, input: AssignBoardSeatInput): Promise<BoardSeat> {
    requireRole(actor, [Role.ADMIN], 'assignBoardSeat');
    const startsOn = parseDay('input.startsOn', input.startsOn);
    return this.unitOfWork.run(async (tx) => {
      // One change of a city's seat at a time: the city's row is the lock.
      const city = await this.cities.require(input.memberCityId, 'input.memberCityId', tx, 'pessimistic_write');
      const holder = await this.people.require(input.personId, 'input.personId', tx, 'pessimistic_write');
      if (holder.memberCityId !== city.id) throw badInput('input.personId', 'personOtherCity');
      if (!holder.active) throw badInput('input.personId', 'personInactive');
      const open = await this.seats.openOf(tx, city.id);
      if (open !== null) {
        if (startsOn <= open.startsOn)
          throw badInput('input.startsOn', 'seatStartsTooEarly', { startsOn: open.startsOn });
        await this.seats.end(tx, open.id, dayBefore(startsOn));
        await this.record(tx, actor, open.id, 'boardSeat.ended', {
          endsOn: dayBefore(startsOn),
          holderId: open.holderId,
        });
      }
      if (input.isChair === true) await this.seats.unseatChair(tx);
      const seat = await this.seats.insert(tx, {
        partnershipId: city.partnershipId,
        memberCityId: city.id,
        holderId: holder.id,
        isChair: input.isChair ?? false,
        startsOn,
        endsOn: null,
      });
      if (!holder.roles.includes(Role.BOARD_MEMBER))
        await this.people.update(holder.id, { roles: [...holder.roles, Role.BOARD_MEMBER] }, tx);
      if (open !== null && open.holderId !== holder.id)
        await this.dropRoleWithoutSeat(tx, actor.personId, open.holderId, today());
      await this.record(tx, actor, seat.id, 'boardSeat.assigned', {
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
    return this.unitOfWork.run(async (tx) => {
      const seat = await this.seats.require(id, 'id', tx, 'pessimistic_write');
      if (seat.endsOn !== null) throw badInput('id', 'seatEnded', { endsOn: seat.endsOn });
      if (endsOn < seat.startsOn) throw badInput('endsOn', 'seatEndBeforeStart', { startsOn: seat.startsOn });
      await this.seats.end(tx, seat.id, endsOn);
      await this.record(tx, actor, seat.id, 'boardSeat.ended', { endsOn, holderId: seat.holderId });
      await this.dropRoleWithoutSeat(tx, actor.personId, seat.holderId, today());
      return { ...seat, endsOn };
    });
  }

  /**
   * On `day`, takes BOARD_MEMBER from every holder whose terms all ended before it; returns their ids.
   * Someone who never held a seat (a board member invited before their seat is given) keeps the role.
   */
  async applyEndedTerms(day = today()): Promise<string[]> {
    const holders = await this.seats.holdersWithoutTermOn(day);
    const dropped: string[] = [];
    for (const id of holders)
      await this.unitOfWork.run(async (tx) => {
        // The person's row is the lock against a seat given meanwhile; the check is made again under it.
        await this.people.lock(tx, id);
        if (await this.dropRoleWithoutSeat(tx, null, id, day)) dropped.push(id);
      });
    if (dropped.length > 0) this.logger.log({ day, personIds: dropped }, 'board terms ended: BOARD_MEMBER taken');
    return dropped;
  }

  /** A holder with no term left on `day` (current or to come) is no longer a board member. */
  private async dropRoleWithoutSeat(
    tx: Transaction,
    actorId: string | null,
    personId: string,
    day: string,
  ): Promise<boolean> {
    if (await this.seats.holdsSeatOn(tx, personId, day)) return false;
    const person = await this.people.findById(personId, tx);
    if (person === null || !person.roles.includes(Role.BOARD_MEMBER)) return false;
    const roles = person.roles.filter((role) => role !== Role.BOARD_MEMBER);
    await this.people.update(personId, { roles }, tx);
    await this.audit.append(tx, {
      entityType: 'person',
      entityId: personId,
      action: 'person.updated',
      actorId,
      payload: { roles: roles.join(','), reason: 'board seat ended' },
    });
    return true;
  }

  private async record(
    tx: Transaction,
    actor: Actor,
    seatId: string,
    action: string,
    payload: Record<string, string | boolean | null>,
  ): Promise<void> {
    await this.audit.append(tx, {
      entityType: 'boardSeat',
      entityId: seatId,
      action,
      actorId: actor.personId,
      payload,
    });
  }
}
