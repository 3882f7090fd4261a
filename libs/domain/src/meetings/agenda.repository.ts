import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityName } from '@majlis/language';
import { EntityRepository, requireRow, type Transaction } from '@majlis/persistence';
import { AgendaItem, AgendaItemKind } from './agenda-item.entity';
import { AgendaTree } from './agenda-tree';

export interface AgendaPlacement {
  id: string;
  parentId: string | null;
  position: number;
}

// Above any real position (a meeting holds at most MAX_AGENDA_ITEMS), so parked rows never collide.
const PARKING_OFFSET = 1_000_000;

/** The items of meetings' agendas: a tree per meeting, each parent's children numbered 0..n-1. */
@Injectable()
export class AgendaRepository extends EntityRepository<AgendaItem> {
  protected readonly entity = AgendaItem;
  protected readonly entityName: EntityName = 'agendaItem';

  itemsOf(meetingIds: readonly string[], tx?: Transaction): Promise<AgendaItem[]> {
    return this.db(tx).find(AgendaItem, { where: { meetingId: In([...meetingIds]) } });
  }

  tree<T extends Pick<AgendaItem, 'id' | 'parentId' | 'position'>>(items: readonly T[]): AgendaTree<T> {
    return new AgendaTree(items);
  }

  /** How many items the meeting's agenda holds, at every level. */
  countOf(meetingId: string): Promise<number> {
    return this.db().countBy(AgendaItem, { meetingId });
  }

  /** Where every item of a meeting sits, for a move or a renumbering inside the caller's transaction. */
  placementsOf(tx: Transaction, meetingId: string): Promise<AgendaPlacement[]> {
    return this.db(tx).find(AgendaItem, {
      select: { id: true, parentId: true, position: true },
      where: { meetingId },
    });
  }

  /**
   * Writes new places in two statements: first every row moves out of the way, then to its place, so
   * the unique (parent, position) index holds at every row PostgreSQL checks.
   */
  async place(tx: Transaction, placements: readonly AgendaPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    const manager = this.db(tx);
    const ids = placements.map((placement) => placement.id);
    await manager.query(`UPDATE agenda_item SET position = position + ${PARKING_OFFSET} WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    await manager.query(
      `UPDATE agenda_item AS item SET parent_id = placed.parent_id, position = placed.position
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS placed(id, parent_id, position)
        WHERE item.id = placed.id`,
      [ids, placements.map((placement) => placement.parentId), placements.map((placement) => placement.position)],
    );
  }

  /** Writes a new item and returns it as stored. */
  insert(tx: Transaction, fields: Partial<AgendaItem>): Promise<AgendaItem> {
    const manager = this.db(tx);
    return manager.save(manager.create(AgendaItem, fields));
  }

  /** Writes a changed item. */
  save(tx: Transaction, item: AgendaItem): Promise<AgendaItem> {
    return this.db(tx).save(item);
  }

  /** Removes the item; the items under it go with it (the foreign key cascades). */
  async remove(tx: Transaction, id: string): Promise<void> {
    await this.db(tx).delete(AgendaItem, { id });
  }

  /** The id of the proposal an item is to be linked to; NOT_FOUND naming `proposalId` when there is none. */
  async requireProposal(tx: Transaction, proposalId: string): Promise<string> {
    // By entity name: proposals rest on meetings, and the agenda imports nothing of them.
    return (await requireRow<{ id: string }>(this.db(tx), 'Proposal', proposalId, 'proposal', 'proposalId')).id;
  }

  /** Whether an item of the meeting is already about the proposal. */
  isProposalOnAgenda(tx: Transaction, meetingId: string, proposalId: string): Promise<boolean> {
    return this.db(tx).existsBy(AgendaItem, { meetingId, proposalId });
  }

  /** Adds a decision item about the proposal after the meeting's last top-level item. */
  async appendDecision(
    tx: Transaction,
    item: Pick<AgendaItem, 'meetingId' | 'title' | 'description'> & { proposalId: string },
  ): Promise<void> {
    const manager = this.db(tx);
    const topLevel = await manager
      .getRepository(AgendaItem)
      .createQueryBuilder('item')
      .where('item.meeting_id = :meetingId AND item.parent_id IS NULL', { meetingId: item.meetingId })
      .getCount();
    await manager.insert(AgendaItem, { ...item, parentId: null, position: topLevel, kind: AgendaItemKind.DECISION });
  }
}
