import { DEFAULT_SEED, planDemoData } from './generator';

/** 农业户籍人口 of the demo villages: plausible against the demo's own registered households. */
describe('agricultural population of demo villages', () => {
  const plan = planDemoData({ households: 3_000, seed: DEFAULT_SEED, demoKeys: false });
  const registered = new Map<string, number>();
  for (const batch of plan.householdBatches(5_000)) {
    const villageOf = new Map(batch.households.map((h) => [h.id, h.villageCode]));
    for (const member of batch.members) {
      const code = villageOf.get(member.householdId)!;
      registered.set(code, (registered.get(code) ?? 0) + 1);
    }
  }
  const villages = plan.regions.filter((r) => r.village);

  it('is set, positive and whole for every village, and for nothing else', () => {
    for (const v of villages) expect(Number.isInteger(v.village!.agriculturalPopulation) && v.village!.agriculturalPopulation! > 0).toBe(true);
    expect(plan.regions.filter((r) => !r.village).every((r) => r.village === null)).toBe(true);
  });

  it('holds the registered population at typically 5–30 % of it', () => {
    const shares = villages.filter((v) => registered.has(v.code)).map((v) => registered.get(v.code)! / v.village!.agriculturalPopulation!);
    shares.sort((a, b) => a - b);
    const median = shares[Math.floor(shares.length / 2)];
    expect(median).toBeGreaterThan(0.1);
    expect(median).toBeLessThan(0.25);
    expect(shares.filter((s) => s >= 0.04 && s <= 0.4).length / shares.length).toBeGreaterThan(0.95);
  });

  it('is the same for the same seed', () => {
    const again = planDemoData({ households: 3_000, seed: DEFAULT_SEED, demoKeys: false });
    expect(again.regions.map((r) => r.village?.agriculturalPopulation ?? null)).toEqual(plan.regions.map((r) => r.village?.agriculturalPopulation ?? null));
  });
});
