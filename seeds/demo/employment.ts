import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * What the county human resources bureaus of the demo data have recorded, so that a newcomer sees
 * every kind of employment support at once (docs/partners/employment.md): a public-welfare post
 * for every member the registry has in one (护林员 360 yuan a month, 巡河员 340, about seed 002's
 * figures), a travel subsidy for a third of those working away (500 yuan outside the province, 300
 * within), a workshop job for half of those working locally (2,000 yuan a month) and a start-up
 * subsidy for a fifth (5,000 yuan, seed 002's figure), and skills training for one able worker in
 * seven. Only members of working age on the record's date, as src/modules/employment/employment.rules.ts
 * wants; each record is the bureau of the household's county's, as the batch-sync engine would
 * have written it (not audited: seeds are not API writes).
 */
export async function insertEmploymentRecords(knex: Knex, today = chinaToday()): Promise<void> {
  await knex.raw(`
    insert into employment_support (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, kind, title, until, out_of_province, hours, certificate)
    select o.id, 'DEMO-ES-' || s.code || '-' || m.id, m.id, m.household_id, h.village_code, s.date, s.amount, s.kind, s.title, s.until, s.out_of_province, s.hours, s.certificate
    from member m join household h on h.id = m.household_id
    join organisation o on o.role = 'EMPLOYMENT' and h.village_code like o.scopes[1] || '%'
    cross join lateral (
      select * from (values
        ('PWP', m.employment = 'PUBLIC_WELFARE_POST', 'PUBLIC_WELFARE_POST', case when m.id % 2 = 0 then '生态护林员' else '巡河员' end,
          case when m.id % 2 = 0 then 36000 else 34000 end, date '${today}' - 180, date '${today}' + 185, null::boolean, null::integer, null::text),
        ('TTS', m.employment in ('IN_PROVINCE', 'OUT_OF_PROVINCE') and m.id % 3 = 0, 'TRANSFER_TRAVEL_SUBSIDY',
          case when m.employment = 'OUT_OF_PROVINCE' then '广东省东莞市' else '湖南省长沙市' end,
          case when m.employment = 'OUT_OF_PROVINCE' then 50000 else 30000 end, date '${today}' - 270, null::date, m.employment = 'OUT_OF_PROVINCE', null, null),
        ('WSJ', m.employment = 'LOCAL_WORK' and m.id % 2 = 0, 'WORKSHOP_JOB', '扶贫车间(竹编)', 200000, date '${today}' - 240, null, null, null, null),
        ('SUS', m.employment = 'LOCAL_WORK' and m.id % 5 = 1, 'START_UP_SUBSIDY', '农家乐', 500000, date '${today}' - 90, null, null, null, null),
        ('SKT', m.labour_capacity in ('ORDINARY', 'SKILLED') and m.id % 7 = 0, 'SKILLS_TRAINING', '家政服务培训', null, date '${today}' - 120, null, null, 80,
          case when m.id % 2 = 0 then '培训合格证' end)
      ) as kinds (code, given, kind, title, amount, date, until, out_of_province, hours, certificate)
      where kinds.given
    ) s
    where h.status <> 'REMOVED' and m.birth_date <= s.date - interval '16 years' and m.birth_date > s.date - interval '66 years'`);
}
