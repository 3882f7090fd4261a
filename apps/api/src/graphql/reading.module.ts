import { Module } from '@nestjs/common';
import {
  FollowupModule,
  IdentityModule,
  MeetingsModule,
  PartnershipModule,
  ProposalsModule,
  VotingModule,
} from '@majlis/domain';
import { RequestLoadersFactory } from './request-loaders';

/** What the GraphQL context needs to give each request its own loaders. */
@Module({
  imports: [IdentityModule, PartnershipModule, MeetingsModule, ProposalsModule, VotingModule, FollowupModule],
  providers: [RequestLoadersFactory],
  exports: [RequestLoadersFactory],
})
export class ReadingModule {}
