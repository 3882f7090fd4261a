import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { managerOf, type Transaction } from '@majlis/persistence';
import { AgendaItem, AgendaItemKind } from './agenda-item.entity';
import { AgendaTree } from './agenda-tree';

export interface AgendaPlacement {
  id: string;
  parentId: string | null;
  position: number;
}

// Above any real position (a meeting holds at most MAX_AGENDA_ITEMS), so parked rows never collide.
const PARKING_OFFSET = 1_000_000;

@Injectable()
export class AgendaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  itemsOf(meetingIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<AgendaItem[]> {
    return manager.find(AgendaItem, { where: { meetingId: In([...meetingIds]) } });
  }

  tree<T extends Pick<AgendaItem, 'id' | 'parentId' | 'position'>>(items: readonly T[]): AgendaTree<T> {
    return new AgendaTree(items);
  }

  /** Where every item of a meeting sits, for a move or a renumbering inside the caller's transaction. */
  placementsOf(manager: EntityManager, meetingId: string): Promise<AgendaPlacement[]> {
    return manager.find(AgendaItem, {
      select: { id: true, parentId: true, position: true },
      where: { meetingId },
    });
  }

  /**
   * Writes new places in two statements: first every row moves out of the way, then to its place, so
   * the unique (parent, position) index holds at every row PostgreSQL checks.
   */
  async place(manager: EntityManager, placements: readonly AgendaPlacement[]): Promise<void> {
    if (placements.length === 0) return;
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

  /** Whether an item of the meeting is already about the proposal. */
  isProposalOnAgenda(tx: Transaction, meetingId: string, proposalId: string): Promise<boolean> {
    return managerOf(tx).existsBy(AgendaItem, { meetingId, proposalId });
  }

  /** Adds a decision item about the proposal after the meeting's last top-level item. */
  async appendDecision(
    tx: Transaction,
    item: Pick<AgendaItem, 'meetingId' | 'title' | 'description'> & { proposalId: string },
  ): Promise<void> {
    const manager = managerOf(tx);
    const topLevel = await manager
      .getRepository(AgendaItem)
      .createQueryBuilder('item')
      .where('item.meeting_id = :meetingId AND item.parent_id IS NULL', { meetingId: item.meetingId })
      .getCount();
    await manager.insert(AgendaItem, { ...item, parentId: null, position: topLevel, kind: AgendaItemKind.DECISION });
  }
}
