import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActionItemState } from '@majlis/workflow';
import { updatedRows } from '@majlis/persistence';
import type { VersionedMove } from '../transitions';
import { ActionItem } from './action-item.entity';

@Injectable()
export class ActionItemRepository {
  /**
   * Moves the item from `from` to `to` only if nobody changed it since `version`; a blocked item keeps
   * why, any other state clears it.
   */
  async moveState(
    manager: EntityManager,
    id: string,
    step: { from: ActionItemState; to: ActionItemState; version: number; blockedReason: string | null },
  ): Promise<VersionedMove> {
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
  async place(manager: EntityManager, placements: ReadonlyArray<{ id: string; position: number }>): Promise<void> {
    if (placements.length === 0) return;
    await manager.query(
      `UPDATE action_item AS item SET position = placed.position, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS placed(id, position)
        WHERE item.id = placed.id`,
      [placements.map((placement) => placement.id), placements.map((placement) => placement.position)],
    );
  }
}
