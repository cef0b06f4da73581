import { perMinute } from './limits';
import { MemoryBucketStore, refillAndTake } from './token-bucket';

describe('token bucket', () => {
  const bucket = perMinute(60);

  it('starts full, refuses what it does not hold without taking it, and refills evenly', () => {
    const full = refillAndTake(undefined, bucket, 60, 0);
    expect(full.take).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    const refused = refillAndTake(full.state, bucket, 2, 500);
    expect(refused.take).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1500 });
    expect(refused.state.tokens).toBeCloseTo(0.5);
    expect(refillAndTake(refused.state, bucket, 2, 2000).take.allowed).toBe(true);
  });

  it('never holds more than its capacity, however long it waited', () => {
    const { state } = refillAndTake(undefined, bucket, 1, 0);
    expect(refillAndTake(state, bucket, 61, 3_600_000).take.allowed).toBe(false);
    expect(refillAndTake(state, bucket, 60, 3_600_000).take.allowed).toBe(true);
  });

  it('keeps at most maxKeys buckets in memory, dropping the least recently used', async () => {
    let now = 0;
    const store = new MemoryBucketStore(3, () => now);
    for (const key of ['a', 'b', 'c']) await store.take(key, bucket, 60);
    await store.take('a', bucket, 0);
    await store.take('d', bucket, 60);
    expect(store.size).toBe(3);
    // 'b' was dropped and comes back full; 'a' was used lately and is still empty.
    now = 1;
    expect((await store.take('b', bucket, 60)).allowed).toBe(true);
    expect((await store.take('a', bucket, 1)).allowed).toBe(false);
  });
});
