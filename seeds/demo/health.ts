import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the county medical-insurance bureaus of the demo data have recorded, so that a newcomer
 * sees the health sector at once (docs/partners/health.md): every insured member of a registered
 * household enrolled this year in basic insurance (380 yuan, the government paying all of it for a
 * seriously ill or disabled member and half otherwise, 代缴) and in critical-illness insurance
 * (paid from the basic fund: no premium); an inpatient claim settled in one stop for every
 * seriously ill member (one in five above the 10 % out-of-pocket limit) and an outpatient one for
 * every chronically ill member; and a family-doctor contract for every member who is not healthy
 * or is 65 or over. Each record is the bureau of the household's county's, as the batch-sync
 * engine would have written it (not audited: seeds are not API writes), keeping to
 * src/modules/health/health.rules.ts.
 */
export async function insertHealthRecords(knex: Knex, today = chinaToday()): Promise<void> {
  const year = Number(today.slice(0, 4));
  const people = `select m.id as member_id, m.household_id, h.village_code, m.health, m.medical_insurance, m.birth_date, o.id as organisation_id
    from member m join household h on h.id = m.household_id
    join organisation o on o.role = 'HEALTH' and h.village_code like o.scopes[1] || '%'
    where h.status <> 'REMOVED'`;
  await knex.raw(`
    insert into insurance_enrolment (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, year, scheme, government_paid_fen)
    select p.organisation_id, 'DEMO-IE-' || s.scheme || '-' || p.member_id, p.member_id, p.household_id, p.village_code, date '${year - 1}-11-20',
      s.premium, ${year}, s.scheme, case when p.health in ('SERIOUS_ILLNESS', 'DISABLED') then s.premium else s.premium / 2 end
    from (${people}) p
    cross join (values ('BASIC', 38000), ('CRITICAL_ILLNESS', 0)) as s (scheme, premium)
    where p.medical_insurance`);
  await knex.raw(`
    insert into medical_claim (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, hospital, setting, admitted_on,
      eligible_fen, basic_fen, critical_illness_fen, assistance_fen, supplementary_fen, out_of_pocket_fen, one_stop)
    select p.organisation_id, 'DEMO-MC-' || p.member_id, p.member_id, p.household_id, p.village_code, date '${today}' - c.days_ago, c.total,
      c.hospital, c.setting, date '${today}' - c.days_ago - c.stay, c.eligible, c.basic, c.critical, c.assistance, c.supplementary, c.own, true
    from (${people}) p
    cross join lateral (
      select * from (values
        ('SERIOUS_ILLNESS', '县人民医院', 'INPATIENT', 30, 10, 1000000, 900000, 600000, 150000, 120000, 60000, 70000, p.member_id % 5 <> 0),
        ('SERIOUS_ILLNESS', '县人民医院', 'INPATIENT', 30, 10, 1000000, 900000, 550000, 150000, 120000, 60000, 120000, p.member_id % 5 = 0),
        ('CHRONIC_ILLNESS', '乡镇卫生院', 'OUTPATIENT', 20, 0, 80000, 70000, 50000, 0, 10000, 14000, 6000, true)
      ) as claims (health, hospital, setting, days_ago, stay, total, eligible, basic, critical, assistance, supplementary, own, given)
      where claims.health = p.health and claims.given
    ) c
    where p.medical_insurance`);
  await knex.raw(`
    insert into family_doctor_contract (organisation_id, external_id, member_id, household_id, village_code, date, team, valid_until)
    select p.organisation_id, 'DEMO-FD-' || p.member_id, p.member_id, p.household_id, p.village_code, date '${today}' - 60, '乡镇卫生院家庭医生团队',
      date '${today}' - 60 + interval '1 year' - interval '1 day'
    from (${people}) p
    where p.health <> 'HEALTHY' or p.birth_date <= date '${today}' - interval '65 years'`);
}
