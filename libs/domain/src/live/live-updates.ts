import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

export const LIVE_PUBSUB = Symbol('LIVE_PUBSUB');
export const LIVE_PREFIX = Symbol('LIVE_PREFIX');

/** What changed; subscribers reload what they may see of it. */
export interface LiveTopics {
  ballotUpdated: { id: string };
  proposalUpdated: { id: string };
  /** A new in-app notification; only its recipient's subscription passes it on. */
  notificationAdded: { id: string; recipientId: string };
  /** Every session of this person ended (deactivated, password reset): their sockets close. */
  sessionsEnded: { personId: string };
}
export type LiveTopic = keyof LiveTopics;

/**
 * Tells subscribers that something changed, after the change has committed. Payloads carry ids only:
 * each subscriber's view is read for that subscriber, so a secret ballot leaks nothing through here.
 * In server mode the messages go through Redis, so every API process hears every change.
 */
@Injectable()
export class LiveUpdates implements OnModuleDestroy {
  private readonly logger = new Logger(LiveUpdates.name);

  constructor(
    @Inject(LIVE_PUBSUB) private readonly pubsub: PubSubEngine & { close?: () => Promise<unknown> },
    @Inject(LIVE_PREFIX) private readonly prefix: string,
  ) {}

  /** Best effort: a lost live update costs a refresh, never the change itself. */
  async publish<T extends LiveTopic>(topic: T, payload: LiveTopics[T]): Promise<void> {
    try {
      await this.pubsub.publish(this.channel(topic), payload);
    } catch (error) {
      this.logger.warn({ err: error, topic }, 'could not publish a live update');
    }
  }

  iterator<T extends LiveTopic>(topic: T): AsyncIterableIterator<LiveTopics[T]> {
    return this.pubsub.asyncIterableIterator<LiveTopics[T]>(this.channel(topic));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pubsub.close?.();
  }

  private channel(topic: LiveTopic): string {
    return `${this.prefix}:live:${topic}`;
  }
}
