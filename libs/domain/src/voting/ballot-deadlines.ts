import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@majlis/persistence';
import { JobProducer } from '@majlis/queue';
import { OutboxWriter, TOPICS } from '../outbox';
import { BallotRepository } from './ballot.repository';

export const ballotCloseJobId = (ballotId: string): string => `ballot-close-${ballotId}`;
export const ballotReminderJobId = (ballotId: string): string => `ballot-remind-${ballotId}`;

/** How long before a ballot's deadline the members yet to vote are reminded. */
export const CLOSING_SOON_MS = 24 * 60 * 60 * 1000;

/**
 * A ballot's timers: when it opens, a delayed job closes it at its deadline and another records the
 * "closing soon" reminder a day before. Both are queued from the `ballot.opened` event once it is
 * committed (BallotEvents registers this); both re-check the ballot when they fire, so a repeat or a
 * stale job is harmless.
 */
@Injectable()
export class BallotDeadlines {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ballots: BallotRepository,
    private readonly jobs: JobProducer,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The reminder job: records `ballot.closingSoon` once per ballot (a unique key on the outbox row), while
   * it is still open and its deadline is within a day.
   */
  remindClosing(ballotId: string, now = new Date()): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      // The deadline as PostgreSQL writes it to JSON: the event reads as it always did.
      const due = await this.ballots.closingSoon(tx, ballotId, now, CLOSING_SOON_MS);
      if (due === null) return false;
      const id = await this.outbox.write(
        tx,
        TOPICS.ballotClosingSoon,
        { ballotId, proposalId: due.proposalId, closesAt: due.closesAt },
        { dedupeKey: `${TOPICS.ballotClosingSoon}/${ballotId}` },
      );
      return id !== null;
    });
  }

  /** Queues the ballot's deadline and reminder jobs, if it is still open; the same ballot may come twice. */
  async schedule(ballotId: string, now = new Date()): Promise<void> {
    const ballot = await this.ballots.findById(ballotId);
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

  /** Drops the ballot's timers once it is closed or cancelled. */
  async forget(ballotId: string): Promise<void> {
    // The jobs would find the ballot closed and do nothing; removing them only saves the wake-ups.
    const queue = this.jobs.queue('ballots');
    await Promise.all(
      [ballotCloseJobId(ballotId), ballotReminderJobId(ballotId)].map((id) => queue.remove(id).catch(() => 0)),
    );
  }
}
