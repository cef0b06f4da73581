import { defineSyncKind } from '../../sync/sync-kind';
import { industrySupportProblems } from './industry.rules';
import type { IndustrySupportRecord } from './industry.types';

/** Industry support (table industry_support, migration 2026-12-05 00): the amount is what was paid or put in. */
export const INDUSTRY_SUPPORT = defineSyncKind<IndustrySupportRecord>({
  entity: 'IndustrySupport',
  operation: 'recordIndustrySupport',
  retraction: 'retractIndustrySupport',
  table: 'industry_support',
  columns: [
    { name: 'kind', type: 'text' },
    { name: 'project', type: 'text' },
  ],
  values: (r) => ({ kind: r.kind, project: r.project.trim() }),
  date: (r) => r.paidOn,
  dateField: 'paidOn',
  amountFen: (r) => r.amount,
  check: (r, person) => industrySupportProblems(r, person),
});
