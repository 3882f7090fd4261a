import type { EntityClass } from '@majlis/persistence';
import { AuditEntry } from './audit';
import { OutboxMessage } from './outbox';
import { WorkflowTransition } from './transitions';
import { AccountLink, Person, RevokedSession, SignInAttempt } from './identity';
import { BoardSeat, CoordinatingOffice, MemberCity, Partnership, Stakeholder } from './partnership';
import { AgendaItem, CalendarFeed, Delegation, DelegationMember, Meeting } from './meetings';
import { Proposal, ProposalRevision, ProposalWorkingCopy, ReviewComment } from './proposals';
import { Ballot, BallotVoter, ConflictDeclaration, Vote, VoteReceipt } from './voting';
import { ActionItem, ImplementationPlan, ProgressReport } from './followup';
import { Notification, NotificationDelivery, NotificationPreference, WebhookEndpoint } from './notifications';

/** Every table of the domain, for TypeORM: persistence maps the classes it is handed, it finds none by itself. */
export const DOMAIN_ENTITIES: readonly EntityClass[] = [
  AuditEntry,
  OutboxMessage,
  WorkflowTransition,
  AccountLink,
  Person,
  RevokedSession,
  SignInAttempt,
  BoardSeat,
  CoordinatingOffice,
  MemberCity,
  Partnership,
  Stakeholder,
  AgendaItem,
  CalendarFeed,
  Delegation,
  DelegationMember,
  Meeting,
  Proposal,
  ProposalRevision,
  ProposalWorkingCopy,
  ReviewComment,
  Ballot,
  BallotVoter,
  ConflictDeclaration,
  Vote,
  VoteReceipt,
  ActionItem,
  ImplementationPlan,
  ProgressReport,
  Notification,
  NotificationDelivery,
  NotificationPreference,
  WebhookEndpoint,
];
