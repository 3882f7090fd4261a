export { AuditEntry } from './audit/audit-entry.entity';
export { auditHash, canonicalJson, GENESIS_HASH } from './audit/audit-hash';
export { AuditModule } from './audit/audit.module';
export { AuditService } from './audit/audit.service';
export type { AuditRecord, ChainCheck } from './audit/audit.service';
export { DemoModule } from './demo/demo.module';
export { DEMO_ACCOUNTS, DEMO_CITIES, DEMO_PARTNERSHIP } from './demo/demo-partnership';
export { DemoSeeder } from './demo/demo.seeder';
export type { DemoSeedResult } from './demo/demo.seeder';
export { DemoService } from './demo/demo.service';
export type { DemoDescription } from './demo/demo.service';
export { InstanceService } from './demo/instance.service';
export type { InstanceDescription } from './demo/instance.service';
export { ACTIONS, EVENT_WORDS, isActionName } from './errors/actions';
export type { ActionName } from './errors/actions';
export { badInput, DomainError, forbidden, notFound, unauthenticated } from './errors/domain-error';
export type { ErrorCode } from './errors/domain-error';
export { ENTITY_NAMES, errorMessage } from './errors/error-messages';
export type { EntityName, ErrorMessageKey } from './errors/error-messages';
export type { Actor } from './identity/actor';
export { hasAnyRole, requireRole } from './identity/actor';
export { IdentityModule } from './identity/identity.module';
export { IdentityService } from './identity/identity.service';
export { PeopleLoaders } from './identity/people.loaders';
export type { PersonRelation } from './identity/people.loaders';
export type { ProfileChange, Session } from './identity/identity.service';
export { PasswordHasher } from './identity/password-hasher';
export { DIGITS, digitsOf, Person } from './identity/person.entity';
export type { Digits } from './identity/person.entity';
export { ALL_ROLES, Role } from './identity/role';
export { JobProcessorsModule } from './job-processors.module';
export { LOCALES, localeFromAcceptLanguage, resolveText } from './language/localized-text';
export { LiveUpdates } from './live/live-updates';
export type { LiveTopic, LiveTopics } from './live/live-updates';
export { LiveModule } from './live/live.module';
export type { LocalizedText, ResolvedText } from './language/localized-text';
export { foldForSearch, searchableText } from './language/search-fold';
export { optionalText, requiredText, TEXT_LIMITS } from './language/text-input';
export { checkedString, parseDay, parseInstant } from './language/strict-input';
export type { LocalizedTextInput, TextKind } from './language/text-input';
export { AgendaItem, AgendaItemKind, AgendaPresenter } from './meetings/agenda-item.entity';
export { AgendaTree } from './meetings/agenda-tree';
export { AgendaService, MAX_AGENDA_ITEMS } from './meetings/agenda.service';
export type { AddAgendaItemInput, AgendaItemInput } from './meetings/agenda.service';
export { DelegationMember } from './meetings/delegation-member.entity';
export { Delegation } from './meetings/delegation.entity';
export { DelegationService } from './meetings/delegation.service';
export type { AddDelegationMemberInput } from './meetings/delegation.service';
export { Meeting, MeetingKind } from './meetings/meeting.entity';
export { MeetingLoaders } from './meetings/meeting.loaders';
export type { MeetingFilter } from './meetings/meeting.repository';
export { MeetingService } from './meetings/meeting.service';
export type { CreateMeetingInput, UpdateMeetingInput } from './meetings/meeting.service';
export { MeetingsModule } from './meetings/meetings.module';
export { DOMAIN_ENTITIES } from './domain-entities';
export { HeartbeatService } from './operations/heartbeat.service';
export { JOB_ENTITIES, OperationsModule } from './operations/operations.module';
export { BoardSeat } from './partnership/board-seat.entity';
export { CoordinatingOffice } from './partnership/coordinating-office.entity';
export { PartnershipLoaders } from './partnership/partnership.loaders';
export { Stakeholder, StakeholderKind } from './partnership/stakeholder.entity';
export { MemberCity } from './partnership/member-city.entity';
export { Partnership } from './partnership/partnership.entity';
export { PartnershipModule } from './partnership/partnership.module';
export { PartnershipService } from './partnership/partnership.service';
export type { AddStakeholderInput } from './partnership/partnership.service';
export { canSeeReview } from './proposals/proposal-access';
export { ProposalRevision } from './proposals/proposal-revision.entity';
export { Proposal, ProposalCategory } from './proposals/proposal.entity';
export { ProposalLoaders } from './proposals/proposal.loaders';
export type { ProposalFilter } from './proposals/proposal.repository';
export { ProposalService } from './proposals/proposal.service';
export type {
  CreateProposalInput,
  FieldDiff,
  RevisionDiff,
  RevisionField,
  SaveProposalDraftInput,
} from './proposals/proposal.service';
export { ProposalsModule } from './proposals/proposals.module';
export { ReviewComment } from './proposals/review-comment.entity';
export { ReviewService } from './proposals/review.service';
export type { AddReviewCommentInput } from './proposals/review.service';
export type { DiffKind, DiffSegment } from './proposals/word-diff';
export { boundedWordDiff, DEFAULT_DIFF_STEPS, wordDiff } from './proposals/word-diff';
export type { Page, PageRequest } from './reading/page';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './reading/page';
export { OutboxMessage } from './outbox/outbox-message.entity';
export type { OutboxPayload } from './outbox/outbox-message.entity';
export { OutboxModule } from './outbox/outbox.module';
export { OutboxWriter } from './outbox/outbox.writer';
export type { EventReaction } from './outbox/outbox.writer';
export { CommittedEvents } from './outbox/committed-events';
export type { CommittedEventHandler } from './outbox/committed-events';
export { EventAudiences, EventSubjects } from './outbox/event-subjects';
export type { Audience as EventAudience, AudienceQuery, EventSubject, SubjectFinder } from './outbox/event-subjects';
export { ALL_TOPICS, isTopic, TOPICS, transitionTopic } from './outbox/event.contract';
export type {
  EventContract,
  EventPayload,
  EventValue,
  StoredPayload,
  Topic,
  TopicState,
  TransitionExtras,
  TransitionPayload,
  TransitionTopic,
} from './outbox/event.contract';
export type { TransitionRequest } from './proposals/proposal.service';
export { WorkflowTransition } from './transitions/workflow-transition.entity';
export { TransitionRecorder } from './transitions/transition-recorder';
export { TransitionsModule } from './transitions/transitions.module';
export { BallotVoter } from './voting/ballot-voter.entity';
export { Ballot } from './voting/ballot.entity';
export { BallotLoaders } from './voting/ballot.loaders';
export type { Participation } from './voting/ballot.loaders';
export { BallotService } from './voting/ballot.service';
export type { BallotFilter, BallotRulesInput, BallotView, VoteAnswer } from './voting/ballot.service';
export { ConflictDeclaration } from './voting/conflict-declaration.entity';
export { VoteReceipt } from './voting/vote-receipt.entity';
export { Vote } from './voting/vote.entity';
export { VotingModule } from './voting/voting.module';
export { BallotDeadlines } from './voting/ballot-deadlines';
export { ballotCloseJobId, ballotReminderJobId, CLOSING_SOON_MS } from './voting/ballot-deadlines';
export { DeliveryService } from './notifications/delivery.service';
export { DigestService, localDate } from './notifications/digest.service';
export { EventDispatcher } from './notifications/event-dispatcher';
export { MailSender } from './notifications/mail-sender';
export {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  NotificationDelivery,
} from './notifications/notification-delivery.entity';
export type { DeliveryChannel, DeliveryStatus } from './notifications/notification-delivery.entity';
export { NOTIFICATION_MODES, NotificationPreference } from './notifications/notification-preference.entity';
export type { NotificationMode } from './notifications/notification-preference.entity';
export { NOTIFICATION_RULES, NOTIFIED_TOPICS } from './notifications/notification-rules';
export type { Audience, NotifiedTopic } from './notifications/notification-rules';
export { Notification } from './notifications/notification.entity';
export { NotificationService } from './notifications/notification.service';
export type { NotificationSettings, PreferenceInput, WebhookEndpointInput } from './notifications/notification.service';
export { NotificationsModule } from './notifications/notifications.module';
export { OutboxRelay } from './notifications/outbox-relay';
export { WebhookEndpoint } from './notifications/webhook-endpoint.entity';
export { signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from './notifications/webhook-signature';
export { ActionItem, ActionItemKind } from './followup/action-item.entity';
export { DueDateReminders } from './followup/due-date-reminders';
export { FollowupLoaders } from './followup/followup.loaders';
export { FollowupModule } from './followup/followup.module';
export { FollowupService, todayOf } from './followup/followup.service';
export type {
  ActionItemFilter,
  ActionItemInput,
  FollowupSummary,
  UpdateActionItemInput,
} from './followup/followup.service';
export { ImplementationPlan } from './followup/implementation-plan.entity';
export { ProgressReport } from './followup/progress-report.entity';
export { planItemsCsv } from './followup/plan-csv';
export type { PlanCsvItem } from './followup/plan-csv';
export { AT_RISK_BEHIND_POINTS, isOverdue } from './followup/roll-up';
export type { TrackStatus } from './followup/roll-up';
export { AccountsModule } from './accounts/accounts.module';
export { AccountsService } from './accounts/accounts.service';
export type {
  InvitePersonInput,
  PasswordLinkView,
  PersonFilter,
  SetupInput,
  UpdatePersonInput,
} from './accounts/accounts.service';
export { BoardSeatService, isCurrentSeat } from './accounts/board-seat.service';
export type { AssignBoardSeatInput } from './accounts/board-seat.service';
export { createAdministrator, setupLinkIfEmpty } from './accounts/first-administrator';
export type { NewAdministrator } from './accounts/first-administrator';
export { AccountLink } from './identity/account-link.entity';
export type { MemberCityInput, UpdateMemberCityInput } from './partnership/partnership.service';
