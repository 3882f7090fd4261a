import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { BallotDeadlines } from './ballot-deadlines';
import { BallotService } from './ballot.service';

@Module({
  imports: [AuditModule, WorkflowsModule],
  providers: [BallotService, BallotDeadlines],
  exports: [BallotService, BallotDeadlines],
})
export class VotingModule {}
