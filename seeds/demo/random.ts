// The tsconfig resolves modules the node10 way, which ignores package "exports"; pure-rand v8 publishes
// its typings only through "exports", so the types are reached with resolution-mode and the code with require.
type XoroshiroModule = typeof import('pure-rand/generator/xoroshiro128plus', { with: { 'resolution-mode': 'require' } });
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as XoroshiroModule;

type Generator = ReturnType<XoroshiroModule['xoroshiro128plus']>;

/** Values with relative weights, prepared once so that a draw is a short scan. */
export class Distribution<T> {
  private readonly values: readonly T[];
  private readonly cumulative: readonly number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    let total = 0;
    this.values = entries.map(([value]) => value);
    this.cumulative = entries.map(([, weight]) => (total += weight));
  }

  /** Maps a uniform number in [0, 1) to a value. */
  at(unit: number): T {
    const target = unit * this.cumulative[this.cumulative.length - 1];
    const index = this.cumulative.findIndex((bound) => target < bound);
    return this.values[index === -1 ? this.values.length - 1 : index];
  }
}

/** A seeded, mutable random source: the same seed and stream always give the same sequence. */
export class Random {
  private constructor(private readonly generator: Generator) {}

  /**
   * Stream `index` of a seed. Streams are 2^64 steps apart (xoroshiro128+ jumps), so the regions and
   * the households draw independently and a change in one does not shift the other.
   */
  static stream(seed: number, index: number): Random {
    const generator = xoroshiro128plus(seed);
    for (let i = 0; i < index; i++) generator.jump();
    return new Random(generator);
  }

  /** Uniform in [0, 1). 32 bits are plenty for demo data and keep a draw to one step of the generator. */
  float(): number {
    return (this.generator.next() >>> 0) / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  draw<T>(distribution: Distribution<T>): T {
    return distribution.at(this.float());
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}
