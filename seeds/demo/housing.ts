import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the county housing bureaus of the demo data have recorded (docs/partners/housing.md): an
 * assessment for every registered household the registry grades, 300 days ago, at the registry's
 * grade; for one dangerous (C or D) house in two, a renovation (危房改造) started 240 days ago and
 * completed 60 days ago with a subsidy of 8,625 yuan (seed 002: 32 households, 276,000 yuan), and
 * an assessment at B 30 days ago; and a relocation (易地扶贫搬迁) 180 days ago for one household in
 * thirty. Each record is the bureau's of the household's county, made by its head, as the
 * batch-sync engine would have written it (not audited: seeds are not API writes), keeping to
 * src/modules/housing/housing.rules.ts.
 */
export async function insertHousingRecords(knex: Knex, today = chinaToday()): Promise<void> {
  await knex.raw(`
    insert into housing_measure (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, kind, grade, assessor, completed_on, site)
    select o.id, 'DEMO-' || r.prefix || '-' || h.id, m.id, h.id, h.village_code, date '${today}' - r.days_ago, r.amount_fen, r.kind, r.grade, r.assessor,
      date '${today}' - r.completed_days_ago, r.site
    from household h
    join member m on m.household_id = h.id and m.relation = 'HEAD'
    join organisation o on o.role = 'HOUSING' and h.village_code like o.scopes[1] || '%'
    cross join lateral (
      select * from (values
        ('HA', 300, null::int, 'ASSESSMENT', h.housing_grade, '县房屋安全鉴定站', null::int, null::text, h.housing_grade is not null),
        ('HR', 240, 862500, 'RENOVATION', null, null, 60, null, h.housing_grade in ('C', 'D') and h.id % 2 = 0),
        ('HB', 30, null, 'ASSESSMENT', 'B', '县房屋安全鉴定站', null, null, h.housing_grade in ('C', 'D') and h.id % 2 = 0),
        ('HM', 180, null, 'RELOCATION', null, null, null, '县城易地扶贫搬迁集中安置点', h.id % 30 = 0)
      ) as records (prefix, days_ago, amount_fen, kind, grade, assessor, completed_days_ago, site, applies)
      where records.applies
    ) r
    where h.status <> 'REMOVED'`);
}
