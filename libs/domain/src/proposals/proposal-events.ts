import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PROPOSAL_STATES } from '@majlis/workflow';
import { Meeting } from '../meetings';
import { EventSubject, EventSubjects, transitionTopic } from '../outbox';
import { Proposal } from './proposal.entity';

/** An event about a proposal concerns the proposal, its city and the meeting it is on; null when it is gone. */
export async function proposalSubject(manager: EntityManager, proposalId: string): Promise<EventSubject | null> {
  const proposal = await manager.findOneBy(Proposal, { id: proposalId });
  if (proposal === null) return null;
  const meeting = proposal.meetingId === null ? null : await manager.findOneBy(Meeting, { id: proposal.meetingId });
  return {
    entityType: 'proposal',
    entityId: proposal.id,
    proposal,
    ownerCityId: proposal.ownerCityId,
    meeting,
    ballot: null,
    actionItem: null,
    plan: null,
  };
}

/** Tells notifications what a proposal's transition events are about. */
@Injectable()
export class ProposalEvents implements OnModuleInit {
  constructor(private readonly subjects: EventSubjects) {}

  onModuleInit(): void {
    this.subjects.register(
      PROPOSAL_STATES.map((state) => transitionTopic('proposal', state)),
      (manager, { entityId }) => proposalSubject(manager, entityId),
    );
  }
}
