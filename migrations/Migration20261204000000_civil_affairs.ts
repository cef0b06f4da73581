import { Migration } from '@mikro-orm/migrations';
import { allowParameterNames, partnerRecordSecurity, quote, recordTable } from './partner-records';

/** The names migration 2026-11-23 03 allowed, and the 低保 standard. */
export const PARAMETER_NAMES = [
  'POVERTY_LINE',
  'LOAN_CEILING',
  'LOAN_TERM_MONTHS',
  'PAIRING_LIMIT',
  'TOWNSHIP_INCIDENCE_TARGET',
  'VILLAGE_EXIT_INCIDENCE_TARGET',
  'DONATION_AWARD_COMMITTEE_GROUP',
  'DONATION_AWARD_ASSOCIATION',
  'VILLAGE_COLLECTIVE_INCOME_MIN',
  'COMPULSORY_SCHOOL_AGE_FROM',
  'COMPULSORY_SCHOOL_AGE_TO',
  'SUBSISTENCE_ALLOWANCE_STANDARD',
];

/**
 * No seed document states a 低保 figure: 002 has households "家庭人均收入低于当地低保标准" brought into
 * 低保 and the two systems joined up (扶贫和低保两项制度有效衔接); the standard is therefore seeded at
 * the poverty line of 000 (3,430 yuan a year) a month, rounded up, as the line a 低保 must at least
 * reach, and says so, for the poverty office to set from the civil-affairs department's figure.
 */
const STANDARD_SOURCE =
  '种子文件000–004未载低保标准数额; 002(乡镇精准扶贫计划汇编): 家庭人均收入低于当地低保标准的按规定纳入低保, 加强扶贫和低保两项制度有效衔接; ' +
  '暂以000之国家扶贫标准3430元/年折合每人每月286元(两线衔接), 待民政部门核定';

/**
 * The civil-affairs sector's records (issue 12): social assistance, with the bookkeeping columns
 * every record table has (migration 2026-12-02 00, whose shape the batch-sync engine writes); its
 * date is the first day, valid_until the last (null while it lasts). Under row-level security a
 * record is visible in the request's region scopes, as its household is, and written only by the
 * organisation of the request; nothing is ever deleted. The 低保 standard is a policy parameter.
 */
export class Migration20261204000000_civil_affairs extends Migration {
  override async up(): Promise<void> {
    for (const sql of recordTable('social_assistance', 'kind text not null,\n        valid_until date')) this.addSql(sql);
    // socialAssistanceMismatches reads the 低保 in force by region in id order.
    this.addSql(
      `create index social_assistance_allowance_index on social_assistance (village_code, id) include (household_id, valid_until)` +
        ` where retracted_at is null and kind = 'SUBSISTENCE_ALLOWANCE';`,
    );
    for (const sql of partnerRecordSecurity('social_assistance')) this.addSql(sql);

    for (const sql of allowParameterNames(PARAMETER_NAMES)) this.addSql(sql);
    this.addSql(
      `insert into policy_parameter (name, region_prefix, from_year, to_year, value, source) values ('SUBSISTENCE_ALLOWANCE_STANDARD', '43', 2018, null, 28600, ${quote(STANDARD_SOURCE)});`,
    );
  }
}
