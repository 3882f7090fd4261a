import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { OutboxModule } from '../outbox';
import { TransitionsModule } from '../transitions';
import { DueDateReminders } from './due-date-reminders';
import { FollowupService } from './followup.service';
import { ImplementationPlanRepository } from './implementation-plan.repository';
import { PlanOnApproval } from './plan-on-approval';

@Module({
  imports: [AuditModule, OutboxModule, TransitionsModule],
  providers: [FollowupService, DueDateReminders, ImplementationPlanRepository, PlanOnApproval],
  exports: [FollowupService, DueDateReminders],
})
export class FollowupModule {}
