import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Actor,
  AuditEntry,
  AuditService,
  Meeting,
  MeetingService,
  Proposal,
  ProposalService,
  Role,
} from '@majlis/domain';
import {
  describeWorkflow,
  type MeetingEventType,
  type ProposalEventType,
  type WorkflowKind as WorkflowKindValue,
} from '@majlis/workflow';
import { Allow, AnyRole } from '../graphql/allow.decorator';
import { CurrentActor } from '../graphql/current-actor.decorator';
import { MeetingModel } from '../meetings/meeting.model';
import { ProposalModel } from '../proposals/proposal.model';
import { AuditEntryModel, MeetingEvent, ProposalEvent, WorkflowKind, WorkflowModel } from './workflow.model';

const CommentArg = () =>
  Args('comment', { type: () => String, nullable: true, description: 'Why; required to request changes.' });

@Resolver()
export class WorkflowResolver {
  constructor(
    private readonly proposals: ProposalService,
    private readonly meetings: MeetingService,
    private readonly audit: AuditService,
  ) {}

  @Mutation(() => ProposalModel, {
    description: 'Moves a proposal through its workflow; `workflow(kind: proposal)` says who may send what.',
  })
  @Allow(Role.SECRETARIAT, Role.DELEGATE)
  transitionProposal(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('event', { type: () => ProposalEvent }) event: ProposalEventType,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @CommentArg() comment: string | null,
  ): Promise<Proposal> {
    return this.proposals.transition(actor, id, { event, expectedVersion, comment });
  }

  @Mutation(() => MeetingModel, { description: 'Moves a meeting through its workflow (secretariat).' })
  @Allow(Role.SECRETARIAT)
  transitionMeeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('event', { type: () => MeetingEvent }) event: MeetingEventType,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @CommentArg() comment: string | null,
  ): Promise<Meeting> {
    return this.meetings.transition(actor, id, { event, expectedVersion, comment });
  }

  @Query(() => WorkflowModel, { description: 'A workflow as data: states, events, targets, guards, who may send.' })
  @AnyRole()
  workflow(@Args('kind', { type: () => WorkflowKind }) kind: WorkflowKindValue): WorkflowModel {
    const description = describeWorkflow(kind);
    return {
      kind: description.kind,
      initial: description.initial,
      states: description.states.map((state) => ({ ...state, transitions: [...state.transitions] })),
      events: description.events.map((event) => ({
        name: event.name,
        allowed: event.allowed.map((grant) =>
          'system' in grant
            ? { system: true, role: null, ownsEntity: false, isHeadOfDelegation: false }
            : {
                system: false,
                role: grant.role as Role,
                ownsEntity: grant.ownsEntity === true,
                isHeadOfDelegation: grant.isHeadOfDelegation === true,
              },
        ),
      })),
    };
  }

  @Query(() => [AuditEntryModel], { description: 'The audit rows of one entity, oldest first.' })
  @Allow(Role.SECRETARIAT, Role.ADMIN, Role.BOARD_MEMBER)
  async auditTrail(
    @CurrentActor() actor: Actor,
    @Args('entityType', { type: () => WorkflowKind }) entityType: WorkflowKindValue,
    @Args('entityId', { type: () => ID }) entityId: string,
  ): Promise<AuditEntryModel[]> {
    // Who may see a proposal is the proposals feature's rule, so its trail is read through it.
    const entries: AuditEntry[] =
      entityType === 'proposal'
        ? await this.proposals.auditTrail(actor, entityId)
        : await this.audit.trail(actor, entityType, entityId);
    return entries.map((entry) => ({ ...entry, details: JSON.stringify(entry.payload) }));
  }
}
