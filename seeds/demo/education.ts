import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the county education bureaus of the demo data have synced, so that a newcomer sees student
 * aid and enrolments at once (docs/partners/education.md): every pupil of a registered household
 * enrolled at the stage the registry gives them on the first day of this academic year, a
 * compulsory-age child out of school recorded as dropped out (控辍保学), and the aid each stage
 * has: 营养改善计划 nutrition meals (4 yuan × 200 days) and, for every third pupil, the boarding
 * subsidy in compulsory education; preschool aid; the senior-high grant; the vocational grant and
 * tuition waiver. Each record is the bureau's of the household's county, with an externalId of
 * its own, as the batch-sync engine would have written it (not audited: seeds are not API writes).
 * Ages and amounts keep to src/modules/education/education.rules.ts.
 */
export async function insertEducationRecords(knex: Knex, today = chinaToday()): Promise<void> {
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '09-01' ? 1 : 0);
  const start = `${year}-09-01`;
  const academicYear = `${year}-${year + 1}`;
  const pupils = `select m.id as member_id, m.household_id, h.village_code, m.school_stage, o.id as organisation_id,
      date_part('year', age(date '${start}', m.birth_date))::int as age
    from member m join household h on h.id = m.household_id
    join organisation o on o.role = 'EDUCATION' and h.village_code like o.scopes[1] || '%'
    where h.status <> 'REMOVED'`;
  await knex.raw(`
    insert into enrolment (organisation_id, external_id, member_id, household_id, village_code, date, school, stage, grade, status)
    select organisation_id, 'DEMO-EN-' || member_id, member_id, household_id, village_code, date '${start}', school, stage,
      least(greatest(age - first_age, 1), grades), status
    from (
      select p.*, s.stage, s.first_age, s.grades, s.school, s.status
      from (${pupils}) p
      cross join lateral (
        select * from (values
          ('PRESCHOOL', 'PRESCHOOL', 2, 3, '中心幼儿园', 'ENROLLED'),
          ('PRIMARY', 'PRIMARY', 5, 6, '中心小学', 'ENROLLED'),
          ('JUNIOR_HIGH', 'JUNIOR_HIGH', 11, 3, '第一中学', 'ENROLLED'),
          ('SENIOR_HIGH', 'SENIOR_HIGH', 14, 3, '第一高级中学', 'ENROLLED'),
          ('SECONDARY_VOCATIONAL', 'SECONDARY_VOCATIONAL', 14, 3, '职业中专', 'ENROLLED'),
          ('HIGHER_EDUCATION', 'HIGHER_EDUCATION', 17, 5, '职业技术学院', 'ENROLLED'),
          ('NOT_IN_SCHOOL', case when p.age < 12 then 'PRIMARY' else 'JUNIOR_HIGH' end, case when p.age < 12 then 5 else 11 end, case when p.age < 12 then 6 else 3 end, '中心小学', 'DROPPED_OUT')
        ) as stages (registry_stage, stage, first_age, grades, school, status)
        where stages.registry_stage = p.school_stage and (p.school_stage <> 'NOT_IN_SCHOOL' or p.age between 7 and 15)
      ) s
    ) enrolled`);
  await knex.raw(`
    insert into student_aid (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, kind, school, academic_year, term, days)
    select e.organisation_id, 'DEMO-SA-' || a.kind || '-' || e.member_id, e.member_id, e.household_id, e.village_code, e.date, a.amount_fen, a.kind, e.school, '${academicYear}', a.term, a.days
    from enrolment e
    cross join lateral (
      select * from (values
        ('PRESCHOOL', 'PRESCHOOL_AID', 50000, 'FULL_YEAR', null::int, true),
        ('PRIMARY', 'NUTRITION_MEALS', 80000, 'FULL_YEAR', 200, true),
        ('JUNIOR_HIGH', 'NUTRITION_MEALS', 80000, 'FULL_YEAR', 200, true),
        ('PRIMARY', 'BOARDING_SUBSIDY', 50000, 'AUTUMN', null, e.member_id % 3 = 0),
        ('JUNIOR_HIGH', 'BOARDING_SUBSIDY', 62500, 'AUTUMN', null, e.member_id % 3 = 0),
        ('SENIOR_HIGH', 'SENIOR_HIGH_GRANT', 200000, 'FULL_YEAR', null, true),
        ('SECONDARY_VOCATIONAL', 'VOCATIONAL_GRANT', 200000, 'FULL_YEAR', null, true),
        ('SECONDARY_VOCATIONAL', 'VOCATIONAL_TUITION_WAIVER', 150000, 'FULL_YEAR', null, true)
      ) as aid (stage, kind, amount_fen, term, days, given)
      where aid.stage = e.stage and aid.given
    ) a
    where e.external_id like 'DEMO-EN-%' and e.status = 'ENROLLED'`);
}
