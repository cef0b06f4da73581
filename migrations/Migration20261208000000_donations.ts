import { Migration } from '@mikro-orm/migrations';
import { PARAMETER_NAMES } from './Migration20261204000000_civil_affairs';
import { allowParameterNames, partnerRecordSecurity, quote } from './partner-records';

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
    for (const sql of partnerRecordSecurity('donation')) this.addSql(sql);

    for (const sql of allowParameterNames([...PARAMETER_NAMES, 'SMALL_CELL_MIN_HOUSEHOLDS'])) this.addSql(sql);
    this.addSql(
      `insert into policy_parameter (name, region_prefix, from_year, to_year, value, source) values ('SMALL_CELL_MIN_HOUSEHOLDS', '43', 2018, null, 3, ${quote(SMALL_CELL_SOURCE)});`,
    );
  }
}
