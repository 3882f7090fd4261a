// The followup feature's public file: other features and libs import it only through here.
export { ActionItemEvents } from './action-item-events';
export { ActionItem, ActionItemKind } from './action-item.entity';
export { DueDateReminders } from './due-date-reminders';
export { FollowupLoaders } from './followup.loaders';
export { FollowupModule } from './followup.module';
export { FollowupService, todayOf } from './followup.service';
export type { ActionItemInput, FollowupSummary, UpdateActionItemInput } from './followup.service';
export type { ActionItemFilter } from './implementation-plan.repository';
export { ImplementationPlan } from './implementation-plan.entity';
export { planItemsCsv } from './plan-csv';
export type { PlanCsvItem } from './plan-csv';
export { ProgressReport } from './progress-report.entity';
export { AT_RISK_BEHIND_POINTS, isOverdue, rolledUpProgress } from './roll-up';
export type { ItemFigures, TrackStatus } from './roll-up';
