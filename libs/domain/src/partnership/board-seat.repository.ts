import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThanOrEqual } from 'typeorm';
import { EntityRepository, type Transaction } from '@majlis/persistence';
import { BoardSeat } from './board-seat.entity';

/** The board's seats: each city's terms, the open one and the ended ones kept as history. */
@Injectable()
export class BoardSeatRepository extends EntityRepository<BoardSeat> {
  protected readonly entity = BoardSeat;
  protected readonly entityName = 'boardSeat' as const;

  /** The open terms (no end day) these people hold. */
  openSeatsOf(holderIds: readonly string[]): Promise<BoardSeat[]> {
    return this.db().findBy(BoardSeat, { holderId: In([...holderIds]), endsOn: IsNull() });
  }

  /** Every term, the latest start first. */
  all(): Promise<BoardSeat[]> {
    return this.db().find(BoardSeat, { order: { startsOn: 'DESC', id: 'ASC' } });
  }

  /** The city's term without an end day, if any. */
  openOf(tx: Transaction, memberCityId: string): Promise<BoardSeat | null> {
    return this.db(tx).findOneBy(BoardSeat, { memberCityId, endsOn: IsNull() });
  }

  async insert(
    tx: Transaction,
    seat: Omit<BoardSeat, 'id' | 'partnership' | 'memberCity' | 'holder'>,
  ): Promise<BoardSeat> {
    const manager = this.db(tx);
    const row = manager.create(BoardSeat, seat);
    await manager.insert(BoardSeat, row);
    return row;
  }

  async end(tx: Transaction, id: string, endsOn: string): Promise<void> {
    await this.db(tx).update(BoardSeat, { id }, { endsOn });
  }

  /** The open terms' chair is a chair no more: a new chair is being seated. */
  async unseatChair(tx: Transaction): Promise<void> {
    await this.db(tx).update(BoardSeat, { endsOn: IsNull(), isChair: true }, { isChair: false });
  }

  /** Whether a person holds a term that has not ended before `day` (current, or yet to begin). */
  holdsSeatOn(tx: Transaction, personId: string, day: string): Promise<boolean> {
    return this.db(tx).existsBy(BoardSeat, [
      { holderId: personId, endsOn: IsNull() },
      { holderId: personId, endsOn: MoreThanOrEqual(day) },
    ]);
  }

  /** The board members who held a seat and whose terms all ended before `day`, by id. */
  async holdersWithoutTermOn(day: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db().query(
      `SELECT person.id FROM person
        WHERE 'BOARD_MEMBER' = ANY(person.roles)
          AND EXISTS (SELECT 1 FROM board_seat seat WHERE seat.holder_id = person.id)
          AND NOT EXISTS (SELECT 1 FROM board_seat seat
                           WHERE seat.holder_id = person.id AND (seat.ends_on IS NULL OR seat.ends_on >= $1::date))
        ORDER BY person.id`,
      [day],
    );
    return rows.map((row) => row.id);
  }
}
