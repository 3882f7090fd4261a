import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { BallotService } from './ballot.service';

@Module({ imports: [AuditModule, WorkflowsModule], providers: [BallotService], exports: [BallotService] })
export class VotingModule {}
