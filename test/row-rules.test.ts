import type { Viewer } from '../src/kernel/viewer';
import { Role } from '../src/kernel/role';
import { ageOn } from '../src/modules/households';
import { agedBetween, allOf, inPairedVillages, inRegionScopes, pairedWithCallersCadres, viaHousehold, writtenByCaller, type RowRule } from '../src/policy/row-rules';
import { describeRows } from '../src/policy/permissions-doc';
import { ruleSql, type RowTarget } from '../src/policy/row-scope';
import { startTestApp, type TestApp } from './harness';

/**
 * Each kind of row rule, rendered to SQL and run by PostgreSQL as the application role under
 * row-level security, keeps exactly the rows the rule names: counted against the same question
 * asked of the owner in plain SQL.
 */
let t: TestApp;
let organisationId: number;
let village: string;
beforeAll(async () => {
  t = await startTestApp({ households: 60 });
  [{ organisation_id: organisationId }] = await t.sql<{ organisation_id: number }>(`select organisation_id from organisation_pairing where village_code like '430923%' group by 1 order by count(*) desc limit 1`);
  [{ village_code: village }] = await t.sql<{ village_code: string }>(`select village_code from household where village_code like '430923%' group by 1 order by count(*) desc limit 1`);
});
afterAll(() => t.close());

const TODAY = '2026-12-01';
const viewer = (scopes: string[], pairedVillages: string[] = []): Viewer => ({
  organisationId,
  organisationName: 'test',
  role: Role.POVERTY_OFFICE,
  scopes,
  pairedVillages,
  apiKeyId: 1,
  apiKeyPrefix: 'test',
});

/** Runs a statement as jingzhun_app with the viewer's scopes, in a transaction rolled back. */
async function asApplication<T>(who: Viewer, text: string, bindings: unknown[], settings = ''): Promise<T[]> {
  const em = t.db.orm.em.fork();
  await em.begin();
  try {
    await em.execute(`select set_config('role', 'jingzhun_app', true), set_config('jingzhun.scope_patterns', ?, true)${settings}`, [who.scopes.map((s) => `${s}%`).join(',')]);
    return await em.execute<T[]>(text, bindings);
  } finally {
    await em.rollback();
  }
}

/** `select count(*) from <table> <alias> where <rule>`, as the application. */
async function countAsApplication(table: string, target: RowTarget, rule: RowRule, who: Viewer, today = TODAY): Promise<number> {
  const where = ruleSql(rule, who, target, today);
  const [{ n }] = await asApplication<{ n: number }>(who, `select count(*)::int as n from ${table} ${target.alias} where ${where.sql}`, where.bindings);
  return n;
}

/** The plan's index conditions, with sequential scans off: a rule PostgreSQL distrusts under row-level security would stay a filter. */
async function indexConditions(table: string, target: RowTarget, rule: RowRule, who: Viewer): Promise<string> {
  const where = ruleSql(rule, who, target, TODAY);
  const [row] = await asApplication<{ 'QUERY PLAN': unknown }>(who, `explain (format json) select * from ${table} ${target.alias} where ${where.sql}`, where.bindings, `, set_config('enable_seqscan', 'off', true)`);
  return JSON.stringify(row['QUERY PLAN']).match(/"Index Cond":"[^"]*"/g)?.join(' ') ?? '';
}

const ownerCount = async (sql: string, params: unknown[] = []) => (await t.sql<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n;
const HOUSEHOLD = { alias: 'h', code: 'h.village_code' };
const MEMBER = { alias: 'm' };
const AGE = `extract(year from age(?::date, m.birth_date))`;

describe('row rules as SQL', () => {
  it('inRegionScopes keeps the rows whose code starts with a scope prefix', async () => {
    const expected = await ownerCount(`household where village_code like '430923%' and village_code like ?`, [`${village.slice(0, 9)}%`]);
    expect(expected).toBeGreaterThan(0);
    expect(await countAsApplication('household', HOUSEHOLD, inRegionScopes, viewer(['430923', village.slice(0, 9)]))).toBe(await ownerCount(`household where village_code like '430923%'`));
    expect(await countAsApplication('household', HOUSEHOLD, inRegionScopes, viewer([village.slice(0, 9)]))).toBe(expected);
  });

  it('inPairedVillages keeps the paired villages inside the scopes, and nothing for a pairing outside them', async () => {
    expect(await countAsApplication('household', HOUSEHOLD, inPairedVillages, viewer(['430923'], [village]))).toBe(await ownerCount(`household where village_code = ?`, [village]));
    expect(await countAsApplication('household', HOUSEHOLD, inPairedVillages, viewer(['430981'], [village]))).toBe(0);
  });

  it("writtenByCaller keeps the records of the caller's organisation", async () => {
    const expected = await ownerCount(`organisation_pairing where organisation_id = ? and village_code like '430923%'`, [organisationId]);
    expect(expected).toBeGreaterThan(0);
    const target = { alias: 'p' };
    expect(await countAsApplication('organisation_pairing', target, writtenByCaller(), viewer(['430923']))).toBe(expected);
    expect(await countAsApplication('organisation_pairing', target, writtenByCaller(), { ...viewer(['430923']), organisationId: -1 })).toBe(0);
  });

  it("viaHousehold judges a record by its household's village", async () => {
    const expected = await ownerCount(`member m join household h on h.id = m.household_id where h.village_code = ?`, [village]);
    expect(expected).toBeGreaterThan(0);
    // Scopes wider than the rule: the rule itself narrows the members to the village's.
    expect(await countAsApplication('member', MEMBER, viaHousehold(inRegionScopes), viewer(['430923', village]))).toBe(await ownerCount(`member m join household h on h.id = m.household_id where h.village_code like '430923%'`));
    expect(await countAsApplication('member', MEMBER, viaHousehold(inPairedVillages), viewer(['430923'], [village]))).toBe(expected);
  });

  it("pairedWithCallersCadres keeps the households (and their members) a cadre of the caller's unit is paired with now, not those of an ended pairing", async () => {
    const [unit] = await t.sql<{ id: number }>(`select organisation_id as id from cadre_pairing where village_code like '430923%' group by 1 order by count(*) desc limit 1`);
    const unitViewer = { ...viewer(['430923']), organisationId: unit.id };
    const now = await ownerCount(`household h where exists (select 1 from cadre_pairing p where p.household_id = h.id and p.organisation_id = ? and p.ended_on is null)`, [unit.id]);
    expect(now).toBeGreaterThan(0);
    expect(await countAsApplication('household', HOUSEHOLD, pairedWithCallersCadres(), unitViewer)).toBe(now);
    expect(await countAsApplication('member', MEMBER, pairedWithCallersCadres('household_id'), unitViewer)).toBe(
      await ownerCount(`member m where exists (select 1 from cadre_pairing p where p.household_id = m.household_id and p.organisation_id = ? and p.ended_on is null)`, [unit.id]),
    );
    expect(await countAsApplication('household', HOUSEHOLD, pairedWithCallersCadres(), { ...unitViewer, organisationId: -1 })).toBe(0);
    await t.sql(`update cadre_pairing set ended_on = current_date, end_reason = 'test' where id = (select min(id) from cadre_pairing where organisation_id = ? and ended_on is null)`, [unit.id]);
    expect(await countAsApplication('household', HOUSEHOLD, pairedWithCallersCadres(), unitViewer)).toBe(now - 1);
  });

  it('agedBetween keeps the people of that age today, as ageOn counts birthdays', async () => {
    const expected = await ownerCount(`member m join household h on h.id = m.household_id where h.village_code like '430923%' and ${AGE} between 6 and 15`, [TODAY]);
    expect(expected).toBeGreaterThan(0);
    expect(await countAsApplication('member', MEMBER, agedBetween(6, 15), viewer(['430923']))).toBe(expected);
  });

  it('agedBetween agrees with ageOn on every birthday boundary, 29 February included', async () => {
    const days = ['2026-12-01', '2025-02-28', '2025-03-01', '2024-02-29', '2024-02-28', '2027-01-01'];
    const births = ['2010-12-01', '2010-12-02', '2011-11-30', '2020-12-01', '2020-12-02', '2008-02-29', '2009-02-28', '2009-03-01', '2018-02-28', '2018-03-01', '2019-02-28', '2016-02-29', '2012-02-29'];
    const rule = agedBetween(6, 15);
    for (const today of days) {
      const where = ruleSql(rule, viewer(['43']), { alias: 'p' }, today);
      const kept = await t.sql<{ birth: string }>(
        `select to_char(p.birth_date, 'YYYY-MM-DD') as birth from unnest(?::date[]) as p(birth_date) where ${where.sql} order by 1`,
        [`{${births.join(',')}}`, ...where.bindings],
      );
      const expected = births.filter((b) => ageOn(b, today) >= 6 && ageOn(b, today) <= 15).sort();
      expect({ today, kept: kept.map((k) => k.birth) }).toEqual({ today, kept: expected });
    }
  });

  it('allOf keeps the rows every rule keeps: members of school age in households of the region', async () => {
    const rule = allOf(viaHousehold(inRegionScopes), agedBetween(6, 15));
    const where = `member m join household h on h.id = m.household_id where h.village_code like ? and ${AGE} between 6 and 15`;
    const township = village.slice(0, 9);
    expect(await countAsApplication('member', MEMBER, rule, viewer([township]))).toBe(await ownerCount(where, [`${township}%`, TODAY]));
  });

  it('stay index conditions under row-level security (leakproof comparisons)', async () => {
    expect(await indexConditions('organisation_pairing', { alias: 'p' }, writtenByCaller(), viewer(['430923']))).toMatch(/organisation_id = /);
    expect(await indexConditions('household', HOUSEHOLD, inRegionScopes, viewer([village.slice(0, 9)]))).toContain(`(village_code)::text >= '${village.slice(0, 9)}'`);
    expect(await indexConditions('member', MEMBER, viaHousehold(inPairedVillages), viewer(['430923'], [village]))).toContain(`(village_code = '${village}'::text)`);
  });

  it('are told in words, each kind from its parameters', () => {
    expect(allOf(viaHousehold(), agedBetween(6, 15)).describe).toBe(
      "its household (household_id) has a village whose region code starts with one of the caller's scope prefixes, and aged 6 to 15 today in China (from birth_date)",
    );
    expect(writtenByCaller().describe).toBe("written by the caller's organisation (organisation_id)");
    expect(() => agedBetween(15, 6)).toThrow();
    const doc = describeRows({ default: inRegionScopes, byRole: { CPPCC: inPairedVillages, EDUCATION: allOf(viaHousehold(), agedBetween(6, 15)) } });
    expect(doc).toBe(
      "for every other role, region code starts with one of the caller's scope prefixes; for CPPCC, village is paired with the caller's organisation (organisation_pairing) and inside its scopes; " +
        "for EDUCATION, its household (household_id) has a village whose region code starts with one of the caller's scope prefixes, and aged 6 to 15 today in China (from birth_date)",
    );
  });
});
