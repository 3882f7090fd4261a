import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { BoardSeat } from './board-seat.entity';
import { BoardSeatRepository } from './board-seat.repository';
import { CoordinatingOffice } from './coordinating-office.entity';
import { MemberCity } from './member-city.entity';
import { MemberCityRepository } from './member-city.repository';
import { Partnership } from './partnership.entity';
import { PartnershipRepository } from './partnership.repository';
import { PartnershipService } from './partnership.service';
import { Stakeholder } from './stakeholder.entity';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([Partnership, MemberCity, BoardSeat, CoordinatingOffice, Stakeholder]),
  ],
  providers: [PartnershipService, PartnershipRepository, MemberCityRepository, BoardSeatRepository],
  exports: [PartnershipService, PartnershipRepository, MemberCityRepository, BoardSeatRepository],
})
export class PartnershipModule {}
