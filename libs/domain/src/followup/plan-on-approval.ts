import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@majlis/persistence';
import { OutboxWriter, TOPICS } from '../outbox';
import { ImplementationPlanRepository } from './implementation-plan.repository';

/**
 * Opens the follow-up of an approved proposal: its implementation plan, linked to the ballot that
 * approved it and its result. It reacts to `proposal.approved` inside the approving transaction, so an
 * approval without its plan never commits; at most one plan per proposal.
 */
@Injectable()
export class PlanOnApproval implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly implementationPlans: ImplementationPlanRepository,
  ) {}

  onModuleInit(): void {
    this.outbox.react(TOPICS.proposalApproved, (tx, approved) => this.open(tx, approved.entityId));
  }

  open(tx: Transaction, proposalId: string): Promise<void> {
    return this.implementationPlans.openFor(tx, proposalId);
  }
}
