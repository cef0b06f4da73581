import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { inRegionScopes } from '../../policy/row-rules';
import { ruleSql } from '../../policy/row-scope';
import { invalid } from '../../sync/record-problems';
import { defineSubjectSyncKind, type Matcher, type RecordProblem, type Subject } from '../../sync/sync-kind';
import { DonationKind, DonationTarget } from './donation.enums';
import type { DonationRecord } from './donation.types';

export const DONATION_TARGET_NOT_FOUND = 'No registered household with this number, or no village with this code, in your region';

/**
 * A gift's subject: the household by its number, or the village by its code, in the caller's
 * region scopes. Not the Household type's row rule: donors read no household, yet give to those
 * of their county (a donor need not be paired with the village to give to it).
 */
const SUBJECTS = (household: string, region: string) => `select 'h:' || h.number as key, null::int as "memberId", h.id as "householdId", h.village_code as "villageCode"
    from household h where h.number = any (?::text[]) and h.status <> 'REMOVED' and ${household}
  union all
  select 'v:' || r.code, null::int, null::int, r.code from region r where r.code = any (?::text[]) and r.level = 'VILLAGE' and ${region}`;

const DONATION_SUBJECT: Matcher<DonationRecord, Subject> = {
  key: (r) => {
    if (r.target === DonationTarget.HOUSEHOLD) return r.householdNumber ? { key: `h:${r.householdNumber}` } : { problem: 'A gift to a household names its household number' };
    return r.villageCode && /^\d{12}$/.test(r.villageCode) ? { key: `v:${r.villageCode}` } : { problem: `A gift to a ${r.target.toLowerCase()} names its village's 12-digit code` };
  },
  field: (r) => (r.target === DonationTarget.HOUSEHOLD ? 'householdNumber' : 'villageCode'),
  find: async (ctx: RequestContext, keys) => {
    const household = ruleSql(inRegionScopes, ctx.caller, { alias: 'h', code: 'h.village_code' });
    const region = ruleSql(inRegionScopes, ctx.caller, { alias: 'r', code: 'r.code' });
    const numbers = keys.filter((k) => k.startsWith('h:')).map((k) => k.slice(2));
    const codes = keys.filter((k) => k.startsWith('v:')).map((k) => k.slice(2));
    const found = await rows<Subject & { key: string }>(ctx, SUBJECTS(household.sql, region.sql), [arrayLiteral(numbers), ...household.bindings, arrayLiteral(codes), ...region.bindings]);
    return new Map(found.map(({ key, ...subject }) => [key, subject]));
  },
  notFound: DONATION_TARGET_NOT_FOUND,
};

/** Each target's and kind's own fields present where it needs them and absent where it has none. */
function donationProblems(r: DonationRecord): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (r.amount <= 0) problems.push(invalid('amount', 'A gift is worth more than 0'));
  if (r.target === DonationTarget.HOUSEHOLD && r.villageCode != null) problems.push(invalid('villageCode', "A gift to a household takes its village from the household's number"));
  if (r.target !== DonationTarget.HOUSEHOLD && r.householdNumber != null) problems.push(invalid('householdNumber', `Only a gift to a household names one, not one to a ${r.target.toLowerCase()}`));
  if ((r.target === DonationTarget.PROJECT) !== Boolean(r.project?.trim())) problems.push(invalid('project', r.target === DonationTarget.PROJECT ? 'A gift to a project names it' : 'Only a gift to a project names one'));
  if ((r.kind === DonationKind.IN_KIND) !== Boolean(r.description?.trim())) problems.push(invalid('description', r.kind === DonationKind.IN_KIND ? 'Goods are described' : 'Only goods are described; cash is its amount'));
  if (!r.purpose.trim()) problems.push(invalid('purpose', 'The notice shows what a gift is for'));
  if (!r.receiptNumber.trim()) problems.push(invalid('receiptNumber', 'A gift has its receipt number'));
  return problems;
}

/** Donations 社会扶贫 (table donation, migration 2026-12-08 00): the amount is the cash, or the goods' valuation. */
export const DONATIONS = defineSubjectSyncKind<DonationRecord, Subject>({
  match: DONATION_SUBJECT,
  entity: 'Donation',
  operation: 'recordDonations',
  retraction: 'retractDonations',
  table: 'donation',
  columns: [
    { name: 'kind', type: 'text' },
    { name: 'target', type: 'text' },
    { name: 'project', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'purpose', type: 'text' },
    { name: 'receipt_number', type: 'text' },
  ],
  values: (r) => ({
    kind: r.kind,
    target: r.target,
    project: r.project?.trim() || null,
    description: r.description?.trim() || null,
    purpose: r.purpose.trim(),
    receipt_number: r.receiptNumber.trim(),
  }),
  date: (r) => r.date,
  dateField: 'date',
  amountFen: (r) => r.amount,
  check: (r) => donationProblems(r),
});
