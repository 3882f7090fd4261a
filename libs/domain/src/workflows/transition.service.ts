import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  ACTOR_ROLES,
  eventsActorMaySend,
  isWorkflowEventType,
  maySend,
  nextState,
  workflowEventTypes,
  type ActorRole,
  type ActionItemEvent,
  type MeetingEvent,
  type MeetingEventType,
  type PolicyActor,
  type ProposalEvent,
  type ProposalEventType,
  type WorkflowKind,
} from '@majlis/workflow';
import { AuditService } from '../audit/audit.service';
import { createPlanForApproval } from '../followup/plan-on-approval';
import { plainText } from '../language/text-input';
import { LiveUpdates } from '../live/live-updates';
import { badInput, DomainError, forbidden, notFound } from '../errors/domain-error';
import type { Actor } from '../identity/actor';
import { AgendaItem } from '../meetings/agenda-item.entity';
import { Meeting } from '../meetings/meeting.entity';
import { canSeeProposal } from '../proposals/proposal-access';
import { ProposalRevision } from '../proposals/proposal-revision.entity';
import { Proposal } from '../proposals/proposal.entity';
import { requireRow, rowById, updatedRows } from '../reading/rows';
import { OutboxMessage } from './outbox-message.entity';
import { WorkflowTransition } from './workflow-transition.entity';

export interface TransitionRequest {
  event: string;
  /** The version the caller saw; a step over a newer one is refused. */
  expectedVersion: number;
  comment?: string | null;
}

const MAX_COMMENT_LENGTH = 10_000;

const policyActor = (actor: Actor, ownsEntity: boolean): PolicyActor => ({
  roles: ACTOR_ROLES.filter((role: ActorRole) => (actor.roles as readonly string[]).includes(role)),
  ownsEntity,
  isHeadOfDelegation: actor.isHeadOfDelegation,
});

/**
 * Proposal events that belong to another use case: scheduling adds the agenda item, opening the vote opens
 * the ballot, and a vote under way ends only by its ballot's close (whose result may defer it).
 */
const OWN_OPERATIONS: Partial<Record<ProposalEventType, string>> = {
  SCHEDULE: 'scheduleProposal',
  OPEN_VOTE: 'openBallot',
  DEFER: 'closeBallot',
};

const ownsProposal = (actor: Actor, proposal: Proposal): boolean =>
  actor.memberCityId !== null && actor.memberCityId === proposal.ownerCityId;

interface Step {
  kind: WorkflowKind;
  table: 'proposal' | 'meeting' | 'action_item';
  id: string;
  from: string;
  to: string;
  event: string;
  expectedVersion: number;
  comment: string | null;
}

/**
 * Moves proposals and meetings through their workflows: the policy decides who may send an event, the
 * pure machine decides where it leads, and one transaction stores the new state (only if nobody moved
 * it meanwhile), the transition, the audit entry and the outbox message.
 */
@Injectable()
export class TransitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly live: LiveUpdates,
  ) {}

  async transitionProposal(actor: Actor, id: string, request: TransitionRequest): Promise<Proposal> {
    const proposal = await rowById(this.dataSource.manager, Proposal, id);
    if (proposal === null || !canSeeProposal(actor, proposal)) throw notFound('proposal', id);
    const type = this.eventType('proposal', request.event);
    // These steps do more than move the state (an agenda item, a ballot): only their own operation takes them.
    const operation = OWN_OPERATIONS[type];
    if (operation !== undefined)
      throw new DomainError('INVALID_TRANSITION', 'eventHasOwnOperation', { event: type, operation });
    const comment = this.comment(request.comment);
    const event = (type === 'REQUEST_CHANGES' ? { type, comment: comment ?? '' } : { type }) as ProposalEvent;
    const moved = await this.dataSource.transaction((manager) =>
      this.stepProposal(manager, proposal, event, actor, { expectedVersion: request.expectedVersion, comment }),
    );
    await this.live.publish('proposalUpdated', { id: moved.id });
    return moved;
  }

  async transitionMeeting(actor: Actor, id: string, request: TransitionRequest): Promise<Meeting> {
    const meeting = await requireRow(this.dataSource.manager, Meeting, id, 'meeting');
    const type = this.eventType('meeting', request.event);
    if (!maySend('meeting', type, policyActor(actor, false)))
      throw forbidden('transitionMeeting', { kind: 'meeting', type });
    const comment = this.comment(request.comment);
    const agendaItemCount = await this.dataSource.manager.countBy(AgendaItem, { meetingId: meeting.id });
    const step = nextState('meeting', meeting.state, { type } as MeetingEvent, { agendaItemCount });
    if (!step.ok) {
      if (step.guard === 'hasAgendaItems') throw new DomainError('INVALID_TRANSITION', 'emptyAgenda');
      throw this.invalid('meeting', meeting.state, type, step.allowedEvents);
    }
    this.checkVersion(meeting.version, request.expectedVersion);
    return this.dataSource.transaction(async (manager) => {
      await this.store(manager, actor.personId, {
        kind: 'meeting',
        table: 'meeting',
        id: meeting.id,
        from: meeting.state,
        to: step.state,
        event: type,
        expectedVersion: request.expectedVersion,
        comment,
      });
      return manager.findOneByOrFail(Meeting, { id: meeting.id });
    });
  }

  /**
   * Steps a proposal inside the caller's transaction: the policy first, then the machine, then the
   * version. `by` is the person, or the platform itself (a ballot's result). Use cases that move it as
   * part of more (scheduling, opening a ballot) call this too.
   */
  async stepProposal(
    manager: EntityManager,
    proposal: Proposal,
    event: ProposalEvent,
    by: Actor | 'system',
    options: { expectedVersion?: number; comment?: string | null } = {},
  ): Promise<Proposal> {
    const sender: PolicyActor =
      by === 'system'
        ? { roles: [], system: true, ownsEntity: false, isHeadOfDelegation: false }
        : policyActor(by, ownsProposal(by, proposal));
    if (!maySend('proposal', event.type, sender))
      throw forbidden('transitionProposal', { kind: 'proposal', type: event.type });
    const step = nextState('proposal', proposal.state, event, { revisionCount: proposal.revisionCount });
    if (!step.ok) {
      if (step.guard === 'hasComment') throw badInput('comment', 'commentRequired');
      throw this.invalid('proposal', proposal.state, event.type, step.allowedEvents);
    }
    const expectedVersion = options.expectedVersion ?? proposal.version;
    this.checkVersion(proposal.version, expectedVersion);
    await this.store(manager, by === 'system' ? null : by.personId, {
      kind: 'proposal',
      table: 'proposal',
      id: proposal.id,
      from: proposal.state,
      to: step.state,
      event: event.type,
      expectedVersion,
      comment: options.comment ?? null,
    });
    // Approval opens the follow-up: the implementation plan, in the same transaction.
    if (step.state === 'approved') await createPlanForApproval(manager, proposal);
    // A submission freezes the text it submits; later saves add new revisions.
    if (event.type === 'SUBMIT') {
      const now = new Date();
      await manager.update(ProposalRevision, { proposalId: proposal.id, frozenAt: IsNull() }, { frozenAt: now });
      // From its first submission on, a proposal is seen by every city, whatever becomes of it.
      await manager.update(Proposal, { id: proposal.id, submittedAt: IsNull() }, { submittedAt: now });
    }
    return manager.findOneByOrFail(Proposal, { id: proposal.id });
  }

  /**
   * Steps an action item inside the caller's transaction (the follow-up service adds its roll-up):
   * the policy (the secretariat, or a delegate of the item's owner city where the table allows), the
   * machine, the version; then the same record, audit entry and outbox message as every transition.
   */
  async stepActionItem(
    manager: EntityManager,
    item: { id: string; state: string; version: number; ownerCityId: string },
    event: ActionItemEvent,
    by: Actor,
    options: { expectedVersion: number; comment?: string | null },
  ): Promise<string> {
    const owns = by.memberCityId !== null && by.memberCityId === item.ownerCityId;
    if (!maySend('actionItem', event.type, policyActor(by, owns)))
      throw forbidden('transitionActionItem', { kind: 'actionItem', type: event.type });
    const step = nextState('actionItem', item.state as never, event);
    if (!step.ok) {
      if (step.guard === 'hasReason') throw badInput('comment', 'commentRequired');
      throw this.invalid('actionItem', item.state, event.type, step.allowedEvents);
    }
    this.checkVersion(item.version, options.expectedVersion);
    await this.store(manager, by.personId, {
      kind: 'actionItem',
      table: 'action_item',
      id: item.id,
      from: item.state,
      to: step.state,
      event: event.type,
      expectedVersion: options.expectedVersion,
      comment: options.comment ?? null,
    });
    return step.state;
  }

  /** The events this actor may send to the action item now. */
  availableActionItemEvents(actor: Actor, item: { state: string; ownerCityId: string }): string[] {
    const owns = actor.memberCityId !== null && actor.memberCityId === item.ownerCityId;
    return eventsActorMaySend('actionItem', item.state as never, policyActor(actor, owns));
  }

  /** The events this actor may send to the proposal now. */
  availableProposalEvents(actor: Actor, proposal: Proposal): ProposalEventType[] {
    return eventsActorMaySend('proposal', proposal.state, policyActor(actor, ownsProposal(actor, proposal)), {
      revisionCount: proposal.revisionCount,
    });
  }

  /** The events this actor may send to the meeting now (publishing also needs an agenda item). */
  availableMeetingEvents(actor: Actor, meeting: Meeting): MeetingEventType[] {
    return eventsActorMaySend('meeting', meeting.state, policyActor(actor, false));
  }

  private async store(manager: EntityManager, actorId: string | null, step: Step): Promise<void> {
    const rows = updatedRows<{ version: number }>(
      await manager.query(
        `UPDATE ${step.table} SET state = $1, version = version + 1, updated_at = now()
          WHERE id = $2 AND version = $3 AND state = $4 RETURNING version`,
        [step.to, step.id, step.expectedVersion, step.from],
      ),
    );
    if (rows.length === 0) {
      const [current] = (await manager.query(`SELECT version FROM ${step.table} WHERE id = $1`, [step.id])) as Array<{
        version: number;
      }>;
      throw new DomainError(
        'VERSION_CONFLICT',
        'versionConflict',
        { current: current?.version ?? 0 },
        'expectedVersion',
      );
    }
    const version = rows[0].version;
    const payload = {
      from: step.from,
      to: step.to,
      event: step.event,
      version,
      ...(step.comment === null ? {} : { comment: step.comment }),
    };
    await manager.insert(WorkflowTransition, {
      entityType: step.kind,
      entityId: step.id,
      fromState: step.from,
      toState: step.to,
      event: step.event,
      actorId,
      version,
      payload,
    });
    await this.audit.append(manager, {
      entityType: step.kind,
      entityId: step.id,
      action: 'transition',
      actorId,
      payload,
    });
    await manager.insert(OutboxMessage, {
      topic: `${step.kind}.${step.to}`,
      payload: { entityType: step.kind, entityId: step.id, actorId, ...payload },
    });
  }

  private eventType<K extends WorkflowKind>(kind: K, event: string) {
    if (!isWorkflowEventType(kind, event))
      throw badInput('event', 'oneOf', { allowed: workflowEventTypes(kind).join(', ') });
    return event;
  }

  private comment(comment: string | null | undefined): string | null {
    return plainText('comment', comment, MAX_COMMENT_LENGTH);
  }

  private checkVersion(current: number, expected: number): void {
    if (current !== expected)
      throw new DomainError('VERSION_CONFLICT', 'versionConflict', { current }, 'expectedVersion');
  }

  private invalid(
    entity: 'proposal' | 'meeting' | 'actionItem',
    state: string,
    event: string,
    allowed: string[],
  ): DomainError {
    return new DomainError('INVALID_TRANSITION', 'invalidTransition', {
      entity: entity === 'actionItem' ? 'action item' : entity,
      state,
      event,
      allowed: allowed.join(', '),
    });
  }
}
