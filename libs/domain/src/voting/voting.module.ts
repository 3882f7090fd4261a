import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MeetingsModule } from '../meetings';
import { OutboxModule } from '../outbox';
import { ProposalsModule } from '../proposals';
import { TransitionsModule } from '../transitions';
import { BallotDeadlines } from './ballot-deadlines';
import { BallotRepository } from './ballot.repository';
import { BallotService } from './ballot.service';

@Module({
  imports: [AuditModule, OutboxModule, TransitionsModule, ProposalsModule, MeetingsModule],
  providers: [BallotService, BallotDeadlines, BallotRepository],
  exports: [BallotService, BallotDeadlines],
})
export class VotingModule {}
