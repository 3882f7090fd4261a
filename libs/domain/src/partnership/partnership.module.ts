import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardSeat } from './board-seat.entity';
import { MemberCity } from './member-city.entity';
import { Partnership } from './partnership.entity';
import { PartnershipService } from './partnership.service';

@Module({
  imports: [TypeOrmModule.forFeature([Partnership, MemberCity, BoardSeat])],
  providers: [PartnershipService],
  exports: [PartnershipService],
})
export class PartnershipModule {}
