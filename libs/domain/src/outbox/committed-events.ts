import { Injectable } from '@nestjs/common';
import { isTopic, type StoredPayload, type Topic } from './event.contract';
import type { OutboxMessage, OutboxPayload } from './outbox-message.entity';

/** A side effect of a committed event beyond telling people (a ballot's timers); may run twice for one event. */
export type CommittedEventHandler<T extends Topic> = (payload: StoredPayload<T>) => Promise<void>;

type AnyHandler = (payload: OutboxPayload) => Promise<void>;

/**
 * The side effects features attach to events, run by the dispatch job after the event's transaction
 * committed; the dispatcher knows no feature, only this registry.
 */
@Injectable()
export class CommittedEvents {
  private readonly handlers = new Map<Topic, AnyHandler[]>();

  on<T extends Topic>(topic: T, handler: CommittedEventHandler<T>): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler as unknown as AnyHandler]);
  }

  /** Runs the handlers of the message's topic, one after another; a topic nobody handles does nothing. */
  async run(message: Pick<OutboxMessage, 'topic' | 'payload'>): Promise<void> {
    if (!isTopic(message.topic)) return;
    for (const handler of this.handlers.get(message.topic) ?? []) await handler(message.payload);
  }
}
