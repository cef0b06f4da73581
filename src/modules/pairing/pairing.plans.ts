import { definePlans } from '../../../test/module-plans';

/** The main reads of pairings and visits, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['a backing unit’s households, their pairings and visits', 'demo-backing-unit', () => `{ households(first: 50) { totalCount edges { node { number members { name relation } cadrePairings { since cadre { name } visits { date } } } } } }`],
    ['全覆盖: households without a cadre (poverty office)', 'demo-poverty-office', () => `{ uncoveredHouseholds(first: 50) { totalCount edges { cursor node { number } } } }`],
    ['全覆盖 of a township (auditor)', 'demo-auditor', (l) => `{ uncoveredHouseholds(first: 50, regionCode: "${l.township}") { totalCount edges { node { number } } } }`],
    ['每月走访: pairings without a visit in the last month', 'demo-poverty-office', () => `{ pairingsWithoutRecentVisit(first: 50) { totalCount edges { cursor node { since cadre { name } household { number } visits { date } } } } }`],
    ['work teams whose unit head has not come this quarter', 'demo-poverty-office', () => `{ workTeamsWithoutUnitHeadVisit(first: 50) { totalCount edges { node { since village { name } firstSecretary { name } } } } }`],
    ['cadres over the pairing limit', 'demo-auditor', () => `{ cadresOverLimit(first: 50, regionCode: "430923") { totalCount edges { node { name activePairings } } } }`],
  ],
  tables: ['organisation_pairing', 'cadre', 'cadre_pairing', 'pairing_visit', 'work_team'],
  ranges: [['organisation_pairing', 'village_code'], ['cadre_pairing', 'village_code'], ['pairing_visit', 'village_code']],
});
