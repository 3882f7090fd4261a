import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { PeopleModule } from '../identity';
import { BoardSeatRepository } from './board-seat.repository';
import { BoardSeatService } from './board-seat.service';
import { MemberCityRepository } from './member-city.repository';

/** The board's seats on their own: the worker applies ended terms without the accounts' sign-in machinery. */
@Module({
  imports: [AuditModule, PeopleModule],
  providers: [BoardSeatService, BoardSeatRepository, MemberCityRepository],
  exports: [BoardSeatService, BoardSeatRepository, MemberCityRepository],
})
export class BoardSeatsModule {}
