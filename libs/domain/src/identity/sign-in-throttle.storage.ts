import { createHash } from 'node:crypto';
import type { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';

/**
 * @nestjs/throttler's storage contract, plus the one read a sign-in needs before it checks a password: how
 * long the slowest of some keys must still wait. `ttl` and `blockDuration` are in milliseconds; the
 * record's times in seconds, as the contract has them.
 */
export interface SignInThrottleStorage extends ThrottlerStorage {
  /** Seconds until every one of these keys may try again; 0 when none is blocked. */
  blockedFor(keys: readonly ThrottledKey[]): Promise<number>;
}

export interface ThrottledKey {
  key: string;
  throttlerName: string;
}

/** Keys are hashed, so neither e-mail addresses nor IP addresses are kept in the store. */
export const hashedKey = (throttlerName: string, key: string): string =>
  `${throttlerName}:${createHash('sha256').update(key).digest('base64url')}`;

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/** In PostgreSQL (the `sign_in_attempt` table): one statement per failure, one per check. */
export class PostgresSignInThrottleStorage implements SignInThrottleStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // A window that has run out (and no block still running) starts over at one failure.
    const rows: Array<{ hits: number; expires_in: string; blocked_in: string | null }> = await this.dataSource.query(
      `INSERT INTO sign_in_attempt AS a (key, hits, expires_at, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond',
               CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN a.expires_at <= now() AND (a.blocked_until IS NULL OR a.blocked_until <= now()) THEN 1
                     ELSE a.hits + 1 END,
         expires_at = CASE WHEN a.expires_at <= now() THEN now() + $2 * interval '1 millisecond' ELSE a.expires_at END,
         blocked_until = CASE
           WHEN a.blocked_until > now() THEN a.blocked_until
           WHEN (CASE WHEN a.expires_at <= now() THEN 1 ELSE a.hits + 1 END) > $3
             THEN now() + $4 * interval '1 millisecond'
           ELSE NULL END
       RETURNING hits,
         (extract(epoch FROM expires_at - now()) * 1000)::text AS expires_in,
         (extract(epoch FROM blocked_until - now()) * 1000)::text AS blocked_in`,
      [hashedKey(throttlerName, key), ttl, limit, blockDuration],
    );
    const row = rows[0];
    const blockedMs = row.blocked_in === null ? 0 : Number(row.blocked_in);
    return {
      totalHits: row.hits,
      timeToExpire: seconds(Number(row.expires_in)),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: seconds(blockedMs),
    };
  }

  async blockedFor(keys: readonly ThrottledKey[]): Promise<number> {
    const rows: Array<{ wait: string | null }> = await this.dataSource.query(
      `SELECT (extract(epoch FROM max(blocked_until) - now()) * 1000)::text AS wait
         FROM sign_in_attempt WHERE key = ANY($1) AND blocked_until > now()`,
      [keys.map(({ key, throttlerName }) => hashedKey(throttlerName, key))],
    );
    return rows[0]?.wait == null ? 0 : seconds(Number(rows[0].wait));
  }
}

// KEYS[1] the failures of the window, KEYS[2] the block; ARGV ttl, limit, blockDuration (ms).
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
  redis.call('DEL', KEYS[1])
end
return {hits, ttl, blocked}`;

/** In Redis, shared by every API process: a counter with the window as its expiry, and a block key. */
export class RedisSignInThrottleStorage implements SignInThrottleStorage, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // Fails at once while Redis is away (the throttle then lets sign-ins through rather than refusing all).
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.redis.on('error', () => undefined);
  }

  private keyOf(hashed: string): string {
    return `${this.prefix}:signin:${hashed}`;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = this.keyOf(hashedKey(throttlerName, key));
    const [hits, ttlMs, blockedMs] = (await this.redis.eval(
      INCREMENT,
      2,
      `${base}:hits`,
      `${base}:block`,
      ttl,
      limit,
      blockDuration,
    )) as [number, number, number];
    return {
      totalHits: hits,
      timeToExpire: seconds(ttlMs),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: seconds(blockedMs),
    };
  }

  async blockedFor(keys: readonly ThrottledKey[]): Promise<number> {
    if (keys.length === 0) return 0;
    const waits = await Promise.all(
      keys.map(({ key, throttlerName }) => this.redis.pttl(`${this.keyOf(hashedKey(throttlerName, key))}:block`)),
    );
    return seconds(Math.max(0, ...waits));
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export const SIGN_IN_THROTTLE_STORAGE = Symbol('SIGN_IN_THROTTLE_STORAGE');
