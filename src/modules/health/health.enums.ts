import { registerEnumType } from 'type-graphql';

/** The medical-insurance schemes of the seeds' 健康扶贫 (seed 004: 基本医保、大病保险、商业补充医疗保险). */
export enum InsuranceScheme {
  BASIC = 'BASIC',
  CRITICAL_ILLNESS = 'CRITICAL_ILLNESS',
  SUPPLEMENTARY = 'SUPPLEMENTARY',
}

registerEnumType(InsuranceScheme, {
  name: 'InsuranceScheme',
  description: 'A medical-insurance scheme 医疗保险',
  valuesConfig: {
    BASIC: { description: '城乡居民基本医疗保险 basic medical insurance' },
    CRITICAL_ILLNESS: { description: '大病保险 critical-illness insurance' },
    SUPPLEMENTARY: { description: '补充医疗保险 supplementary medical insurance' },
  },
});

export enum CareSetting {
  INPATIENT = 'INPATIENT',
  OUTPATIENT = 'OUTPATIENT',
}

registerEnumType(CareSetting, {
  name: 'CareSetting',
  description: 'Where care was given',
  valuesConfig: { INPATIENT: { description: '住院 inpatient' }, OUTPATIENT: { description: '门诊 outpatient (门诊特殊病种 included)' } },
});
