import { Injectable } from '@nestjs/common';
import type { Locale } from '@majlis/config';
import { eventsActorMaySend, maySend, nextState, type ActionItemEvent, type ActionItemState } from '@majlis/workflow';
import {
  badInput,
  DomainError,
  forbidden,
  LocalizedTextInput,
  notFound,
  optionalText,
  parseDay,
  plainText,
  requiredText,
  textLanguage,
} from '@majlis/language';
import { LiveUpdates } from '@majlis/live';
import { Page, PageRequest, pageSize, requireUuid, toPage, type Transaction, UnitOfWork } from '@majlis/persistence';
import { AuditService } from '../audit';
import { Actor, ALL_ROLES, requireRole, Role } from '../identity';
import { OutboxWriter, TOPICS } from '../outbox';
import {
  checkVersion,
  eventTypeOf,
  invalidTransition,
  movedVersion,
  policyActor,
  TransitionRecorder,
} from '../transitions';
import { ActionItem, ActionItemKind } from './action-item.entity';
import { FollowupLoaders } from './followup.loaders';
import type { ImplementationPlan } from './implementation-plan.entity';
import { type ActionItemFilter, ImplementationPlanRepository } from './implementation-plan.repository';
import type { ProgressReport } from './progress-report.entity';
import {
  countByState,
  exactProgress,
  isOverdue,
  ItemFigures,
  rolledUpProgress,
  trackStatus,
  TrackStatus,
  weightedProgress,
} from './roll-up';

const MANAGERS = [Role.SECRETARIAT];
const MAX_ITEMS_PER_PLAN = 1_000;
const MAX_NOTE = 4_000;
const MAX_REASON = 2_000;

export interface ActionItemInput {
  planId: string;
  parentId?: string | null;
  kind?: ActionItemKind | null;
  title: LocalizedTextInput;
  description?: LocalizedTextInput | null;
  ownerCityId: string;
  assigneeId?: string | null;
  startDate: string;
  dueDate: string;
  weight?: number | null;
}

export interface UpdateActionItemInput {
  expectedVersion: number;
  parentId?: string | null;
  title?: LocalizedTextInput | null;
  description?: LocalizedTextInput | null;
  ownerCityId?: string | null;
  assigneeId?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  weight?: number | null;
  /** Its place among its (new) siblings, from 0; past the end: last. Absent: kept, or last under a new parent. */
  position?: number | null;
}

/** A set of items at a glance: counts by state, overdue, weighted progress and the status rule. */
export interface FollowupSummary {
  itemsByState: Record<ActionItemState, number>;
  itemCount: number;
  overdueCount: number;
  progress: number;
  status: TrackStatus;
}

const ownsItem = (actor: Actor, item: Pick<ActionItem, 'ownerCityId'>): boolean =>
  actor.memberCityId !== null && actor.memberCityId === item.ownerCityId;

/** Today's date in UTC, as YYYY-MM-DD: due dates are calendar dates; a day's grace covers every zone. */
export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** Siblings in reading order: by position, then as they were created. */
const inOrder = (a: ActionItem, b: ActionItem): number =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

function checkedWeight(weight: number | null | undefined): number | null {
  if (weight === null || weight === undefined) return null;
  if (!Number.isInteger(weight) || weight < 1 || weight > 1000)
    throw badInput('weight', 'numberOutOfRange', { min: 1, max: 1000 });
  return weight;
}

/**
 * The follow-up of what the board approved: a plan per approved proposal (created by the approving
 * transition), its tree of action items with weighted roll-up, progress reports, and the views the
 * secretariat and the board read. Every change to a plan's items locks the plan row, so the roll-up
 * of one plan is computed by one transaction at a time.
 */
@Injectable()
export class FollowupService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly implementationPlans: ImplementationPlanRepository,
    private readonly recorder: TransitionRecorder,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    private readonly live: LiveUpdates,
  ) {}

  /** Runs a change to a plan, then tells the plan's live subscribers once it has committed. */
  private async changing<T extends { planId: string } | { id: string }>(work: () => Promise<T>): Promise<T> {
    const changed = await work();
    await this.live.publish('implementationPlanUpdated', { id: 'planId' in changed ? changed.planId : changed.id });
    return changed;
  }

  async plans(actor: Actor, filter: { proposalId?: string | null }): Promise<ImplementationPlan[]> {
    requireRole(actor, ALL_ROLES, 'implementationPlans');
    if (filter.proposalId) requireUuid(filter.proposalId, 'proposal', 'proposalId');
    return this.implementationPlans.list(filter.proposalId || null);
  }

  async plan(actor: Actor, id: string): Promise<ImplementationPlan> {
    requireRole(actor, ALL_ROLES, 'implementationPlan');
    return this.implementationPlans.require(id);
  }

  /** Sets or clears the programme a plan belongs to (the secretariat). */
  async setProgramme(actor: Actor, id: string, programme: LocalizedTextInput | null): Promise<ImplementationPlan> {
    requireRole(actor, MANAGERS, 'setImplementationPlanProgramme');
    const text = optionalText('programme', programme, 'title', actor.locale);
    return this.changing(() =>
      this.unitOfWork.run(async (tx) => {
        await this.implementationPlans.require(id, 'id', tx, 'pessimistic_write');
        return this.implementationPlans.setProgramme(tx, id, text);
      }),
    );
  }

  async item(actor: Actor, id: string): Promise<ActionItem> {
    requireRole(actor, ALL_ROLES, 'actionItem');
    return this.implementationPlans.requireItem(id);
  }

  /** Action items by plan, city, state, overdue and due date, soonest due first. */
  async items(
    actor: Actor,
    filter: ActionItemFilter,
    request: PageRequest,
    now = new Date(),
  ): Promise<Page<ActionItem>> {
    requireRole(actor, ALL_ROLES, 'actionItems');
    if (filter.planId) requireUuid(filter.planId, 'implementationPlan', 'planId');
    if (filter.memberCityId) requireUuid(filter.memberCityId, 'memberCity', 'memberCityId');
    if (filter.dueBefore) parseDay('dueBefore', filter.dueBefore);
    const { size, take, after } = pageSize(request);
    const [rows, total] = await this.implementationPlans.pageOfItems(filter, todayOf(now), take, after);
    return toPage(rows, size, total, (row) => row.dueDate);
  }

  /**
   * Every item of a plan in reading order (parents before their children, siblings by position), its
   * owner city and assignee loaded, with its latest progress report; read from one snapshot.
   */
  async planItems(
    actor: Actor,
    planId: string,
  ): Promise<Array<{ item: ActionItem; latestReport: ProgressReport | null }>> {
    requireRole(actor, ALL_ROLES, 'exportPlan');
    requireUuid(planId, 'implementationPlan', 'planId');
    return this.unitOfWork.run(async (tx) => {
      const items = await this.implementationPlans.itemsWithPeople(tx, planId);
      const reports = await this.implementationPlans.latestReports(
        tx,
        items.map((item) => item.id),
      );
      const latest = new Map(reports.map((report) => [report.actionItemId, report]));
      const children = new Map<string | null, ActionItem[]>();
      for (const item of items) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
      const ordered: ActionItem[] = [];
      const visit = (parentId: string | null): void => {
        for (const item of children.get(parentId) ?? []) {
          ordered.push(item);
          visit(item.id);
        }
      };
      visit(null);
      return ordered.map((item) => ({ item, latestReport: latest.get(item.id) ?? null }));
    }, 'REPEATABLE READ');
  }

  /** `tree`: every item of the plans `items` belong to, which their progress rolls up from. */
  summarize(items: readonly ActionItem[], now = new Date(), tree: readonly ActionItem[] = items): FollowupSummary {
    const today = todayOf(now);
    const ids = new Set(items.map((item) => item.id));
    // The top of the set: items whose parent is not in it (a plan's roots; a city's highest items).
    const tops = items.filter((item) => item.parentId === null || !ids.has(item.parentId));
    // From the leaves, unrounded: a top's stored progress is rounded, and rounding twice compounds.
    const exact = exactProgress(tree);
    return {
      itemsByState: countByState(items),
      itemCount: items.length,
      overdueCount: items.filter((item) => isOverdue(item, today)).length,
      progress: weightedProgress(tops, (item) => exact.get(item.id) ?? item.progress),
      status: trackStatus(items, today),
    };
  }

  /** Per member city: its items across plans (or in one plan), summarized. */
  async citySummaries(
    actor: Actor,
    planId: string | null,
    now = new Date(),
  ): Promise<Array<{ memberCityId: string } & FollowupSummary>> {
    requireRole(actor, ALL_ROLES, 'followupByCity');
    if (planId) requireUuid(planId, 'implementationPlan', 'planId');
    return this.cityShares(await this.implementationPlans.itemsByCity(planId || null), now);
  }

  /** `items` (of whole plans) per owner city, each city's share summarized: no I/O, for loaded items too. */
  cityShares(items: readonly ActionItem[], now = new Date()): Array<{ memberCityId: string } & FollowupSummary> {
    const byCity = new Map<string, ActionItem[]>();
    for (const item of items) byCity.set(item.ownerCityId, [...(byCity.get(item.ownerCityId) ?? []), item]);
    return [...byCity].map(([memberCityId, cityItems]) => ({
      memberCityId,
      ...this.summarize(cityItems, now, items),
    }));
  }

  async createItem(actor: Actor, input: ActionItemInput): Promise<ActionItem> {
    requireRole(actor, MANAGERS, 'createActionItem');
    const title = requiredText('title', input.title, 'title', actor.locale);
    const description = optionalText('description', input.description, 'description', actor.locale);
    const startDate = parseDay('startDate', input.startDate);
    const dueDate = parseDay('dueDate', input.dueDate);
    if (dueDate < startDate) throw badInput('dueDate', 'dueBeforeStart');
    const weight = checkedWeight(input.weight);
    return this.changing(() =>
      this.unitOfWork.run(async (tx) => {
        const plan = await this.implementationPlans.require(input.planId, 'planId', tx, 'pessimistic_write');
        const items = await this.implementationPlans.items(plan.id, tx);
        if (items.length >= MAX_ITEMS_PER_PLAN) throw badInput('planId', 'tooMany', { max: MAX_ITEMS_PER_PLAN });
        const parentId = input.parentId ?? null;
        if (parentId !== null) this.parentIn(items, parentId, 'parentId', plan.id);
        await this.implementationPlans.requireOwnerCity(tx, input.ownerCityId, 'ownerCityId');
        const assigneeId = await this.checkedAssignee(tx, input.assigneeId ?? null, input.ownerCityId);
        const saved = await this.implementationPlans.insertItem(tx, {
          planId: plan.id,
          parentId,
          position: items.filter((item) => item.parentId === parentId).length,
          kind: input.kind ?? ActionItemKind.TASK,
          title,
          description,
          ownerCityId: input.ownerCityId,
          assigneeId,
          startDate,
          dueDate,
          weight,
          createdById: actor.personId,
        });
        await this.record(tx, saved, actor, 'actionItem.created', {
          planId: plan.id,
          ownerCityId: saved.ownerCityId,
        });
        await this.announceAssignment(tx, saved);
        await this.rollUp(tx, plan.id);
        return this.implementationPlans.item(tx, saved.id);
      }),
    );
  }

  async updateItem(actor: Actor, id: string, input: UpdateActionItemInput): Promise<ActionItem> {
    requireRole(actor, MANAGERS, 'updateActionItem');
    return this.changing(() =>
      this.unitOfWork.run(async (tx) => {
        const item = await this.implementationPlans.lockItem(tx, id, 'id');
        if (item.version !== input.expectedVersion)
          throw new DomainError('VERSION_CONFLICT', 'versionConflict', { current: item.version }, 'expectedVersion');
        const changes: Partial<ActionItem> = {};
        if (input.title !== undefined && input.title !== null)
          changes.title = requiredText('title', input.title, 'title', actor.locale);
        if (input.description !== undefined)
          changes.description = optionalText('description', input.description, 'description', actor.locale);
        if (input.startDate) changes.startDate = parseDay('startDate', input.startDate);
        if (input.dueDate) changes.dueDate = parseDay('dueDate', input.dueDate);
        if ((changes.dueDate ?? item.dueDate) < (changes.startDate ?? item.startDate))
          throw badInput(input.dueDate ? 'dueDate' : 'startDate', 'dueBeforeStart');
        if (input.weight !== undefined) changes.weight = checkedWeight(input.weight);
        if (input.ownerCityId) {
          await this.implementationPlans.requireOwnerCity(tx, input.ownerCityId, 'ownerCityId');
          changes.ownerCityId = input.ownerCityId;
        }
        const ownerCityId = changes.ownerCityId ?? item.ownerCityId;
        if (input.assigneeId !== undefined || ownerCityId !== item.ownerCityId)
          changes.assigneeId = await this.checkedAssignee(
            tx,
            input.assigneeId === undefined ? item.assigneeId : input.assigneeId,
            ownerCityId,
          );
        const moving = input.parentId !== undefined && input.parentId !== item.parentId;
        const position = input.position ?? null;
        if (moving || position !== null) {
          const items = await this.implementationPlans.items(item.planId, tx);
          const parentId = moving ? (input.parentId ?? null) : item.parentId;
          if (moving && parentId !== null) {
            this.parentIn(items, parentId, 'parentId', item.planId);
            const below = this.descendants(items, item.id);
            if (parentId === item.id || below.has(parentId)) throw badInput('parentId', 'actionItemCycle');
          }
          const siblingsOf = (parent: string | null): ActionItem[] =>
            items.filter((other) => other.parentId === parent && other.id !== item.id).sort(inOrder);
          const siblings = siblingsOf(parentId);
          // Past the end is last; only a negative or fractional place is refused.
          if (position !== null && (!Number.isInteger(position) || position < 0))
            throw badInput('position', 'numberOutOfRange', { min: 0, max: siblings.length });
          const at = Math.min(position ?? siblings.length, siblings.length);
          // Siblings are numbered 0, 1, 2… again: where it goes, and where it left when it changes parent.
          const numbered = (list: ActionItem[]) => list.map((sibling, index) => ({ id: sibling.id, position: index }));
          const was = new Map(items.map((other) => [other.id, other.position]));
          await this.implementationPlans.place(
            tx,
            [
              ...numbered([...siblings.slice(0, at), item, ...siblings.slice(at)]),
              ...(moving ? numbered(siblingsOf(item.parentId)) : []),
            ].filter((placed) => placed.id !== item.id && was.get(placed.id) !== placed.position),
          );
          if (moving) changes.parentId = parentId;
          changes.position = at;
        }
        await this.implementationPlans.updateItem(tx, id, item.version, changes);
        const updated = await this.implementationPlans.item(tx, id);
        await this.record(tx, updated, actor, 'actionItem.updated', {
          fields: Object.keys(changes).sort().join(','),
        });
        if (updated.ownerCityId !== item.ownerCityId || updated.assigneeId !== item.assigneeId)
          await this.announceAssignment(tx, updated);
        await this.rollUp(tx, item.planId);
        return this.implementationPlans.item(tx, id);
      }),
    );
  }

  async transitionItem(
    actor: Actor,
    id: string,
    request: { event: string; expectedVersion: number; comment?: string | null },
  ): Promise<ActionItem> {
    requireRole(actor, ALL_ROLES, 'transitionActionItem');
    const type = eventTypeOf('actionItem', request.event);
    const reason = plainText('comment', request.comment, MAX_REASON);
    const event = (type === 'BLOCK' ? { type, reason: reason ?? '' } : { type }) as ActionItemEvent;
    return this.changing(() =>
      this.unitOfWork.run(async (tx) => {
        const item = await this.implementationPlans.lockItem(tx, id, 'id');
        await this.step(tx, item, event, actor, { expectedVersion: request.expectedVersion, comment: reason });
        await this.rollUp(tx, item.planId);
        return this.implementationPlans.item(tx, id);
      }),
    );
  }

  /** A progress report on a leaf item: by the secretariat or a delegate of the item's owner city. */
  async reportProgress(
    actor: Actor,
    id: string,
    percent: number,
    note: string | null | undefined,
    language?: Locale | null,
  ): Promise<ActionItem> {
    requireRole(actor, [Role.SECRETARIAT, Role.DELEGATE], 'reportProgress');
    if (!Number.isInteger(percent) || percent < 0 || percent > 100)
      throw badInput('percent', 'numberOutOfRange', { min: 0, max: 100 });
    const text = plainText('note', note, MAX_NOTE);
    return this.changing(() =>
      this.unitOfWork.run(async (tx) => {
        const item = await this.implementationPlans.lockItem(tx, id, 'actionItemId');
        if (!actor.roles.includes(Role.SECRETARIAT) && actor.memberCityId !== item.ownerCityId)
          throw forbidden('reportOtherCityProgress');
        if (item.state === 'cancelled' || item.state === 'verified')
          throw badInput('actionItemId', 'itemFinished', { state: item.state });
        if (await this.implementationPlans.hasLiveChildren(tx, id)) throw badInput('actionItemId', 'progressRolledUp');
        await this.implementationPlans.insertReport(tx, {
          actionItemId: id,
          percent,
          previousPercent: item.progress,
          note: text,
          language: textLanguage(text, language, actor.locale),
          reportedById: actor.personId,
        });
        await this.implementationPlans.updateItem(tx, id, item.version, { progress: percent });
        const updated = await this.implementationPlans.item(tx, id);
        await this.record(tx, updated, actor, 'actionItem.progressReported', {
          percent,
          previousPercent: item.progress,
        });
        await this.rollUp(tx, item.planId);
        return this.implementationPlans.item(tx, id);
      }),
    );
  }

  /** The events this actor may send to the action item now. */
  availableEvents(actor: Actor, item: ActionItem): string[] {
    return eventsActorMaySend('actionItem', item.state, policyActor(actor, ownsItem(actor, item)));
  }

  loaders(): FollowupLoaders {
    return new FollowupLoaders(this.implementationPlans);
  }

  /**
   * Steps an action item inside the caller's transaction: the policy (the secretariat, or a delegate of the
   * item's owner city where the table allows), the machine, the versioned update, then the recorder.
   */
  private async step(
    tx: Transaction,
    item: ActionItem,
    event: ActionItemEvent,
    by: Actor,
    options: { expectedVersion: number; comment: string | null },
  ): Promise<void> {
    if (!maySend('actionItem', event.type, policyActor(by, ownsItem(by, item))))
      throw forbidden('transitionActionItem', { kind: 'actionItem', type: event.type });
    const step = nextState('actionItem', item.state, event);
    if (!step.ok) {
      if (step.guard === 'hasReason') throw badInput('comment', 'commentRequired');
      throw invalidTransition('actionItem', item.state, event.type, step.allowedEvents);
    }
    checkVersion(item.version, options.expectedVersion);
    const version = movedVersion(
      await this.implementationPlans.moveState(tx, item.id, {
        from: item.state,
        to: step.state,
        version: options.expectedVersion,
        blockedReason: step.state === 'blocked' ? options.comment : null,
      }),
    );
    await this.recorder.record(tx, {
      kind: 'actionItem',
      id: item.id,
      from: item.state,
      to: step.state,
      event: event.type,
      actorId: by.personId,
      version,
      comment: options.comment,
    });
  }

  /** Recomputes every parent's progress of a plan; the caller holds the plan's lock. */
  private async rollUp(tx: Transaction, planId: string): Promise<void> {
    const items = await this.implementationPlans.items(planId, tx);
    const rolled = rolledUpProgress(items as ItemFigures[]);
    await this.implementationPlans.setProgress(
      tx,
      items
        .map((item) => ({ id: item.id, progress: rolled.get(item.id) ?? item.progress, was: item.progress }))
        .filter((item) => item.progress !== item.was),
    );
  }

  private parentIn(items: readonly ActionItem[], parentId: string, field: string, planId: string): ActionItem {
    requireUuid(parentId, 'actionItem', field);
    const parent = items.find((item) => item.id === parentId);
    if (parent === undefined) throw notFound('actionItem', parentId, field);
    if (parent.planId !== planId) throw badInput(field, 'otherPlan');
    return parent;
  }

  private descendants(items: readonly ActionItem[], id: string): Set<string> {
    const found = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const item of items)
        if (item.parentId === current && !found.has(item.id)) {
          found.add(item.id);
          stack.push(item.id);
        }
    }
    return found;
  }

  private async checkedAssignee(tx: Transaction, assigneeId: string | null, cityId: string): Promise<string | null> {
    if (assigneeId === null) return null;
    const person = await this.implementationPlans.requireAssignee(tx, assigneeId, 'assigneeId');
    if (person.memberCityId !== null && person.memberCityId !== cityId && !person.roles.includes(Role.SECRETARIAT))
      throw badInput('assigneeId', 'personOtherCity');
    return person.id;
  }

  private async announceAssignment(tx: Transaction, item: ActionItem): Promise<void> {
    await this.outbox.write(tx, TOPICS.actionItemAssigned, {
      actionItemId: item.id,
      planId: item.planId,
      ownerCityId: item.ownerCityId,
      dueDate: item.dueDate,
    });
  }

  private async record(
    tx: Transaction,
    item: ActionItem,
    actor: Actor,
    action: string,
    payload: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    await this.audit.append(tx, {
      entityType: 'actionItem',
      entityId: item.id,
      action,
      actorId: actor.personId,
      payload,
    });
  }
}
