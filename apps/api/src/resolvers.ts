import {
  ActionItemResolver,
  ImplementationPlanResolver,
  ProgressReportResolver,
  ProposalFollowupResolver,
} from './followup/followup.resolver';
import { AccountsResolver } from './accounts/accounts.resolver';
import { BoardSeatResolver } from './accounts/board-seat.resolver';
import { IdentityResolver } from './identity/identity.resolver';
import { AgendaItemResolver } from './meetings/agenda-item.resolver';
import { DelegationMemberResolver, DelegationResolver } from './meetings/delegation.resolver';
import { CalendarFeedResolver } from './meetings/calendar-feed.resolver';
import { MeetingResolver } from './meetings/meeting.resolver';
import { CoordinatingOfficeResolver, StakeholderResolver } from './partnership/coordinating-office.resolver';
import { MemberCityResolver } from './partnership/member-city.resolver';
import {
  ProposalHistoryEntryResolver,
  ProposalResolver,
  ProposalRevisionResolver,
  ProposalWorkingCopyResolver,
} from './proposals/proposal.resolver';
import { ReviewCommentResolver } from './proposals/review-comment.resolver';
import { LiveResolver } from './live/live.resolver';
import { NotificationResolver } from './notifications/notification.resolver';
import { InstanceResolver, DemoAccountResolver } from './instance/instance.resolver';
import { BallotResolver, BallotVoteResolver } from './voting/ballot.resolver';
import { WorkflowResolver } from './workflows/workflow.resolver';

/** Every resolver of the API: the app provides them, and the schema printer reads them. */
export const RESOLVERS = [
  IdentityResolver,
  AccountsResolver,
  BoardSeatResolver,
  MemberCityResolver,
  CoordinatingOfficeResolver,
  StakeholderResolver,
  MeetingResolver,
  CalendarFeedResolver,
  DelegationResolver,
  DelegationMemberResolver,
  AgendaItemResolver,
  ProposalResolver,
  ProposalRevisionResolver,
  ProposalWorkingCopyResolver,
  ProposalHistoryEntryResolver,
  ReviewCommentResolver,
  WorkflowResolver,
  BallotResolver,
  BallotVoteResolver,
  InstanceResolver,
  DemoAccountResolver,
  LiveResolver,
  NotificationResolver,
  ImplementationPlanResolver,
  ActionItemResolver,
  ProgressReportResolver,
  ProposalFollowupResolver,
];
