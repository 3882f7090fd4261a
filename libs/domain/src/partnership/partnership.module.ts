import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { BoardSeat } from './board-seat.entity';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { Partnership } from './partnership.entity';
import { PartnershipService } from './partnership.service';
import { Stakeholder } from './stakeholder.entity';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([Partnership, MemberCity, BoardSeat, CoordinatingOffice, Stakeholder]),
  ],
  providers: [PartnershipService],
  exports: [PartnershipService],
})
export class PartnershipModule {}
