import type { EntityClass } from '@majlis/persistence';
import { AuditEntry } from './audit/audit-entry.entity';
import { ActionItem } from './followup/action-item.entity';
import { ImplementationPlan } from './followup/implementation-plan.entity';
import { ProgressReport } from './followup/progress-report.entity';
import { AccountLink } from './identity/account-link.entity';
import { Person } from './identity/person.entity';
import { RevokedSession } from './identity/revoked-session.entity';
import { SignInAttempt } from './identity/sign-in-attempt.entity';
import { AgendaItem } from './meetings/agenda-item.entity';
import { DelegationMember } from './meetings/delegation-member.entity';
import { Delegation } from './meetings/delegation.entity';
import { Meeting } from './meetings/meeting.entity';
import { NotificationDelivery } from './notifications/notification-delivery.entity';
import { NotificationPreference } from './notifications/notification-preference.entity';
import { Notification } from './notifications/notification.entity';
import { WebhookEndpoint } from './notifications/webhook-endpoint.entity';
import { BoardSeat } from './partnership/board-seat.entity';
import { CoordinatingOffice } from './partnership/coordinating-office.entity';
import { MemberCity } from './partnership/member-city.entity';
import { Partnership } from './partnership/partnership.entity';
import { Stakeholder } from './partnership/stakeholder.entity';
import { ProposalRevision } from './proposals/proposal-revision.entity';
import { Proposal } from './proposals/proposal.entity';
import { ReviewComment } from './proposals/review-comment.entity';
import { BallotVoter } from './voting/ballot-voter.entity';
import { Ballot } from './voting/ballot.entity';
import { ConflictDeclaration } from './voting/conflict-declaration.entity';
import { VoteReceipt } from './voting/vote-receipt.entity';
import { Vote } from './voting/vote.entity';
import { OutboxMessage } from './workflows/outbox-message.entity';
import { WorkflowTransition } from './workflows/workflow-transition.entity';

/** Every table of the domain, for TypeORM: persistence maps the classes it is handed, it finds none by itself. */
export const DOMAIN_ENTITIES: readonly EntityClass[] = [
  AuditEntry,
  ActionItem,
  ImplementationPlan,
  ProgressReport,
  AccountLink,
  Person,
  RevokedSession,
  SignInAttempt,
  AgendaItem,
  DelegationMember,
  Delegation,
  Meeting,
  NotificationDelivery,
  NotificationPreference,
  Notification,
  WebhookEndpoint,
  BoardSeat,
  CoordinatingOffice,
  MemberCity,
  Partnership,
  Stakeholder,
  ProposalRevision,
  Proposal,
  ReviewComment,
  BallotVoter,
  Ballot,
  ConflictDeclaration,
  VoteReceipt,
  Vote,
  OutboxMessage,
  WorkflowTransition,
];
