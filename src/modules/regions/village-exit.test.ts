import { Verdict } from '../households/registry.enums';
import { ParameterName, ParameterUnit } from '../parameters/parameter.enums';
import type { ResolvedParameter } from '../parameters/parameter.service';
import { assessVillageExit, percentage, type VillageExitFacts } from './village-exit';

const target: ResolvedParameter = {
  id: 7, name: ParameterName.VILLAGE_EXIT_INCIDENCE_TARGET, unit: ParameterUnit.BASIS_POINTS, value: 300,
  regionPrefix: '43', fromYear: 2020, toYear: null, source: '乡镇精准扶贫计划: 低于3%',
};
const minimum: ResolvedParameter = {
  id: 9, name: ParameterName.VILLAGE_COLLECTIVE_INCOME_MIN, unit: ParameterUnit.FEN, value: 1_000_000,
  regionPrefix: '430923', fromYear: 2018, toYear: null, source: '测试: 1万元',
};
const ready: VillageExitFacts = {
  code: '430923104201', year: 2024, agriculturalPopulation: 571, poorPersons: 12, poorHouseholds: 4,
  hasCultureRoom: true, hasClinic: true, hasTelecom: true, hasHardenedRoad: true,
  collectiveIncomeFen: 1_000_000, incidenceTarget: target, collectiveIncomeMin: minimum,
};
const item = (facts: Partial<VillageExitFacts>, kind: string) => assessVillageExit({ ...ready, ...facts }).items.find((i) => i.item === kind)!;

describe('the village exit test 一低五有', () => {
  it('is ready when every item is met, with the figures and the rows it rests on', () => {
    const result = assessVillageExit(ready);
    expect(result.ready).toBe(true);
    expect(result.items.map((i) => [i.item, i.verdict])).toEqual([
      ['INCIDENCE', 'MET'], ['CULTURE_ROOM', 'MET'], ['CLINIC', 'MET'], ['TELECOM', 'MET'], ['HARDENED_ROAD', 'MET'], ['COLLECTIVE_ECONOMY', 'MET'],
    ]);
    const incidence = result.items[0];
    expect(incidence).toMatchObject({ poorPersons: 12, agriculturalPopulation: 571, incidence: '2.10', threshold: target });
    expect(incidence.evidence).toContain('poverty incidence 2.10% = 12 / 571');
    expect(incidence.evidence).toContain('below the target 3% of policy parameter #7 (43, from 2020: 乡镇精准扶贫计划: 低于3%)');
    expect(incidence.evidence).toContain('漏评');
    expect(result.items[5]).toMatchObject({ collectiveIncome: 1_000_000, threshold: minimum });
    expect(result.items[5].evidence).toContain('10000.00 yuan a year, as last recorded; at least the minimum 10000.00 yuan of policy parameter #9');
  });

  it('needs incidence strictly below the target, counted in integers', () => {
    expect(item({ poorPersons: 3, agriculturalPopulation: 100 }, 'INCIDENCE').verdict).toBe(Verdict.NOT_MET); // exactly 3 %
    expect(item({ poorPersons: 3, agriculturalPopulation: 101 }, 'INCIDENCE').verdict).toBe(Verdict.MET); // 2.97 %
    expect(item({ poorPersons: 0, agriculturalPopulation: 101 }, 'INCIDENCE')).toMatchObject({ verdict: Verdict.MET, incidence: '0.00' });
    expect(item({ poorPersons: 30, agriculturalPopulation: 571 }, 'INCIDENCE')).toMatchObject({ verdict: Verdict.NOT_MET, incidence: '5.25' });
  });

  it('is UNKNOWN, never a number, without population or target', () => {
    const noPopulation = item({ agriculturalPopulation: null }, 'INCIDENCE');
    expect(noPopulation.verdict).toBe(Verdict.UNKNOWN);
    expect(noPopulation.incidence ?? null).toBeNull();
    expect(noPopulation.evidence).toContain('not recorded');
    const noTarget = item({ incidenceTarget: null }, 'INCIDENCE');
    expect(noTarget).toMatchObject({ verdict: Verdict.UNKNOWN, incidence: '2.10', threshold: null });
    expect(noTarget.evidence).toContain('no VILLAGE_EXIT_INCIDENCE_TARGET is set for 430923104201 in 2024');
    expect(assessVillageExit({ ...ready, incidenceTarget: null }).ready).toBe(false);
  });

  it('reads each facility as recorded: present, absent or not recorded', () => {
    expect(item({ hasClinic: false }, 'CLINIC')).toMatchObject({ verdict: Verdict.NOT_MET, evidence: '卫生室 village clinic: recorded as absent' });
    expect(item({ hasTelecom: null }, 'TELECOM')).toMatchObject({ verdict: Verdict.UNKNOWN, evidence: '通讯网络 telecom network: not recorded' });
    expect(assessVillageExit({ ...ready, hasHardenedRoad: null }).ready).toBe(false);
  });

  it('holds collective income against the minimum of the year', () => {
    expect(item({ collectiveIncomeFen: 999_999 }, 'COLLECTIVE_ECONOMY').verdict).toBe(Verdict.NOT_MET);
    expect(item({ collectiveIncomeFen: null }, 'COLLECTIVE_ECONOMY').verdict).toBe(Verdict.UNKNOWN);
    const noMinimum = item({ collectiveIncomeMin: null }, 'COLLECTIVE_ECONOMY');
    expect(noMinimum.verdict).toBe(Verdict.UNKNOWN);
    expect(noMinimum.evidence).toContain('no VILLAGE_COLLECTIVE_INCOME_MIN is set');
  });

  it('writes percentages with two places', () => {
    expect(percentage(12, 571)).toBe('2.10');
    expect(percentage(1, 3)).toBe('33.33');
    expect(percentage(2, 3)).toBe('66.67');
    expect(percentage(5, 5)).toBe('100.00');
  });
});
