import { Injectable } from '@nestjs/common';
import { RepositoryBase, updatedRows } from '@majlis/persistence';

/**
 * The outbox's rows as the relay moves them: claimed (marked relayed) a batch at a time, released when
 * the queue could not take them, and sent back to the relay when relayed long ago and never completed.
 * Each call is a statement of its own: the relay holds no transaction across the queue (see OutboxRelay).
 */
@Injectable()
export class OutboxRepository extends RepositoryBase {
  /**
   * Marks at most `take` unrelayed messages relayed, oldest first, and returns their ids; rows another
   * relay is claiming are skipped, so several relays share the work.
   */
  async claimUnrelayed(take: number): Promise<string[]> {
    const claimed = updatedRows<{ id: string }>(
      await this.db().query(
        `UPDATE outbox_message SET relayed_at = now()
          WHERE id IN (SELECT id FROM outbox_message WHERE relayed_at IS NULL
                        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [take],
      ),
    );
    return claimed.map((row) => row.id);
  }

  /** Undoes a claim: the messages wait for the relay again. */
  async release(ids: readonly string[]): Promise<void> {
    await this.db().query(`UPDATE outbox_message SET relayed_at = NULL WHERE id = ANY($1)`, [ids]);
  }

  /** At most `take` messages relayed before `before` and not completed, the longest relayed first. */
  async incompleteRelayedBefore(before: Date, take: number): Promise<Array<{ id: string; dispatched: boolean }>> {
    return this.db().query(
      `SELECT id, dispatched_at IS NOT NULL AS dispatched FROM outbox_message
        WHERE relayed_at < $1 AND completed_at IS NULL ORDER BY relayed_at LIMIT $2`,
      [before, take],
    );
  }

  /** Sends these messages back to the relay, those still relayed before `before` and not completed; returns how many. */
  async releaseIncompleteRelayedBefore(ids: readonly string[], before: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result: [unknown[], number] = await this.db().query(
      `UPDATE outbox_message SET relayed_at = NULL WHERE id = ANY($1) AND relayed_at < $2 AND completed_at IS NULL`,
      [ids, before],
    );
    return result[1];
  }
}
