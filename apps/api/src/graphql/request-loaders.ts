import { Injectable } from '@nestjs/common';
import {
  Actor,
  BallotLoaders,
  BallotService,
  FollowupLoaders,
  FollowupService,
  IdentityService,
  MeetingLoaders,
  MeetingService,
  PartnershipLoaders,
  PartnershipService,
  PeopleLoaders,
  ProposalLoaders,
  ProposalService,
} from '@majlis/domain';

/** One request's batched reads: every relation a query walks costs one statement per level, not per row. */
export interface RequestLoaders {
  people: PeopleLoaders;
  partnership: PartnershipLoaders;
  meetings: MeetingLoaders;
  proposals: ProposalLoaders;
  ballots: BallotLoaders;
  followup: FollowupLoaders;
}

@Injectable()
export class RequestLoadersFactory {
  constructor(
    private readonly identity: IdentityService,
    private readonly partnership: PartnershipService,
    private readonly meetings: MeetingService,
    private readonly proposals: ProposalService,
    private readonly ballots: BallotService,
    private readonly followup: FollowupService,
  ) {}

  /** `actor` is read when a batch runs, after the auth guard has resolved it. */
  create(actor: () => Actor): RequestLoaders {
    return {
      people: this.identity.loaders(),
      partnership: this.partnership.loaders(),
      meetings: this.meetings.loaders(),
      proposals: this.proposals.loaders(actor),
      ballots: this.ballots.loaders(),
      followup: this.followup.loaders(),
    };
  }
}
