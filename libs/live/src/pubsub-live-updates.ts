import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { LiveTopic, LiveTopics, LiveUpdates } from './live-updates';

export const LIVE_PUBSUB = Symbol('LIVE_PUBSUB');
export const LIVE_PREFIX = Symbol('LIVE_PREFIX');

/** Live updates over a PubSub engine: in server mode through Redis, so every API process hears every change. */
@Injectable()
export class PubSubLiveUpdates extends LiveUpdates implements OnModuleDestroy {
  private readonly logger = new Logger(LiveUpdates.name);

  constructor(
    @Inject(LIVE_PUBSUB) private readonly pubsub: PubSubEngine & { close?: () => Promise<unknown> },
    @Inject(LIVE_PREFIX) private readonly prefix: string,
  ) {
    super();
  }

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
