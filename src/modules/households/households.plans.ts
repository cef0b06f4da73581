import { definePlans } from '../../../test/module-plans';

/** The main reads of the registry, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    [
      'households of villages, with members',
      'demo-poverty-office',
      () => `{ villages(first: 3) { edges { node { code households(first: 50) { totalCount edges { node { number status head { name } members { name idNumber birthDate } } } } } } } }`,
    ],
    ['village by code, its households', 'demo-poverty-office', (l) => `{ village(code: "${l.village}") { name households(first: 50) { edges { node { number members { name } } } } } }`],
    [
      'household detail',
      'demo-poverty-office',
      (l) => `{ household(id: "${l.householdId}") { number village { name } members { name idNumber relation } head { name } statusHistory { toStatus } identification { excludedBy } } }`,
    ],
    // Compiled to one statement (src/sql-read): its plan is the compiled statement's.
    ['households list (bank): its borrowers', 'demo-finance', () => `{ households(first: 100) { edges { node { number members { name idNumber } } } } }`],
    ['households list (bank) and their count', 'demo-finance', () => `{ households(first: 100) { totalCount edges { node { number members { name idNumber } } } } }`],
    ['households of a township (bank): its borrowers', 'demo-finance', (l) => `{ households(first: 50, filter: { regionCode: "${l.township}" }) { totalCount edges { node { number head { name } } } } }`],
    ['households list (employment bureau): members of working age', 'demo-employment', () => `{ households(first: 50) { totalCount edges { node { number members { name labourCapacity employment } } } } }`],
    [
      'households list with filters',
      'demo-poverty-office',
      (l) => `{ households(first: 50, filter: { regionCode: "${l.township}", status: [NOT_EXITED, EXITED], category: [GENERAL] }) { totalCount edges { node { number } } } }`,
    ],
    ['households by priority', 'demo-poverty-office', () => `{ households(first: 50, orderBy: PRIORITY) { edges { node { number priorityScore } } } }`],
    ['member by ID number', 'demo-health', (l) => `{ member(idNumber: "${l.idNumber}", purpose: "query plan test") { name household { number village { name } } } }`],
    ['assurance, its schooling, insurance and housing from partners’ records', 'demo-poverty-office', (l) => `{ household(id: "${l.householdId}") { assurance(year: 2026) { items { item verdict evidence { source } } } } }`],
  ],
  tables: ['household', 'member', 'household_status_change', 'household_identification'],
  ranges: [['household', 'village_code']],
});
