import { definePlans } from '../../../test/module-plans';

/** The main reads of housing, planned as the API role (test/query-plans.test.ts). */
export const plans = definePlans({
  reads: [
    ['housing of a page of households (housing bureau)', 'demo-housing', () => `{ households(first: 50) { edges { node { latestHousingAssessment { grade } housingRenovations { subsidy } relocations { site } } } } }`],
  ],
  tables: ['housing_measure'],
  ranges: [['housing_measure', 'village_code']],
});
