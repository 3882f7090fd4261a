import {
  ACTOR_ROLES,
  isWorkflowEventType,
  workflowEventTypes,
  type ActorRole,
  type PolicyActor,
  type WorkflowEventType,
  type WorkflowKind,
} from '@majlis/workflow';
import { badInput, DomainError, plainText } from '@majlis/language';

/** The facts of a person a policy reads (an `Actor` has them); this folder sits below identity. */
export interface Sender {
  readonly roles: readonly string[];
  readonly isHeadOfDelegation: boolean;
}

const MAX_COMMENT_LENGTH = 10_000;

/** The platform itself sending an event (a ballot's result, a deadline). */
export const PLATFORM: PolicyActor = { roles: [], system: true, ownsEntity: false, isHeadOfDelegation: false };

/** A person as the policy tables see them; `ownsEntity` when their city owns the entity. */
export const policyActor = (sender: Sender, ownsEntity: boolean): PolicyActor => ({
  roles: ACTOR_ROLES.filter((role: ActorRole) => sender.roles.includes(role)),
  ownsEntity,
  isHeadOfDelegation: sender.isHeadOfDelegation,
});

/** The event named by a request, or BAD_USER_INPUT listing the kind's events. */
export function eventTypeOf<K extends WorkflowKind>(kind: K, event: string): WorkflowEventType<K> {
  if (!isWorkflowEventType(kind, event))
    throw badInput('event', 'oneOf', { allowed: workflowEventTypes(kind).join(', ') });
  return event;
}

/** A transition's comment: plain text of bounded length, or null. */
export const transitionComment = (comment: string | null | undefined): string | null =>
  plainText('comment', comment, MAX_COMMENT_LENGTH);

export const versionConflict = (current: number): DomainError =>
  new DomainError('VERSION_CONFLICT', 'versionConflict', { current }, 'expectedVersion');

/** Refuses a step over another version than the one the caller saw. */
export function checkVersion(current: number, expected: number): void {
  if (current !== expected) throw versionConflict(current);
}

/** The machine refused the event in this state; the message lists what is possible now. */
export function invalidTransition(kind: WorkflowKind, state: string, event: string, allowed: string[]): DomainError {
  return new DomainError('INVALID_TRANSITION', 'invalidTransition', {
    entity: kind,
    state,
    event,
    allowed: allowed.join(','),
  });
}

/** What an aggregate's versioned update found: its new version, or the version someone else left. */
export type VersionedMove = { moved: true; version: number } | { moved: false; current: number };

/** The new version of a versioned update; VERSION_CONFLICT naming the current one when it missed. */
export function movedVersion(move: VersionedMove): number {
  if (!move.moved) throw versionConflict(move.current);
  return move.version;
}
