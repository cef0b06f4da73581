import type { RequestContext } from '../../context/request-context';
import { arrayLiteral } from '../../db/array-literal';
import { rows } from '../../db/read';
import { fenToYuan } from '../../graphql/money.scalar';
import type { Person, RecordProblem } from '../../sync/sync-kind';
import { RecordErrorCode } from '../../sync/sync.types';
import { ParameterName, parameterInForceSql } from '../parameters';
import { SocialAssistanceKind } from './civil-affairs.enums';
import type { SocialAssistanceRecord } from './civil-affairs.types';

/** A 低保 standard in force for a place and year, and the parameter row it comes from (cited in a refusal). */
export type Standard = { id: number; value: number; source: string };

/** The 低保 standards of a batch: by `${villageCode}:${year}`, null where no parameter is in force. */
export type CivilAffairsRules = { standards: Map<string, Standard | null> };

const standardKey = (villageCode: string, from: string) => `${villageCode}:${from.slice(0, 4)}`;

/**
 * The 低保 standard of every village and year the batch's 低保 records name, in one statement
 * whatever the batch's size: the parameters module's resolution rule (longest prefix, latest
 * year) for each pair. Bindings: the villages and years as two parallel arrays.
 */
const STANDARDS = `select k.code || ':' || k.year as key, x.id, x.value, x.source
  from unnest(?::text[], ?::int[]) as k (code, year)
  cross join lateral (${parameterInForceSql(`'${ParameterName.SUBSISTENCE_ALLOWANCE_STANDARD}'`, 'k.code', 'k.year')}) x`;

export async function civilAffairsRules(ctx: RequestContext, matched: readonly { record: SocialAssistanceRecord; person: Person }[]): Promise<CivilAffairsRules> {
  const keys = [...new Set(matched.filter((m) => m.record.kind === SocialAssistanceKind.SUBSISTENCE_ALLOWANCE).map((m) => standardKey(m.person.villageCode, m.record.from)))];
  const standards = new Map<string, Standard | null>(keys.map((k) => [k, null]));
  if (keys.length === 0) return { standards };
  const pairs = keys.map((k) => k.split(':'));
  const found = await rows<{ key: string; id: number; value: string; source: string }>(ctx, STANDARDS, [arrayLiteral(pairs.map(([code]) => code)), arrayLiteral(pairs.map(([, year]) => year))]);
  for (const f of found) standards.set(f.key, { id: Number(f.id), value: Number(f.value), source: f.source });
  return { standards };
}

const invalid = (field: string, message: string): RecordProblem => ({ field, code: RecordErrorCode.INVALID, message });

/**
 * A grant pays a positive amount over days in order; temporary assistance is paid once, so has no
 * last day; a 低保 pays one person at most the standard of the person's region for the year it
 * starts (SUBSISTENCE_ALLOWANCE_STANDARD): where none is in force the amount cannot be checked and
 * the record waits until the poverty office sets one.
 */
export function socialAssistanceProblems(r: SocialAssistanceRecord, person: Person, rules: CivilAffairsRules): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (r.amount <= 0) problems.push(invalid('amount', 'Assistance pays a positive amount'));
  if (r.kind === SocialAssistanceKind.TEMPORARY_ASSISTANCE && r.to != null) problems.push(invalid('to', 'Temporary assistance is paid once, on `from`: it has no last day'));
  if (r.to != null && r.to < r.from) problems.push(invalid('to', `Ends on ${r.to}, before it starts on ${r.from}`));
  if (r.kind === SocialAssistanceKind.SUBSISTENCE_ALLOWANCE) {
    const year = r.from.slice(0, 4);
    const standard = rules.standards.get(standardKey(person.villageCode, r.from));
    if (!standard) {
      problems.push(invalid('amount', `No 低保 standard (SUBSISTENCE_ALLOWANCE_STANDARD) is set for this person's region in ${year}: ask the poverty office to set it`));
    } else if (r.amount > standard.value) {
      problems.push({
        field: 'amount',
        code: RecordErrorCode.ABOVE_CEILING,
        message: `${fenToYuan(r.amount)} a month is above the 低保 standard of ${fenToYuan(standard.value)} per person for ${year} (policy parameter #${standard.id}: ${standard.source})`,
      });
    }
  }
  return problems;
}
