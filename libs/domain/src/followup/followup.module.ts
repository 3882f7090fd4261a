import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { OutboxModule } from '../outbox';
import { TransitionsModule } from '../transitions';
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
