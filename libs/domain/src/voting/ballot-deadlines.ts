import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobProducer } from '@majlis/queue';
import { CLOSING_SOON_MS } from '../notifications/notification-rules';
import type { OutboxMessage } from '../workflows/outbox-message.entity';
import { Ballot } from './ballot.entity';

export const ballotCloseJobId = (ballotId: string): string => `ballot-close-${ballotId}`;
export const ballotReminderJobId = (ballotId: string): string => `ballot-remind-${ballotId}`;

/**
 * A ballot's timers: when it opens, a delayed job closes it at its deadline and another records the
 * "closing soon" reminder a day before. Both are queued from the `ballot.opened` outbox message, after
 * the opening committed; both re-check the ballot when they fire, so a repeat or a stale job is harmless.
 */
@Injectable()
export class BallotDeadlines {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  /** The side effects of a ballot event beyond telling people; the same event may come twice. */
  async onEvent(message: Pick<OutboxMessage, 'topic' | 'payload'>, now = new Date()): Promise<void> {
    const ballotId = message.payload.ballotId;
    if (typeof ballotId !== 'string') return;
    if (message.topic === 'ballot.opened') await this.schedule(ballotId, now);
    if (message.topic === 'ballot.closed') await this.forget(ballotId);
  }

  /**
   * The reminder job: records `ballot.closingSoon` once per ballot (a unique key on the outbox row), while
   * it is still open and its deadline is within a day.
   */
  async remindClosing(ballotId: string, now = new Date()): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO outbox_message (topic, payload, dedupe_key)
       SELECT 'ballot.closingSoon', jsonb_build_object('ballotId', ballot.id, 'proposalId', ballot.proposal_id,
              'closesAt', ballot.closes_at), 'ballot.closingSoon/' || ballot.id
         FROM ballot
        WHERE ballot.id = $1 AND ballot.state = 'open' AND ballot.closes_at > $2
          AND ballot.closes_at <= $2::timestamptz + make_interval(secs => $3)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [ballotId, now, CLOSING_SOON_MS / 1000],
    );
    return inserted.length > 0;
  }

  private async schedule(ballotId: string, now: Date): Promise<void> {
    const ballot = await this.dataSource.manager.findOneBy(Ballot, { id: ballotId });
    if (ballot === null || ballot.state !== 'open' || ballot.closesAt === null) return;
    const closesIn = Math.max(0, ballot.closesAt.getTime() - now.getTime());
    await this.jobs.add('ballots', 'closeDue', { ballotId }, { jobId: ballotCloseJobId(ballotId), delay: closesIn });
    // A ballot open for less than a day has just been announced: no "closing soon" on top of that.
    if (closesIn > CLOSING_SOON_MS)
      await this.jobs.add(
        'ballots',
        'remindClosing',
        { ballotId },
        { jobId: ballotReminderJobId(ballotId), delay: closesIn - CLOSING_SOON_MS },
      );
  }

  private async forget(ballotId: string): Promise<void> {
    // The jobs would find the ballot closed and do nothing; removing them only saves the wake-ups.
    const queue = this.jobs.queue('ballots');
    await Promise.all(
      [ballotCloseJobId(ballotId), ballotReminderJobId(ballotId)].map((id) => queue.remove(id).catch(() => 0)),
    );
  }
}
