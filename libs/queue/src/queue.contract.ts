import type { Job } from 'bullmq';

/**
 * Every queue, the jobs it carries and each job's payload: the one contract between producers and
 * processors. A job added here without a handler stops the worker at start.
 */
export interface QueueContract {
  system: {
    /** Proves that processors run: the handler records which worker processed it and when. */
    heartbeat: Record<string, never>;
    /** Repeatable: takes BOARD_MEMBER from holders whose board terms have all ended (a term ends on a day). */
    applySeatTerms: Record<string, never>;
  };
  ballots: {
    /** At a ballot's deadline: closes it if it is still open (harmless when it is not). */
    closeDue: { ballotId: string };
    /** A day before the deadline: records the "closing soon" event once, if the ballot is still open. */
    remindClosing: { ballotId: string };
  };
  events: {
    /** One committed outbox message (job id = its id): work out who hears of it, record and queue the deliveries. */
    dispatch: { outboxId: string };
  };
  followup: {
    /** Repeatable: records the due-soon, overdue and escalation reminders of open action items, once each. */
    scanDueDates: Record<string, never>;
  };
  notifications: {
    /** Sends one e-mail or webhook call (job id = `<delivery id>-<round>`); retried with backoff. */
    deliver: { deliveryId: string };
    /** At the digest hour in one time zone: gathers each person's waiting e-mails into one. */
    digest: { timeZone: string };
  };
}

export type QueueName = keyof QueueContract;
export type JobName<Q extends QueueName> = keyof QueueContract[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = QueueContract[Q][J];

/** The contract's names at run time; the type makes leaving one out a compile error. */
export const JOB_NAMES: { [Q in QueueName]: { [J in JobName<Q>]: true } } = {
  system: { heartbeat: true, applySeatTerms: true },
  ballots: { closeDue: true, remindClosing: true },
  events: { dispatch: true },
  followup: { scanDueDates: true },
  notifications: { deliver: true, digest: true },
};

export const QUEUE_NAMES = Object.keys(JOB_NAMES) as QueueName[];

/** One function per job of queue `Q`, each given its typed payload. */
export type JobHandlers<Q extends QueueName> = {
  [J in JobName<Q>]: (payload: JobPayload<Q, J>, job: Job<JobPayload<Q, J>, unknown, J>) => Promise<unknown>;
};
