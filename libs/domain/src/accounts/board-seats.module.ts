import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { PeopleModule } from '../identity';
import { PartnershipModule } from '../partnership';
import { BoardSeatService } from './board-seat.service';

/** The board's seats on their own: the worker applies ended terms without the accounts' sign-in machinery. */
@Module({
  imports: [AuditModule, PeopleModule, PartnershipModule],
  providers: [BoardSeatService],
  exports: [BoardSeatService],
})
export class BoardSeatsModule {}
