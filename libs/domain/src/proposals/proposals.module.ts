import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { TransitionsModule } from '../transitions';
import { ProposalRepository } from './proposal.repository';
import { ProposalService } from './proposal.service';
import { ReviewService } from './review.service';

@Module({
  imports: [AuditModule, TransitionsModule],
  providers: [ProposalService, ReviewService, ProposalRepository],
  exports: [ProposalService, ReviewService, ProposalRepository],
})
export class ProposalsModule {}
