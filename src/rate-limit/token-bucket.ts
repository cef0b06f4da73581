import type { Bucket } from './limits';

export type Take = { allowed: boolean; remaining: number; retryAfterMs: number };

/** Where buckets live: this process's memory, or Redis for every process that shares it. */
export interface BucketStore {
  /** Takes `cost` tokens from the bucket `key` if it holds them; a refusal takes nothing. */
  take(key: string, bucket: Bucket, cost: number): Promise<Take>;
  close(): Promise<void>;
}

type State = { tokens: number; at: number };

/** The refill and take of one bucket, shared by the memory store and (as Lua) the Redis one. */
export function refillAndTake(state: State | undefined, bucket: Bucket, cost: number, now: number): { state: State; take: Take } {
  const perMs = bucket.capacity / bucket.periodMs;
  const tokens = state ? Math.min(bucket.capacity, state.tokens + Math.max(0, now - state.at) * perMs) : bucket.capacity;
  if (tokens >= cost) return { state: { tokens: tokens - cost, at: now }, take: { allowed: true, remaining: Math.floor(tokens - cost), retryAfterMs: 0 } };
  return { state: { tokens, at: now }, take: { allowed: false, remaining: Math.floor(tokens), retryAfterMs: Math.ceil((cost - tokens) / perMs) } };
}

/**
 * Buckets in this process. Keys are kept in least-recently-used order and the oldest dropped past
 * `maxKeys`, so callers that rotate addresses cannot grow the process's memory; a dropped key
 * comes back with a full bucket, which only the least active callers can get.
 */
export class MemoryBucketStore implements BucketStore {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly maxKeys = 100_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async take(key: string, bucket: Bucket, cost: number): Promise<Take> {
    const { state, take } = refillAndTake(this.states.get(key), bucket, cost, this.clock());
    this.states.delete(key);
    this.states.set(key, state);
    if (this.states.size > this.maxKeys) this.states.delete(this.states.keys().next().value!);
    return take;
  }

  get size(): number {
    return this.states.size;
  }

  async close(): Promise<void> {
    this.states.clear();
  }
}
