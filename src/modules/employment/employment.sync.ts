import { defineSyncKind } from '../../sync/sync-kind';
import { employmentSupportProblems } from './employment.rules';
import type { EmploymentSupportRecord } from './employment.types';

/** Employment support (table employment_support, migration 2026-12-05 00): the amount is a post's or job's monthly pay, or the subsidy paid. */
export const EMPLOYMENT_SUPPORT = defineSyncKind<EmploymentSupportRecord>({
  entity: 'EmploymentSupport',
  operation: 'recordEmploymentSupport',
  retraction: 'retractEmploymentSupport',
  table: 'employment_support',
  columns: [
    { name: 'kind', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'until', type: 'date' },
    { name: 'out_of_province', type: 'boolean' },
    { name: 'hours', type: 'integer' },
    { name: 'certificate', type: 'text' },
  ],
  values: (r) => ({
    kind: r.kind,
    title: r.title.trim(),
    until: r.until ?? null,
    out_of_province: r.outOfProvince ?? null,
    hours: r.hours ?? null,
    certificate: r.certificate?.trim() ?? null,
  }),
  date: (r) => r.date,
  dateField: 'date',
  amountFen: (r) => r.amount ?? null,
  check: (r, person) => employmentSupportProblems(r, person),
});
