import { defineSyncKind } from '../../sync/sync-kind';
import { civilAffairsRules, socialAssistanceProblems, type CivilAffairsRules } from './civil-affairs.rules';
import type { SocialAssistanceRecord } from './civil-affairs.types';

/** Social assistance (table social_assistance, migration 2026-12-04 00): dated by its first day, the amount monthly but for temporary assistance. */
export const SOCIAL_ASSISTANCE = defineSyncKind<SocialAssistanceRecord, CivilAffairsRules>({
  entity: 'SocialAssistance',
  operation: 'recordSocialAssistance',
  retraction: 'retractSocialAssistance',
  table: 'social_assistance',
  columns: [
    { name: 'kind', type: 'text' },
    { name: 'valid_until', type: 'date' },
  ],
  values: (r) => ({ kind: r.kind, valid_until: r.to ?? null }),
  date: (r) => r.from,
  dateField: 'from',
  amountFen: (r) => r.amount,
  rules: civilAffairsRules,
  check: (r, person, rules) => socialAssistanceProblems(r, person, rules),
});
