import type { EntityManager } from 'typeorm';
import type { Proposal } from '../proposals/proposal.entity';
import { Ballot } from '../voting/ballot.entity';
import { ImplementationPlan } from './implementation-plan.entity';

/**
 * Opens the follow-up of an approved proposal: its implementation plan, linked to the ballot that
 * approved it and its result. Runs in the approving transition's transaction; at most one per proposal.
 */
export async function createPlanForApproval(manager: EntityManager, proposal: Proposal): Promise<void> {
  const [ballot] = await manager.find(Ballot, {
    where: { proposalId: proposal.id, state: 'closed' },
    order: { closedAt: 'DESC' },
    take: 1,
  });
  await manager
    .createQueryBuilder()
    .insert()
    .into(ImplementationPlan)
    .values({
      proposalId: proposal.id,
      ballotId: ballot?.id ?? null,
      result: ballot?.result ?? null,
      title: proposal.title,
    })
    .orIgnore()
    .execute();
}
