import type { Type } from '@nestjs/common';
import { AuditModule } from './audit';
import { IdentityModule } from './identity';
import { AccountsModule } from './accounts';
import { PartnershipModule } from './partnership';
import { MeetingsModule } from './meetings';
import { ProposalsModule } from './proposals';
import { VotingModule } from './voting';
import { NotificationsModule } from './notifications';
import { FollowupModule } from './followup';

/**
 * Every feature module of the domain, for an application (the API) or a service spec (the domain
 * harness) that runs them all: a new feature is added here, once.
 */
export const DOMAIN_MODULES: readonly Type[] = [
  IdentityModule,
  AccountsModule,
  PartnershipModule,
  MeetingsModule,
  ProposalsModule,
  AuditModule,
  VotingModule,
  NotificationsModule,
  FollowupModule,
];
