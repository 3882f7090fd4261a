import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { TransitionsModule } from '../transitions/transitions.module';
import { BallotDeadlines } from './ballot-deadlines';
import { BallotRepository } from './ballot.repository';
import { BallotService } from './ballot.service';

@Module({
  imports: [AuditModule, OutboxModule, TransitionsModule, ProposalsModule],
  providers: [BallotService, BallotDeadlines, BallotRepository],
  exports: [BallotService, BallotDeadlines],
})
export class VotingModule {}
