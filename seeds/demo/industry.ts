import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the county poverty offices of the demo data have recorded as industry support, paid to the
 * head of household, so that every kind is there at once (docs/partners/industry.md): a specialty
 * farming subsidy for a third of households (2,000 yuan, about seed 002's 1,953 a household),
 * shares in a cooperative and their dividend for a quarter, photovoltaic income for a fifth, and
 * e-commerce and tourism income for fewer. Only adult heads, as a cooperative share wants
 * (src/modules/industry/industry.rules.ts); each record is the poverty office of the household's
 * county's, as the batch-sync engine would have written it (not audited: seeds are not API writes).
 */
export async function insertIndustryRecords(knex: Knex, today = chinaToday()): Promise<void> {
  await knex.raw(`
    insert into industry_support (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, kind, project)
    select o.id, 'DEMO-IS-' || s.code || '-' || m.household_id, m.id, m.household_id, h.village_code, date '${today}' - s.days_ago, s.amount, s.kind, s.project
    from member m join household h on h.id = m.household_id
    join organisation o on o.role = 'POVERTY_OFFICE' and h.village_code like o.scopes[1] || '%'
    cross join lateral (
      select * from (values
        ('SFS', h.id % 3 = 0, 'SPECIALTY_FARMING_SUBSIDY', '特色种养(茶叶)', 200000, 150),
        ('CSH', h.id % 4 = 0, 'COOPERATIVE_SHARE', '黑茶种植专业合作社', 300000, 400),
        ('CDV', h.id % 4 = 0, 'COOPERATIVE_DIVIDEND', '黑茶种植专业合作社', 30000, 30),
        ('PVI', h.id % 5 = 0, 'PHOTOVOLTAIC_INCOME', '村级光伏电站', 100000, 60),
        ('ECI', h.id % 11 = 0, 'E_COMMERCE_INCOME', '村电商服务站网店', 120000, 90),
        ('TRI', h.id % 13 = 0, 'TOURISM_INCOME', '农家乐', 20000, 120)
      ) as kinds (code, given, kind, project, amount, days_ago)
      where kinds.given
    ) s
    where h.status <> 'REMOVED' and m.relation = 'HEAD' and m.birth_date <= date '${today}' - s.days_ago - interval '18 years'`);
}
