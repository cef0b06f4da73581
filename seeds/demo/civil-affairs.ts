import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the county civil-affairs offices of the demo data have recorded (docs/partners/civil-affairs.md):
 * 低保 since 1 January for every member of a 低保 household (150 to 280 yuan a month, within the
 * seeded standard of 286), and for the head of one GENERAL household in about twenty, so that
 * socialAssistanceMismatches has findings to show; 特困供养 (600 yuan a month) for every member of
 * an extreme-poverty household; temporary assistance (1,500 yuan, once) for one household in ten
 * whose poverty has a disaster among its causes, or one in twenty-five otherwise; the disability
 * living subsidy for every disabled member and the care subsidy for grades 1 and 2 (70 yuan a
 * month each). Each record is the office's of the household's county, as the batch-sync engine
 * would have written it (not audited: seeds are not API writes), keeping to
 * src/modules/civil-affairs/civil-affairs.rules.ts.
 */
export async function insertCivilAffairsRecords(knex: Knex, today = chinaToday()): Promise<void> {
  const year = today.slice(0, 4);
  await knex.raw(`
    insert into social_assistance (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, kind, valid_until)
    select o.id, 'DEMO-SA-' || a.kind || '-' || m.id, m.id, m.household_id, h.village_code, a.from_day, a.amount_fen, a.kind, null
    from member m join household h on h.id = m.household_id
    join organisation o on o.role = 'CIVIL_AFFAIRS' and h.village_code like o.scopes[1] || '%'
    cross join lateral (
      select * from (values
        ('SUBSISTENCE_ALLOWANCE', date '${year}-01-01', 15000 + (m.id % 14) * 1000,
          h.category = 'SUBSISTENCE_ALLOWANCE' or (h.category = 'GENERAL' and m.relation = 'HEAD' and h.id % 20 = 0)),
        ('EXTREME_POVERTY_SUPPORT', date '${year}-01-01', 60000, h.category = 'EXTREME_POVERTY_SUPPORT'),
        ('TEMPORARY_ASSISTANCE', date '${today}' - 45, 150000,
          m.relation = 'HEAD' and (('DISASTER' = any (h.causes) and h.id % 10 = 0) or h.id % 25 = 0)),
        ('DISABILITY_LIVING_SUBSIDY', date '${year}-01-01', 7000, m.health = 'DISABLED'),
        ('SEVERE_DISABILITY_CARE_SUBSIDY', date '${year}-01-01', 7000, m.disability_grade <= 2)
      ) as given (kind, from_day, amount_fen, applies)
      where given.applies
    ) a
    where h.status <> 'REMOVED'`);
}
