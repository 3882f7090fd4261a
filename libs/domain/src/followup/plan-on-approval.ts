import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter, TOPICS } from '../outbox';
import { Proposal } from '../proposals';
import { Ballot } from '../voting';
import { ImplementationPlan } from './implementation-plan.entity';

/**
 * Opens the follow-up of an approved proposal: its implementation plan, linked to the ballot that
 * approved it and its result. It reacts to `proposal.approved` inside the approving transaction, so an
 * approval without its plan never commits; at most one plan per proposal.
 */
@Injectable()
export class PlanOnApproval implements OnModuleInit {
  constructor(private readonly outbox: OutboxWriter) {}

  onModuleInit(): void {
    this.outbox.react(TOPICS.proposalApproved, (manager, approved) => this.open(manager, approved.entityId));
  }

  async open(manager: EntityManager, proposalId: string): Promise<void> {
    const proposal = await manager.findOneByOrFail(Proposal, { id: proposalId });
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
}
