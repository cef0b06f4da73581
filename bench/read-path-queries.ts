/**
 * The four reads of issue 10, each twice: as the GraphQL the API answers, and as the one SQL
 * statement the hand-written baseline answers it with, building the same JSON `data` in PostgreSQL.
 * The baseline logs in as the owner, past row-level security, so every statement applies the
 * caller's scope itself, from the key it was given, as the API's row rules do.
 */

import type { Client } from 'pg';

export type ReadQueryName = 'village' | 'household' | 'bankHouseholds' | 'loanEligibility';

export type ReadQuery = {
  name: ReadQueryName;
  label: string;
  key: string;
  graphql: string;
  variables: Record<string, unknown>;
};

/** What the baseline runs: `$1` is the key's hash, then the variables in `variables` order. */
export type BaselineStatement = { sql: string; variables: string[] };

/** The caller as the API authenticates it: a live, unexpired key and its organisation's scopes. */
const CALLER = `caller as (
  select k.id as key_id, o.id as organisation_id, o.scopes
  from api_key k join organisation o on o.id = k.organisation_id
  where k.key_hash = $1 and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()))`;

const inScope = (code: string) => `exists (select 1 from unnest(c.scopes) s where ${code} like s || '%')`;

/** Money as the API writes it: integer fen as yuan with two places (amounts here are never negative). */
const money = (fen: string) => `(${fen} / 100)::text || '.' || lpad((${fen} % 100)::text, 2, '0')`;

/** The household's members, those meeting `rule` if given (a caller's row rule on `member m`). */
const membersOf = (fields: string, rule = 'true') =>
  `(select coalesce(json_agg(json_build_object(${fields}) order by m.id), '[]'::json) from member m where m.household_id = h.id and ${rule})`;

/**
 * A bank's row rule (src/modules/households/households.policy.ts): the households and members
 * its own loans name, retracted loans not counted. `column` is micro_loan's, `id` the row's.
 */
const borrowedFromCaller = (column: string, id: string) =>
  `exists (select 1 from micro_loan l where l.${column} = ${id} and l.organisation_id = c.organisation_id and l.retracted_at is null)`;

/** The poverty office sees everything; these are the fields a case worker's list shows. */
const OFFICE_MEMBER_FIELDS = 'id name idNumber relation sex birthDate education health labourCapacity employment';
const OFFICE_MEMBER_JSON = `'id', m.id::text, 'name', m.name, 'idNumber', m.id_number, 'relation', m.relation, 'sex', m.sex,
  'birthDate', m.birth_date, 'education', m.education, 'health', m.health, 'labourCapacity', m.labour_capacity, 'employment', m.employment`;
const OFFICE_HOUSEHOLD_FIELDS = `id number groupNo registrationYear status exitYear category causes incomePerCapita version members { ${OFFICE_MEMBER_FIELDS} }`;
const OFFICE_HOUSEHOLD_JSON = `json_build_object('id', h.id::text, 'number', h.number, 'groupNo', h.group_no, 'registrationYear', h.registration_year,
  'status', h.status, 'exitYear', h.exit_year, 'category', h.category, 'causes', h.causes, 'incomePerCapita', ${money('h.income_per_capita_fen')},
  'version', h.version, 'members', ${membersOf(OFFICE_MEMBER_JSON)})`;

/**
 * A bank (FINANCE) may read these and no more (docs/permissions.md): no health, schooling, income
 * or causes; and only its borrowers, not their families.
 */
const BANK_MEMBER_FIELDS = 'id name idNumber relation sex birthDate labourCapacity';
const BANK_MEMBER_JSON = `'id', m.id::text, 'name', m.name, 'idNumber', m.id_number, 'relation', m.relation, 'sex', m.sex,
  'birthDate', m.birth_date, 'labourCapacity', m.labour_capacity`;
const BANK_HOUSEHOLD_FIELDS = `id number groupNo registrationYear status exitYear category version members { ${BANK_MEMBER_FIELDS} }`;
const BANK_HOUSEHOLD_JSON = `json_build_object('id', h.id::text, 'number', h.number, 'groupNo', h.group_no, 'registrationYear', h.registration_year,
  'status', h.status, 'exitYear', h.exit_year, 'category', h.category, 'version', h.version, 'members', ${membersOf(BANK_MEMBER_JSON, borrowedFromCaller('member_id', 'm.id'))})`;

const VILLAGE_PAGE = 50;
const BANK_PAGE = 100;

/** The policy parameter in force for the applicant's village this year: longest prefix, then latest from_year (as the API resolves it). */
const parameter = (name: string) => `(select p.value from policy_parameter p
    where p.name = '${name}' and left(a.village_code, length(p.region_prefix)) = p.region_prefix
      and p.from_year <= t.year and (p.to_year is null or t.year <= p.to_year)
    order by length(p.region_prefix) desc, p.from_year desc limit 1)`;

export const BASELINE: Record<ReadQueryName, BaselineStatement> = {
  village: {
    variables: ['code'],
    sql: `with ${CALLER}
      select json_build_object('village', case when v.code is null then null else json_build_object('households', json_build_object('edges',
        (select coalesce(json_agg(json_build_object('node', ${OFFICE_HOUSEHOLD_JSON}) order by h.id), '[]'::json)
         from (select * from household h where h.village_code = v.code order by h.id limit ${VILLAGE_PAGE}) h))) end) as data
      from caller c left join region v on v.code = $2 and v.level = 'VILLAGE' and ${inScope('v.code')}`,
  },
  household: {
    variables: ['id'],
    sql: `with ${CALLER}
      select json_build_object('household', case when h.id is null then null else ${OFFICE_HOUSEHOLD_JSON} end) as data
      from caller c left join household h on h.id = $2::int and ${inScope('h.village_code')}`,
  },
  bankHouseholds: {
    variables: [],
    sql: `with ${CALLER}
      select json_build_object('households', json_build_object('edges',
        (select coalesce(json_agg(json_build_object('node', ${BANK_HOUSEHOLD_JSON}) order by h.id), '[]'::json)
         from (select * from household h where ${inScope('h.village_code')} and ${borrowedFromCaller('household_id', 'h.id')} order by h.id limit ${BANK_PAGE}) h))) as data
      from caller c`,
  },
  // The verdict rules of src/modules/finance/loan-eligibility.ts, and the access-log row the API writes for every check.
  loanEligibility: {
    variables: ['idNumber', 'purpose'],
    sql: `with ${CALLER},
      today as (select (now() at time zone 'Asia/Shanghai')::date as day, extract(year from now() at time zone 'Asia/Shanghai')::int as year),
      applicant as (
        select m.birth_date, m.labour_capacity, h.status, h.village_code
        from caller c join member m on m.id_number = upper(btrim($2)) join household h on h.id = m.household_id
        where ${inScope('h.village_code')}),
      logged as (
        insert into access_log (organisation_id, api_key_id, lookup, id_number, region_code, purpose, found)
        select c.organisation_id, c.key_id, 'LOAN_ELIGIBILITY', upper(btrim($2)), coalesce((select village_code from applicant), c.scopes[1]), btrim($3),
               exists (select 1 from applicant)
        from caller c),
      judged as (
        select array_remove(array[
                 case when a.status = 'REMOVED' then 'household status ' || a.status || ' 已清退' end,
                 case when extract(year from age(t.day, a.birth_date)) < 18 then 'under 18 未成年' end,
                 case when a.labour_capacity not in ('ORDINARY', 'SKILLED', 'WEAK') then 'labour capacity ' || a.labour_capacity || ' 无劳动能力' end,
                 case when x.ceiling is null or x.term is null then 'no loan ceiling or term is set for this region and year' end], null) as reasons,
               x.ceiling, x.term
        from applicant a cross join today t
        cross join lateral (select ${parameter('LOAN_CEILING')} as ceiling, ${parameter('LOAN_TERM_MONTHS')} as term) x)
      select json_build_object('loanEligibility', json_build_object(
        'idNumber', upper(btrim($2)),
        'eligible', coalesce(cardinality(j.reasons) = 0, false),
        'reasons', case when j.reasons is null then array['not a member of a registered household in your region 非建档立卡贫困户成员']
                        when cardinality(j.reasons) = 0 then array['registered household, adult, with labour capacity; up to '
                          || ${money('j.ceiling')} || ' yuan for ' || j.term || ' months']
                        else j.reasons end,
        'ceiling', case when cardinality(j.reasons) = 0 then ${money('j.ceiling')} end,
        'termMonths', case when cardinality(j.reasons) = 0 then j.term end,
        'checkedOn', t.day)) as data
      from caller c cross join today t left join judged j on true`,
  },
};

export type Subjects = { village: string; villageHouseholds: number; householdId: number; idNumber: string };

/** The county's village with the most households, and how many: the village the reads ask about. `county` is the county's placeholder. */
export const subjectVillageSql = (county: string) => `select village_code, count(*) as households from household where village_code like ${county} || '%'
  group by village_code order by count(*) desc, village_code limit 1`;

/**
 * What the reads ask for, chosen the same way at every size: the county's village with the most
 * households, its first household, and its first adult with labour capacity whose household has
 * no loan (an eligible applicant who does not borrow yet, which the bank's row rule does not show it;
 * bench/read-path-data.ts lends no more in that village).
 */
export async function pickSubjects(owner: Client, county: string): Promise<Subjects> {
  const { rows } = await owner.query<{ village: string; households: string; household_id: number; id_number: string }>(
    `with v as (${subjectVillageSql('$1')})
     select v.village_code as village, v.households,
            (select min(id) from household where village_code = v.village_code) as household_id,
            (select m.id_number from member m join household h on h.id = m.household_id
             where h.village_code = v.village_code and h.status <> 'REMOVED' and m.labour_capacity in ('ORDINARY', 'SKILLED', 'WEAK')
               and not exists (select 1 from micro_loan l where l.household_id = h.id)
               and m.birth_date <= (now() at time zone 'Asia/Shanghai')::date - interval '18 years'
             order by m.id limit 1) as id_number
     from v`,
    [county],
  );
  if (!rows[0]?.id_number) throw new Error(`county ${county} has no village with an eligible applicant; seed more households`);
  return { village: rows[0].village, villageHouseholds: Number(rows[0].households), householdId: rows[0].household_id, idNumber: rows[0].id_number };
}

export function readQueries(subjects: Subjects): ReadQuery[] {
  return [
    {
      name: 'village',
      label: `${VILLAGE_PAGE} households of a village + members (poverty office)`,
      key: 'demo-poverty-office',
      graphql: `query Village($code: String!) { village(code: $code) { households(first: ${VILLAGE_PAGE}) { edges { node { ${OFFICE_HOUSEHOLD_FIELDS} } } } } }`,
      variables: { code: subjects.village },
    },
    {
      name: 'household',
      label: 'one household + members (poverty office)',
      key: 'demo-poverty-office',
      graphql: `query Household($id: ID!) { household(id: $id) { ${OFFICE_HOUSEHOLD_FIELDS} } }`,
      variables: { id: String(subjects.householdId) },
    },
    {
      name: 'bankHouseholds',
      label: `\`households(first: ${BANK_PAGE})\` + members (bank)`,
      key: 'demo-finance',
      graphql: `query BankHouseholds { households(first: ${BANK_PAGE}) { edges { node { ${BANK_HOUSEHOLD_FIELDS} } } } }`,
      variables: {},
    },
    {
      name: 'loanEligibility',
      label: '`loanEligibility` (bank)',
      key: 'demo-finance',
      graphql: `query Loan($idNumber: String!, $purpose: String!) { loanEligibility(idNumber: $idNumber, purpose: $purpose) {
        idNumber eligible reasons ceiling termMonths checkedOn } }`,
      variables: { idNumber: subjects.idNumber, purpose: 'loan application bench-0001' },
    },
  ];
}
