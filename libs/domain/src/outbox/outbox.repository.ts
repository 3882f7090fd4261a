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

  /** Releases at most `take` messages relayed before `before` and not completed; returns how many. */
  async releaseIncompleteRelayedBefore(before: Date, take: number): Promise<number> {
    const result: [unknown[], number] = await this.db().query(
      `UPDATE outbox_message SET relayed_at = NULL
        WHERE id IN (SELECT id FROM outbox_message WHERE relayed_at < $1 AND completed_at IS NULL
                      ORDER BY relayed_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [before, take],
    );
    return result[1];
  }
}
