import type DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupLoader, recordLoader } from '@majlis/persistence';
import { ActionItem } from './action-item.entity';
import { ImplementationPlan } from './implementation-plan.entity';
import { ProgressReport } from './progress-report.entity';

/**
 * Plans by proposal and a plan's items for one request: a plan's tree (and each item's children) comes
 * from the one read of all its items, so a decision's lineage costs a statement per level.
 */
export class FollowupLoaders {
  private readonly planByProposal: DataLoader<string, ImplementationPlan | null>;
  private readonly itemsByPlan: DataLoader<string, ActionItem[]>;
  private readonly reportsByItem: DataLoader<string, ProgressReport[]>;

  constructor(dataSource: DataSource) {
    this.planByProposal = recordLoader(
      (proposalIds) => dataSource.manager.findBy(ImplementationPlan, { proposalId: In([...proposalIds]) }),
      (plan) => plan.proposalId,
    );
    this.itemsByPlan = groupLoader(
      (planIds) =>
        dataSource.manager.find(ActionItem, {
          where: { planId: In([...planIds]) },
          order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
        }),
      (item) => item.planId,
    );
    this.reportsByItem = groupLoader(
      (itemIds) =>
        dataSource.manager.find(ProgressReport, {
          where: { actionItemId: In([...itemIds]) },
          order: { reportedAt: 'DESC', id: 'DESC' },
        }),
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
