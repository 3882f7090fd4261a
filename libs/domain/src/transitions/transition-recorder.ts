import { Injectable } from '@nestjs/common';
import { managerOf, type Transaction } from '@majlis/persistence';
import type { WorkflowEventType, WorkflowKind, WorkflowState } from '@majlis/workflow';
import { AuditService } from '../audit';
import { type EventPayload, OutboxWriter, type Topic, type TopicState, transitionTopic } from '../outbox';
import { WorkflowTransition } from './workflow-transition.entity';

/** Plain values only: they go into the audit hash, the transition row and the event alike. */
export type StepDetails = Record<string, string | number | boolean | null>;

/** One accepted step of an aggregate, already stored by its own versioned update. */
export interface RecordedStep<K extends WorkflowKind = WorkflowKind> {
  kind: K;
  id: string;
  from: WorkflowState<K>;
  to: TopicState<K>;
  event: WorkflowEventType<K>;
  /** Null when the platform itself acted (a ballot's result, a deadline). */
  actorId: string | null;
  /** The aggregate's version after the step. */
  version: number;
  comment?: string | null;
}

/**
 * Writes what every accepted step leaves behind, whatever the aggregate: the transition row, the
 * hash-chained audit entry and the `${kind}.${state}` event, in the caller's transaction.
 */
@Injectable()
export class TransitionRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** `details` (a ballot's count, say) travel with the step in all three records. */
  async record<K extends WorkflowKind>(
    tx: Transaction,
    step: RecordedStep<K>,
    details: StepDetails = {},
  ): Promise<void> {
    const payload: StepDetails = {
      ...details,
      from: step.from,
      to: step.to,
      event: step.event,
      version: step.version,
      ...(step.comment === null || step.comment === undefined ? {} : { comment: step.comment }),
    };
    await managerOf(tx).insert(WorkflowTransition, {
      entityType: step.kind,
      entityId: step.id,
      fromState: step.from,
      toState: step.to,
      event: step.event,
      actorId: step.actorId,
      version: step.version,
      payload,
    });
    await this.audit.append(tx, {
      entityType: step.kind,
      entityId: step.id,
      action: 'transition',
      actorId: step.actorId,
      payload,
    });
    // Any kind with any of its states names a topic; over the union of kinds TypeScript sees a cross product.
    const topic = transitionTopic<WorkflowKind, TopicState<WorkflowKind>>(step.kind, step.to) as Topic;
    // The contract types each topic's payload; the details a caller adds are its to match (a ballot's count).
    const event = {
      entityType: step.kind,
      entityId: step.id,
      actorId: step.actorId,
      ...payload,
    } as EventPayload<Topic>;
    await this.outbox.write(tx, topic, event);
  }
}
