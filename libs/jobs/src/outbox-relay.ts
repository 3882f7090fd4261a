import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Environment, InjectEnvironment } from '@majlis/config';
import { JobProducer } from '@majlis/queue';
import { deliveryJobId, DeliveryRepository, dispatchJob, OutboxRepository } from '@majlis/domain';

const BATCH = 200;
const SWEEP_BATCH = 1_000;
const IDLE_POLL_MS = 100;
/** How long a call to the queue may take before the relay gives up and tries again later. */
const QUEUE_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * Moves committed outbox messages to the `events` queue, the message id as the job id. A batch is
 * claimed (`FOR UPDATE SKIP LOCKED`, so several relays share the work) and marked relayed, then added;
 * if the queue cannot be reached the claim is undone and the relay backs off, so a transition never
 * waits for Redis. The claim and the add are not one transaction on purpose: in embedded mode the queue
 * lives in the same single-session database, and a transaction held open across the add would wait on
 * itself. A crash between the two leaves messages marked relayed but never queued: the sweeper finds
 * every message relayed longer ago than MAJLIS_OUTBOX_SWEEP_AFTER_MS and not yet completed, and relays
 * it again; the queue is not the record of truth, the outbox is. The sweeper leaves a message whose
 * work is still queued (see `sweep`).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private failingSince: Date | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly deliveries: DeliveryRepository,
    @InjectEnvironment() private readonly environment: Environment,
    private readonly jobs: JobProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops at the first shutdown step, before the queue workers and the database close: a relay still
   * polling then waits on a database that is closing (on the embedded one, for ever).
   */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Relays one batch; returns how many messages it moved. */
  async relayBatch(): Promise<number> {
    const ids = await this.outbox.claimUnrelayed(BATCH);
    if (ids.length === 0) return 0;
    try {
      await withTimeout(
        this.jobs.queue('events').addBulk(ids.map((id) => dispatchJob(id))),
        QUEUE_TIMEOUT_MS,
        'adding to the events queue',
      );
    } catch (error) {
      await this.outbox.release(ids);
      throw error;
    }
    return ids.length;
  }

  /**
   * Sends back to the relay every message relayed long ago, not completed, and whose work the queue no
   * longer holds (lost with a relay that crashed before adding it, or with a Redis that restarted empty):
   * not yet dispatched and no dispatch job queued, or dispatched and a pending delivery without its job,
   * or dispatched with nothing pending yet never marked complete. Returns how many.
   *
   * A message whose jobs are all queued is only waiting its turn behind others, however long ago it was
   * relayed. Relaying it again would dispatch it once more for nothing; under a backlog longer than
   * MAJLIS_OUTBOX_SWEEP_AFTER_MS every sweep did, for every message in it, and the backlog grew with it.
   */
  async sweep(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.environment.outboxSweepAfterMs);
    const overdue = await this.outbox.incompleteRelayedBefore(before, SWEEP_BATCH);
    // Nothing overdue, the usual case: the queues are not read at all.
    if (overdue.length === 0) return 0;
    const pending = await this.deliveries.pendingOfEach(
      overdue.filter((message) => message.dispatched).map((message) => message.id),
    );
    // Read after the rows: a delivery sent in between looks lost, and its message is dispatched once more
    // for nothing (the dispatcher finds nothing left to send). Nothing lost can look queued.
    const [events, deliveries] = await withTimeout(
      Promise.all([this.jobs.unfinished('events'), this.jobs.unfinished('notifications')]),
      QUEUE_TIMEOUT_MS,
      'reading the queues',
    );
    const lost = overdue.filter((message) => {
      if (!message.dispatched) return !events.has(message.id);
      const waiting = pending.get(message.id) ?? [];
      return waiting.length === 0 || waiting.some((delivery) => !deliveries.has(deliveryJobId(delivery)));
    });
    const swept = await this.outbox.releaseIncompleteRelayedBefore(
      lost.map((message) => message.id),
      before,
    );
    if (swept > 0) this.logger.warn({ swept }, 'outbox messages relayed again: the queue had lost their work');
    return swept;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    let nextSweep = Date.now() + this.sweepEvery();
    while (this.running) {
      let moved = 0;
      try {
        if (Date.now() >= nextSweep) {
          await this.sweep();
          nextSweep = Date.now() + this.sweepEvery();
        }
        moved = await this.relayBatch();
        if (this.failingSince !== null) {
          this.logger.log({ since: this.failingSince }, 'outbox relay works again');
          this.failingSince = null;
        }
        backoff = 0;
      } catch (error) {
        if (!this.running) break;
        if (this.failingSince === null) {
          this.failingSince = new Date();
          this.logger.warn({ err: error }, 'outbox relay cannot reach the queue or the database; retrying');
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff === 0 ? 250 : backoff * 2);
      }
      if (moved < BATCH) await this.pause(backoff > 0 ? backoff : IDLE_POLL_MS);
    }
  }

  private sweepEvery(): number {
    return Math.min(30_000, Math.max(100, Math.floor(this.environment.outboxSweepAfterMs / 2)));
  }

  private async pause(ms: number): Promise<void> {
    const controller = new AbortController();
    this.wake = () => controller.abort();
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
    this.wake = null;
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const controller = new AbortController();
  try {
    return await Promise.race([
      work,
      sleep(ms, undefined, { signal: controller.signal }).then(() => {
        throw new Error(`${what} took longer than ${ms} ms`);
      }),
    ]);
  } finally {
    controller.abort();
  }
}
