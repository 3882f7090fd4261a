import { Module } from '@nestjs/common';
import { TransitionsModule } from '../transitions';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedService } from './calendar-feed.service';
import { DelegationRepository } from './delegation.repository';
import { DelegationService } from './delegation.service';
import { MeetingRepository } from './meeting.repository';
import { MeetingService } from './meeting.service';

@Module({
  imports: [TransitionsModule],
  providers: [
    MeetingService,
    CalendarFeedService,
    AgendaService,
    DelegationService,
    MeetingRepository,
    AgendaRepository,
    DelegationRepository,
    CalendarFeedRepository,
  ],
  exports: [MeetingService, CalendarFeedService, AgendaService, DelegationService, MeetingRepository, AgendaRepository],
})
export class MeetingsModule {}
