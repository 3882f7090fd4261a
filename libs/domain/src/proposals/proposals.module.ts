import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MeetingsModule } from '../meetings';
import { TransitionsModule } from '../transitions';
import { ProposalRepository } from './proposal.repository';
import { ProposalService } from './proposal.service';
import { ReviewCommentRepository } from './review-comment.repository';
import { ReviewService } from './review.service';

@Module({
  imports: [AuditModule, MeetingsModule, TransitionsModule],
  providers: [ProposalService, ReviewService, ProposalRepository, ReviewCommentRepository],
  exports: [ProposalService, ReviewService, ProposalRepository],
})
export class ProposalsModule {}
