import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DueDateReminders } from './due-date-reminders';
import { FollowupService } from './followup.service';

@Module({
  imports: [AuditModule, WorkflowsModule],
  providers: [FollowupService, DueDateReminders],
  exports: [FollowupService, DueDateReminders],
})
export class FollowupModule {}
