import type { Knex } from '@mikro-orm/postgresql';
import { chinaToday } from '../../src/config/clock';

/**
 * The small loans 扶贫小额信贷 the demo counties' two banks have recorded, so that a newcomer sees
 * every kind of loan event at once (docs/partners/finance.md): one borrower in every third
 * registered household (the first member of borrowing age, 18 to 65, with labour capacity), half
 * of them lent to by the county's rural commercial bank and half by the postal savings bank;
 * 10,000 to 50,000 yuan (the demo LOAN_CEILING) issued 400 days ago for 36 months at 4.35 %, the
 * interest subsidised for two in three; a repayment of 5,000 yuan for three in four; a renewal
 * (续贷) for one in five, whose loans ran 12 months; an overdue report for one in seven, still
 * standing; and a write-off by the risk compensation fund for one in eleven, overdue before. As
 * src/modules/finance/loan.rules.ts wants; not audited (seeds are not API writes).
 */
export async function insertLoanRecords(knex: Knex, today = chinaToday()): Promise<void> {
  await knex.raw(`
    with borrower as (
      select distinct on (h.id) m.id as member_id, h.id as household_id, h.village_code, (1 + h.id % 5) * 1000000 as principal,
        case when h.id % 4 <> 0 then 500000 else 0 end as repaid
      from household h join member m on m.household_id = h.id
      where h.status <> 'REMOVED' and h.id % 3 = 0 and m.labour_capacity in ('ORDINARY', 'SKILLED', 'WEAK')
        and m.birth_date <= date '${today}' - 400 - interval '18 years' and m.birth_date > date '${today}' - interval '65 years'
      order by h.id, m.id
    )
    insert into micro_loan (organisation_id, external_id, member_id, household_id, village_code, date, amount_fen, loan_number, kind,
      term_months, rate_basis_points, purpose, interest_subsidised, overdue_days)
    select o.id, 'DEMO-LN-' || b.household_id || '-' || e.code, b.member_id, b.household_id, b.village_code, date '${today}' - e.days_ago, e.amount,
      'DEMO-LN-' || b.household_id, e.kind, e.term_months, e.rate, e.purpose, e.subsidised, e.overdue_days
    from borrower b
    join organisation o on o.role = 'FINANCE' and b.village_code like o.scopes[1] || '%' and (o.name like '%农村商业银行') = (b.household_id % 2 = 0)
    cross join lateral (
      select * from (values
        ('1-ISSUE', true, 'ISSUE', 400, b.principal, case when b.household_id % 5 = 0 then 12 else 36 end, 435,
          (array['养殖(生猪)', '种植(茶叶)', '农产品加工'])[1 + b.household_id % 3], b.household_id % 3 <> 0, null::integer),
        ('2-REPAYMENT', b.repaid > 0, 'REPAYMENT', 200, b.repaid, null, null, null, null, null),
        ('3-OVERDUE', b.household_id % 11 = 0, 'OVERDUE', 100, 200000, null, null, null, null, 100),
        ('4-RENEWAL', b.household_id % 5 = 0, 'RENEWAL', 30, b.principal - b.repaid, 12, 435, null, true, null),
        ('5-WRITE-OFF', b.household_id % 11 = 0, 'WRITE_OFF', 10, b.principal - b.repaid, null, null, null, null, null),
        ('6-OVERDUE', b.household_id % 7 = 0 and b.household_id % 11 <> 0, 'OVERDUE', 5, 200000, null, null, null, null, 20)
      ) as kinds (code, given, kind, days_ago, amount, term_months, rate, purpose, subsidised, overdue_days)
      where kinds.given
    ) e`);
}
