import { Migration } from '@mikro-orm/migrations';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Every name ParameterName holds (migration 2026-12-04 00's list), and the small-cell minimum. */
const NAMES = [
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
  'SMALL_CELL_MIN_HOUSEHOLDS',
];

const SMALL_CELL_SOURCE =
  '种子文件未载此数; 社会扶贫捐赠公示与汇总数据不得指向单户(个人信息保护法第二十八条、第五十一条): 少于3户算得的数字不予公示, 待扶贫办核定';

/**
 * Donations 社会扶贫 (issue 13): gifts of CPPCC committee groups and business associations to a
 * village, a household or a project, with the bookkeeping columns every record table has
 * (migration 2026-12-02 00, the shape the batch-sync engine writes). A gift to a village or a
 * project has no household and no member: the engine's columns are nullable here. Under
 * row-level security a gift is visible in the request's region scopes, as its village is, and
 * written only by the organisation of the request; nothing is ever deleted. The smallest number
 * of households an aggregate of household gifts may be shown for is a policy parameter.
 */
export class Migration20261208000000_donations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table donation (
        id serial primary key,
        organisation_id integer not null references organisation (id),
        api_key_id integer references api_key (id),
        external_id text not null,
        member_id integer references member (id) on delete set null,
        household_id integer references household (id),
        village_code varchar(12) not null references region (code),
        date date not null,
        amount_fen integer not null check (amount_fen > 0),
        kind text not null check (kind in ('CASH', 'IN_KIND')),
        target text not null check (target in ('VILLAGE', 'HOUSEHOLD', 'PROJECT')),
        project text,
        description text,
        purpose text not null,
        receipt_number text not null,
        retracted_at timestamptz,
        retraction_reason text,
        recorded_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organisation_id, external_id),
        check ((target = 'HOUSEHOLD') = (household_id is not null)),
        check ((target = 'PROJECT') = (project is not null)),
        check ((kind = 'IN_KIND') = (description is not null))
      );`);
    // A donor's own gifts of a year (donations, donationTotals), and a village's notice of a year.
    this.addSql(`create index donation_organisation_date_index on donation (organisation_id, date) where retracted_at is null;`);
    this.addSql(`create index donation_village_date_index on donation (village_code, date) where retracted_at is null;`);
    this.addSql(`create index donation_household_index on donation (household_id) where household_id is not null;`);
    this.addSql(`alter table donation enable row level security;`);
    this.addSql(
      `create policy donation_in_scope on donation to jingzhun_app using (${inScope('village_code')}) ` +
        `with check (${inScope('village_code')} and organisation_id = jingzhun_organisation_id());`,
    );
    this.addSql(`revoke delete, truncate on donation from jingzhun_app;`);

    this.addSql(`alter table policy_parameter drop constraint policy_parameter_name_check;`);
    this.addSql(`alter table policy_parameter add constraint policy_parameter_name_check check (name in (${NAMES.map(quote).join(', ')}));`);
    this.addSql(
      `insert into policy_parameter (name, region_prefix, from_year, to_year, value, source) values ('SMALL_CELL_MIN_HOUSEHOLDS', '43', 2018, null, 3, ${quote(SMALL_CELL_SOURCE)});`,
    );
  }
}

/** As migration 2026-12-01 20 writes it: an index range first, then the exact prefix test. */
function inScope(column: string): string {
  return (
    `${column} >= any (jingzhun_scope_prefixes()) and ${column} <= any (jingzhun_scope_upper_bounds())` +
    ` and ${column}::text ^@ any ((select jingzhun_scope_prefixes())::text[])`
  );
}
