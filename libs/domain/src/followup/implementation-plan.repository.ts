import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ActionItemState } from '@majlis/workflow';
import type { LocalizedText } from '@majlis/language';
import { type Cursor, EntityRepository, requireRow, type Transaction, updatedRows } from '@majlis/persistence';
import { Person } from '../identity';
import { MemberCity } from '../partnership';
import { Proposal } from '../proposals';
import type { VersionedMove } from '../transitions';
import { Ballot } from '../voting';
import { ActionItem } from './action-item.entity';
import { ImplementationPlan } from './implementation-plan.entity';
import { ProgressReport } from './progress-report.entity';
import { OPEN_STATES } from './roll-up';

export interface ActionItemFilter {
  planId?: string | null;
  memberCityId?: string | null;
  state?: ActionItemState | null;
  overdue?: boolean | null;
  dueBefore?: string | null;
}

/** The reminders of the due-date job: due soon, overdue, and overdue past the grace period. */
export type DueReminder = 'dueSoon' | 'overdue' | 'escalated';

/** An open item due for a reminder, as the reminder's event names it. */
export interface DueItem {
  id: string;
  planId: string;
  ownerCityId: string;
  dueDate: string;
  daysOverdue: number;
}

/** Which open items are due for each reminder on `today` ($1), with $2 the reminder's number of days. */
const DUE_WHEN: Record<DueReminder, string> = {
  // From that many days before the due date to the day itself.
  dueSoon: `item.due_date - $2::int <= $1::date AND item.due_date >= $1::date`,
  // From the day after the due date.
  overdue: `item.due_date + $2::int < $1::date`,
  // From the end of the grace period after the due date.
  escalated: `item.due_date + $2::int <= $1::date`,
};

/** Items in reading order among their siblings: by position, then as they were created. */
const SIBLING_ORDER = { position: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;

/**
 * The implementation plan and what it owns: its tree of action items and their progress reports. Every
 * change to a plan's items is made under the plan row's lock (`lockItem`, `lock`), so one transaction at
 * a time computes a plan's roll-up.
 */
@Injectable()
export class ImplementationPlanRepository extends EntityRepository<ImplementationPlan> {
  protected readonly entity = ImplementationPlan;
  protected readonly entityName = 'implementationPlan' as const;

  /** Every plan, or the one of a proposal, newest first. */
  list(proposalId: string | null): Promise<ImplementationPlan[]> {
    return this.db().find(ImplementationPlan, {
      where: proposalId === null ? {} : { proposalId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The plans of these proposals. */
  ofProposals(proposalIds: readonly string[]): Promise<ImplementationPlan[]> {
    return this.db().findBy(ImplementationPlan, { proposalId: In([...proposalIds]) });
  }

  /**
   * Opens the plan of an approved proposal, linked to the ballot closed last on it (if any) and its result,
   * titled as the proposal; a proposal that has a plan already keeps it.
   */
  async openFor(tx: Transaction, proposalId: string): Promise<void> {
    const manager = this.db(tx);
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

  /** Sets the plan's programme (null: none) and moves its version; the caller holds the plan's lock. */
  async setProgramme(tx: Transaction, id: string, programme: LocalizedText | null): Promise<ImplementationPlan> {
    const manager = this.db(tx);
    await manager.update(ImplementationPlan, { id }, { programme, version: () => 'version + 1' });
    return manager.findOneByOrFail(ImplementationPlan, { id });
  }

  /** The action item with this id; NOT_FOUND naming the input `field` when there is none. */
  requireItem(id: string, field = 'id', tx?: Transaction): Promise<ActionItem> {
    return requireRow(this.db(tx), ActionItem, id, 'actionItem', field);
  }

  /** The action item with this id, which must exist. */
  item(tx: Transaction, id: string): Promise<ActionItem> {
    return this.db(tx).findOneByOrFail(ActionItem, { id });
  }

  /**
   * An action item, read again after locking its plan: every change to a plan's items holds that lock, so
   * what is read here stays as it is until `tx` ends.
   */
  async lockItem(tx: Transaction, id: string, field: string): Promise<ActionItem> {
    const current = await this.requireItem(id, field, tx);
    await this.lock(tx, current.planId);
    return this.item(tx, id);
  }

  /** Every item of a plan, siblings in order. */
  items(planId: string, tx?: Transaction): Promise<ActionItem[]> {
    return this.db(tx).find(ActionItem, { where: { planId }, order: SIBLING_ORDER });
  }

  /** Every item of these plans, siblings in order. */
  itemsOf(planIds: readonly string[]): Promise<ActionItem[]> {
    return this.db().find(ActionItem, { where: { planId: In([...planIds]) }, order: SIBLING_ORDER });
  }

  /** Every item of a plan, siblings in order, each with its owner city and assignee. */
  itemsWithPeople(tx: Transaction, planId: string): Promise<ActionItem[]> {
    return this.db(tx).find(ActionItem, {
      where: { planId },
      relations: { ownerCity: true, assignee: true },
      order: SIBLING_ORDER,
    });
  }

  /** Every item of every plan (or of one), by owner city. */
  itemsByCity(planId: string | null): Promise<ActionItem[]> {
    return this.db().find(ActionItem, { where: planId === null ? {} : { planId }, order: { ownerCityId: 'ASC' } });
  }

  /**
   * One page of the items `filter` picks, soonest due first, after `after`; and how many it picks in all.
   * Overdue: open and due before `today`.
   */
  async pageOfItems(
    filter: ActionItemFilter,
    today: string,
    take: number,
    after: Cursor | null,
  ): Promise<[ActionItem[], number]> {
    const query = this.db().getRepository(ActionItem).createQueryBuilder('item');
    if (filter.planId) query.andWhere('item.plan_id = :planId', { planId: filter.planId });
    if (filter.memberCityId) query.andWhere('item.owner_city_id = :city', { city: filter.memberCityId });
    if (filter.state) query.andWhere('item.state = :state', { state: filter.state });
    if (filter.dueBefore) query.andWhere('item.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.overdue !== null && filter.overdue !== undefined) {
      const overdue = `(item.state IN (:...open) AND item.due_date < :today)`;
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { open: OPEN_STATES, today });
    }
    const total = await query.getCount();
    if (after !== null) query.andWhere('(item.due_date, item.id) > (:key, :id)', { key: after.key, id: after.id });
    const rows = await query.orderBy('item.due_date', 'ASC').addOrderBy('item.id', 'ASC').take(take).getMany();
    return [rows, total];
  }

  /** Whether the item has a child that is not cancelled: its progress is then rolled up, not reported. */
  hasLiveChildren(tx: Transaction, id: string): Promise<boolean> {
    return this.db(tx).existsBy(ActionItem, {
      parentId: id,
      state: In(['planned', 'inProgress', 'blocked', 'done', 'verified']),
    });
  }

  async insertItem(
    tx: Transaction,
    item: Omit<ActionItem, 'id' | 'progress' | 'state' | 'blockedReason' | 'version' | 'createdAt' | 'updatedAt'>,
  ): Promise<ActionItem> {
    const manager = this.db(tx);
    return manager.save(manager.create(ActionItem, item));
  }

  /** Changes an item seen at `version` and moves its version on; the caller holds the plan's lock. */
  async updateItem(tx: Transaction, id: string, version: number, changes: Partial<ActionItem>): Promise<void> {
    await this.db(tx).update(ActionItem, { id, version }, { ...changes, version: version + 1 });
  }

  /**
   * Moves the item from `from` to `to` only if nobody changed it since `version`; a blocked item keeps
   * why, any other state clears it.
   */
  async moveState(
    tx: Transaction,
    id: string,
    step: { from: ActionItemState; to: ActionItemState; version: number; blockedReason: string | null },
  ): Promise<VersionedMove> {
    const manager = this.db(tx);
    const rows = updatedRows<{ version: number }>(
      await manager.query(
        `UPDATE action_item SET state = $1, blocked_reason = $5, version = version + 1, updated_at = now()
          WHERE id = $2 AND version = $3 AND state = $4 RETURNING version`,
        [step.to, id, step.version, step.from, step.blockedReason],
      ),
    );
    if (rows.length > 0) return { moved: true, version: rows[0].version };
    const current = await manager.findOne(ActionItem, { select: { id: true, version: true }, where: { id } });
    return { moved: false, current: current?.version ?? 0 };
  }

  /** Puts items at new places among their siblings, in one statement. */
  async place(tx: Transaction, placements: ReadonlyArray<{ id: string; position: number }>): Promise<void> {
    if (placements.length === 0) return;
    await this.db(tx).query(
      `UPDATE action_item AS item SET position = placed.position, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS placed(id, position)
        WHERE item.id = placed.id`,
      [placements.map((placement) => placement.id), placements.map((placement) => placement.position)],
    );
  }

  /** Sets items' progress (a roll-up's result), without moving their versions. */
  async setProgress(tx: Transaction, progress: ReadonlyArray<{ id: string; progress: number }>): Promise<void> {
    const manager = this.db(tx);
    for (const { id, progress: value } of progress) await manager.update(ActionItem, { id }, { progress: value });
  }

  async insertReport(tx: Transaction, report: Omit<ProgressReport, 'id' | 'reportedAt'>): Promise<void> {
    await this.db(tx).insert(ProgressReport, report);
  }

  /** The progress reports of these items, newest first. */
  reportsOf(itemIds: readonly string[]): Promise<ProgressReport[]> {
    return this.db().find(ProgressReport, {
      where: { actionItemId: In([...itemIds]) },
      order: { reportedAt: 'DESC', id: 'DESC' },
    });
  }

  /** The newest report of each of these items that has one. */
  latestReports(tx: Transaction, itemIds: readonly string[]): Promise<ProgressReport[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.db(tx)
      .createQueryBuilder(ProgressReport, 'report')
      .distinctOn(['report.actionItemId'])
      .where('report.actionItemId IN (:...ids)', { ids: [...itemIds] })
      .orderBy('report.actionItemId', 'ASC')
      .addOrderBy('report.reportedAt', 'DESC')
      .addOrderBy('report.id', 'DESC')
      .getMany();
  }

  /** The member city an item is to belong to; NOT_FOUND naming `field` when there is none. */
  requireOwnerCity(tx: Transaction, id: string, field: string): Promise<MemberCity> {
    return requireRow(this.db(tx), MemberCity, id, 'memberCity', field);
  }

  /** The person an item is to be assigned to; NOT_FOUND naming `field` when there is none. */
  requireAssignee(tx: Transaction, id: string, field: string): Promise<Person> {
    return requireRow(this.db(tx), Person, id, 'person', field);
  }

  /** The open items due for `reminder` on `today`, `days` being its number of days, soonest due first. */
  async dueFor(tx: Transaction, reminder: DueReminder, today: string, days: number): Promise<DueItem[]> {
    const rows: Array<{ id: string; plan_id: string; owner_city_id: string; due_date: string; days_overdue: number }> =
      await this.db(tx).query(
        `SELECT item.id, item.plan_id, item.owner_city_id, to_char(item.due_date, 'YYYY-MM-DD') AS due_date,
                GREATEST(0, $1::date - item.due_date) AS days_overdue
           FROM action_item item
          WHERE item.state IN (${OPEN_STATES.map((state) => `'${state}'`).join(', ')}) AND ${DUE_WHEN[reminder]}
          ORDER BY item.due_date, item.id`,
        [today, days],
      );
    return rows.map((row) => ({
      id: row.id,
      planId: row.plan_id,
      ownerCityId: row.owner_city_id,
      dueDate: row.due_date,
      daysOverdue: row.days_overdue,
    }));
  }
}
