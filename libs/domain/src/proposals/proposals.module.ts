import { Module } from '@nestjs/common';
import { ProposalRepository } from './proposal.repository';
import { ProposalService } from './proposal.service';
import { ReviewService } from './review.service';

@Module({
  providers: [ProposalService, ReviewService, ProposalRepository],
  exports: [ProposalService, ReviewService],
})
export class ProposalsModule {}
