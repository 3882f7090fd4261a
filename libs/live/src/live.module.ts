import { DynamicModule, Global, Module } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { LiveUpdates } from './live-updates';
import { LIVE_PREFIX, LIVE_PUBSUB, PubSubLiveUpdates } from './pubsub-live-updates';

/**
 * The adapter behind the LiveUpdates port, which each application provides (API, worker, the embedded
 * API): through Redis when there is one, else within this process.
 */
@Global()
@Module({})
export class LiveModule {
  static forRoot(options: { redisUrl: string | undefined; prefix: string }): DynamicModule {
    return {
      module: LiveModule,
      providers: [
        {
          provide: LIVE_PUBSUB,
          useFactory: () =>
            options.redisUrl === undefined
              ? new PubSub()
              : new RedisPubSub({
                  // Fails at once while Redis is away: a live update is best effort, and a mutation must
                  // not wait for Redis to come back.
                  publisher: new Redis(options.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false }),
                  subscriber: new Redis(options.redisUrl, { maxRetriesPerRequest: null }),
                }),
        },
        { provide: LIVE_PREFIX, useValue: options.prefix },
        { provide: LiveUpdates, useClass: PubSubLiveUpdates },
      ],
      exports: [LiveUpdates],
    };
  }
}
