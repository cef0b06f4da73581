import { HouseholdFactory } from './households';
import { demoApiKeys, demoOrganisations, demoPairings } from './organisations';
import { Random } from './random';
import { planRegions, type VillagePlan } from './regions';
import type { ApiKeyRow, HouseholdBatch, OrganisationRow, PairingRow, RegionRow } from './rows';

/** The day the CPPCC plan of seed 003 was published; any fixed number would do. */
export const DEFAULT_SEED = 20180326;

export type DemoPlanOptions = { households: number; seed: number; demoKeys: boolean };

/** Everything a data set holds; households come in batches so that a large set never sits in memory. */
export type DemoPlan = {
  regions: RegionRow[];
  villageCount: number;
  organisations: OrganisationRow[];
  apiKeys: ApiKeyRow[];
  pairings: PairingRow[];
  /** Each call starts over and yields the same batches. */
  householdBatches(batchSize: number): Generator<HouseholdBatch>;
};

const REGION_STREAM = 0;
const HOUSEHOLD_STREAM = 1;

/** Pure: the same options always give the same rows. */
export function planDemoData(options: DemoPlanOptions): DemoPlan {
  const { rows, villages } = planRegions(Random.stream(options.seed, REGION_STREAM), options.households);
  return {
    regions: rows,
    villageCount: villages.length,
    organisations: demoOrganisations(),
    apiKeys: options.demoKeys ? demoApiKeys() : [],
    pairings: demoPairings(rows),
    householdBatches: (batchSize) => householdBatches(options.seed, villages, batchSize),
  };
}

/** Households are numbered 1…N village by village; ids are explicit so that every run gives the same ones. */
function* householdBatches(seed: number, villages: readonly VillagePlan[], batchSize: number): Generator<HouseholdBatch> {
  const factory = new HouseholdFactory(Random.stream(seed, HOUSEHOLD_STREAM));
  let batch: HouseholdBatch = { households: [], members: [] };
  let id = 0;
  for (const village of villages) {
    for (let sequence = 1; sequence <= village.households; sequence++) {
      const { household, members } = factory.make(++id, village, sequence);
      batch.households.push(household);
      batch.members.push(...members);
      if (batch.households.length === batchSize) {
        yield batch;
        batch = { households: [], members: [] };
      }
    }
  }
  if (batch.households.length > 0) yield batch;
}
