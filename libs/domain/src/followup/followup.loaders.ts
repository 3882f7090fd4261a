import type DataLoader from 'dataloader';
import { groupLoader, recordLoader } from '@majlis/persistence';
import type { ActionItem } from './action-item.entity';
import type { ImplementationPlan } from './implementation-plan.entity';
import type { ImplementationPlanRepository } from './implementation-plan.repository';
import type { ProgressReport } from './progress-report.entity';

/**
 * Plans by proposal and a plan's items for one request: a plan's tree (and each item's children) comes
 * from the one read of all its items, so a decision's lineage costs a statement per level.
 */
export class FollowupLoaders {
  private readonly planByProposal: DataLoader<string, ImplementationPlan | null>;
  private readonly itemsByPlan: DataLoader<string, ActionItem[]>;
  private readonly reportsByItem: DataLoader<string, ProgressReport[]>;

  constructor(plans: ImplementationPlanRepository) {
    this.planByProposal = recordLoader(
      (proposalIds) => plans.ofProposals(proposalIds),
      (plan) => plan.proposalId,
    );
    this.itemsByPlan = groupLoader(
      (planIds) => plans.itemsOf(planIds),
      (item) => item.planId,
    );
    this.reportsByItem = groupLoader(
      (itemIds) => plans.reportsOf(itemIds),
      (report) => report.actionItemId,
    );
  }

  planOf(proposalId: string): Promise<ImplementationPlan | null> {
    return this.planByProposal.load(proposalId);
  }

  items(planId: string): Promise<ActionItem[]> {
    return this.itemsByPlan.load(planId);
  }

  /** An item's progress reports, newest first. */
  reportsOf(actionItemId: string): Promise<ProgressReport[]> {
    return this.reportsByItem.load(actionItemId);
  }

  /** The items directly under `parentId` (null: the plan's top level), in order. */
  async children(planId: string, parentId: string | null): Promise<ActionItem[]> {
    return (await this.items(planId)).filter((item) => item.parentId === parentId);
  }
}
