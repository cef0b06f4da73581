import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { Bucket } from './limits';
import { MemoryBucketStore, type BucketStore, type Take } from './token-bucket';

/**
 * refillAndTake in Lua, run atomically by Redis on its own clock, so that processes on hosts
 * whose clocks differ still share one bucket. Tokens are kept as text: Lua numbers come back
 * from Redis truncated to integers.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = capacity / tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if saved[1] then tokens = math.min(capacity, tonumber(saved[1]) + math.max(0, now - tonumber(saved[2])) * per_ms) end
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.ceil((cost - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return {allowed, math.floor(tokens), retry}
`;

type WithTake = Redis & { takeTokens(key: string, capacity: number, periodMs: number, cost: number): Promise<[number, number, number]> };

/** A Redis command that has not answered in this time counts as Redis being down. */
const COMMAND_TIMEOUT_MS = 250;

/**
 * Buckets in Redis, shared by every API process pointed at it. While Redis is unreachable each
 * process falls back to buckets of its own (fail open, still limited): an outage of an optional
 * cache must not stop the registry, and a caller then gets at most one budget per process.
 */
export class RedisBucketStore implements BucketStore {
  private readonly redis: WithTake;
  private readonly fallback = new MemoryBucketStore();
  private degraded = false;

  constructor(
    url: string,
    private readonly keyPrefix: string,
    private readonly log: Logger,
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    }) as WithTake;
    this.redis.defineCommand('takeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    // Without a listener ioredis reports each failed reconnection as an unhandled error event.
    this.redis.on('error', (err) => this.markDegraded(err));
  }

  async take(key: string, bucket: Bucket, cost: number): Promise<Take> {
    try {
      const [allowed, remaining, retryAfterMs] = await this.redis.takeTokens(this.keyPrefix + key, bucket.capacity, bucket.periodMs, cost);
      if (this.degraded) {
        this.degraded = false;
        this.log.info('Redis answers again: rate limits are shared between processes');
      }
      return { allowed: allowed === 1, remaining, retryAfterMs };
    } catch (err) {
      this.markDegraded(err);
      return this.fallback.take(key, bucket, cost);
    }
  }

  private markDegraded(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.log.warn({ err }, 'Redis is unreachable: rate limits fall back to this process’s memory until it answers');
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }
}
