import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { TransitionsModule } from '../transitions/transitions.module';
import { ActionItemRepository } from './action-item.repository';
import { DueDateReminders } from './due-date-reminders';
import { FollowupService } from './followup.service';
import { PlanOnApproval } from './plan-on-approval';

@Module({
  imports: [AuditModule, OutboxModule, TransitionsModule],
  providers: [FollowupService, DueDateReminders, ActionItemRepository, PlanOnApproval],
  exports: [FollowupService, DueDateReminders],
})
export class FollowupModule {}
