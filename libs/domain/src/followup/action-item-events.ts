import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventSubjects, TOPICS } from '../outbox';
import { Proposal } from '../proposals';
import { ActionItem } from './action-item.entity';
import { ImplementationPlan } from './implementation-plan.entity';

/** Tells notifications what an action item's events are about: the item, its plan and its owner city. */
@Injectable()
export class ActionItemEvents implements OnModuleInit {
  constructor(private readonly subjects: EventSubjects) {}

  onModuleInit(): void {
    this.subjects.register(
      [TOPICS.actionItemAssigned, TOPICS.actionItemDueSoon, TOPICS.actionItemOverdue, TOPICS.actionItemEscalated],
      async (manager, { actionItemId }) => {
        const actionItem = await manager.findOneBy(ActionItem, { id: actionItemId });
        if (actionItem === null) return null;
        const plan = await manager.findOneByOrFail(ImplementationPlan, { id: actionItem.planId });
        const proposal = await manager.findOneByOrFail(Proposal, { id: plan.proposalId });
        return {
          entityType: 'actionItem',
          entityId: actionItem.id,
          proposal,
          ownerCityId: actionItem.ownerCityId,
          meeting: null,
          ballot: null,
          actionItem,
          plan,
        };
      },
    );
  }
}
