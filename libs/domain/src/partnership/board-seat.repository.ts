import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { EntityRepository } from '@majlis/persistence';
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
}
