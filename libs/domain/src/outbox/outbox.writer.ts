import { Injectable } from '@nestjs/common';
import { managerOf, type Transaction } from '@majlis/persistence';
import type { EventPayload, Topic } from './event.contract';
import { OutboxMessage, OutboxPayload } from './outbox-message.entity';

/** Work that belongs to the change itself: runs in the writer's transaction, so its failure undoes the change. */
export type EventReaction<T extends Topic> = (tx: Transaction, payload: EventPayload<T>) => Promise<void>;

type AnyReaction = (tx: Transaction, payload: OutboxPayload) => Promise<void>;

/**
 * The one writer of outbox rows: an event, typed by the contract, recorded in the caller's transaction.
 * Features may react to an event inside that transaction (follow-up opens a plan on `proposal.approved`);
 * everything else happens after the commit, from the dispatched row.
 */
@Injectable()
export class OutboxWriter {
  private readonly reactions = new Map<Topic, AnyReaction[]>();

  /**
   * Records the event; with a `dedupeKey` only once (a second event with the key is ignored). Returns
   * the new row's id, or null when the key had been used; reactions run only for a new row.
   */
  write<T extends Topic>(tx: Transaction, topic: T, payload: EventPayload<T>): Promise<string>;
  write<T extends Topic>(
    tx: Transaction,
    topic: T,
    payload: EventPayload<T>,
    options: { dedupeKey?: string },
  ): Promise<string | null>;
  async write<T extends Topic>(
    tx: Transaction,
    topic: T,
    payload: EventPayload<T>,
    options: { dedupeKey?: string } = {},
  ): Promise<string | null> {
    const stored = payload as OutboxPayload;
    const result = await managerOf(tx)
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ topic, payload: stored, dedupeKey: options.dedupeKey ?? null })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [row] = result.raw as Array<{ id: string }>;
    if (row === undefined) return null;
    for (const reaction of this.reactions.get(topic) ?? []) await reaction(tx, stored);
    return row.id;
  }

  /** Runs `reaction` inside the transaction of every `topic` event written from now on. */
  react<T extends Topic>(topic: T, reaction: EventReaction<T>): void {
    this.reactions.set(topic, [...(this.reactions.get(topic) ?? []), reaction as AnyReaction]);
  }
}
