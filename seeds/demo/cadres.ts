import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * Each county's backing unit (后盾单位) with ten cadres (the first its head), pairings and visits
 * with the gaps every coverage query finds (src/modules/pairing/coverage.ts), as the API would
 * have written them (not audited: seeds are not API writes). Cadres 1 to 9 take five households
 * each of the county's first unexited ones (每名帮扶责任人结对不超过5户); cadre 10 takes six, over
 * the limit (recorded before the limit was kept); the rest of the county's households have no
 * cadre (全覆盖's gap). Every pairing began 120 days ago; one in three was last visited 45 days
 * ago (每月走访's gap), the others 10 days ago. A household of cadre 1 changed cadre: its first
 * pairing ended 60 days ago. Work teams sit in the first and last villages (by code) of the unit's
 * pairings, led by cadre 2; the head came with a visit this quarter to the first village only.
 */
export async function insertCadreRecords(knex: Knex, today = chinaToday()): Promise<void> {
  await knex.raw(`
    insert into cadre (organisation_id, region_code, name, title, unit_head)
    select o.id, rpad(o.scopes[1], 12, '0'), '帮扶干部' || n, case when n = 1 then '局长' else '干部' end, n = 1
    from organisation o cross join generate_series(1, 10) n where o.role = 'BACKING_UNIT' order by o.id, n`);
  await knex.raw(`
    with households as (
      select o.id as unit_id, h.id as household_id, h.village_code, row_number() over (partition by o.id order by h.id) - 1 as i
      from organisation o join household h on h.village_code like o.scopes[1] || '%'
      where o.role = 'BACKING_UNIT' and h.status in ('NOT_EXITED', 'RETURNED', 'ROLLED_BACK')
    ), cadres as (
      select c.id, c.organisation_id, row_number() over (partition by c.organisation_id order by c.id) as n from cadre c
    )
    insert into cadre_pairing (cadre_id, organisation_id, household_id, village_code, since)
    select c.id, h.unit_id, h.household_id, h.village_code, date '${today}' - 120
    from households h join cadres c on c.organisation_id = h.unit_id and c.n = least(h.i / 5 + 1, 10)
    where h.i < 51`);
  // The change of cadre: cadre 1's first household was cadre 9's until 60 days ago.
  await knex.raw(`
    insert into cadre_pairing (cadre_id, organisation_id, household_id, village_code, since, ended_on, end_reason)
    select c9.id, p.organisation_id, p.household_id, p.village_code, date '${today}' - 400, date '${today}' - 121, '调整帮扶责任人 change of cadre'
    from (select distinct on (organisation_id) * from cadre_pairing order by organisation_id, id) p
    join lateral (select id from cadre where organisation_id = p.organisation_id order by id offset 8 limit 1) c9 on true`);
  await knex.raw(`
    insert into pairing_visit (organisation_id, external_id, household_id, village_code, date, pairing_id, unit_id, findings, measures_discussed)
    select p.organisation_id, 'DEMO-VISIT-' || p.id, p.household_id, p.village_code, date '${today}' - case when p.id % 3 = 0 then 45 else 10 end,
      p.id, p.organisation_id, '家中人员在家,生产生活正常', '落实产业补助,鼓励参加技能培训'
    from cadre_pairing p where p.ended_on is null`);
  await knex.raw(`
    insert into work_team (organisation_id, village_code, first_secretary_id, since)
    select distinct v.organisation_id, v.village_code, (select id from cadre where organisation_id = v.organisation_id order by id offset 1 limit 1), date '${today}' - 365
    from (select organisation_id, min(village_code) as first, max(village_code) as last from cadre_pairing group by organisation_id) u
    cross join lateral (values (u.organisation_id, u.first), (u.organisation_id, u.last)) as v (organisation_id, village_code)`);
  await knex.raw(`
    insert into pairing_visit (organisation_id, external_id, household_id, village_code, date, pairing_id, unit_id, findings, measures_discussed, unit_head_present)
    select p.organisation_id, 'DEMO-HEAD-VISIT-' || p.id, p.household_id, p.village_code, date '${today}', p.id, p.organisation_id,
      '后盾单位主要负责人到村研究解决实际问题', '村集体经济项目', true
    from cadre_pairing p where p.id in (
      select min(a.id) from cadre_pairing a where a.ended_on is null
        and a.village_code = (select min(b.village_code) from cadre_pairing b where b.organisation_id = a.organisation_id) group by a.organisation_id)`);
}
