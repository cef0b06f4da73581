import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the demo counties' donors (the CPPCC committee group and the business association of each)
 * have given this year to the villages they are paired with, so that every kind is there at once
 * (docs/partners/cppcc.md, business-association.md): cash to the village, goods to a project at
 * their valuation, and cash to some of the village's households (a household in seven from the
 * CPPCC, in eleven from the association: in small villages fewer than three, whose lines the
 * public notice withholds). The committee group passes its 50,000-yuan threshold with two villages
 * or more; the association, short of 200,000 with few, shows a threshold not met. Each gift is the
 * donor's, as the batch-sync engine would have written it (not audited: seeds are not API writes).
 */
export async function insertDonations(knex: Knex, today = chinaToday()): Promise<void> {
  const year = today.slice(0, 4);
  await knex.raw(`
    insert into donation (organisation_id, external_id, household_id, village_code, date, amount_fen, kind, target, project, description, purpose, receipt_number)
    select o.id, 'DEMO-DN-' || g.code || '-' || p.village_code || coalesce('-' || h.id, ''), h.id, p.village_code,
      least(date '${year}-01-01' + g.day, date '${today}'), g.amount, g.kind, g.target, g.project, g.description, g.purpose,
      'DEMO-' || o.id || '-' || row_number() over (partition by o.id order by p.village_code, g.code, h.id)
    from organisation_pairing p join organisation o on o.id = p.organisation_id
    cross join lateral (
      select * from (values
        ('VIL', 'VILLAGE', 'CASH', null, null, '村部及文化室修缮', case o.role when 'CPPCC' then 2000000 else 6000000 end, 30, 0),
        ('PRJ', 'PROJECT', 'IN_KIND', '茶叶基地', '茶苗 2 万株', '产业发展', case o.role when 'CPPCC' then 1500000 else 5000000 end, 90, 0),
        ('HH', 'HOUSEHOLD', 'CASH', null, null, '助学', 50000, 240, case o.role when 'CPPCC' then 7 else 11 end)
      ) as gifts (code, target, kind, project, description, purpose, amount, day, every)
    ) g
    left join household h on g.target = 'HOUSEHOLD' and h.village_code = p.village_code and h.status <> 'REMOVED' and h.id % g.every = 0
    where g.target <> 'HOUSEHOLD' or h.id is not null`);
}
