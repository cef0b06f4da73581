import { registerEnumType } from 'type-graphql';

/** The civil-affairs assistance of the seeds' 兜底保障 (DOMAIN.md; seed 002: 低保、五保/特困、临时救助、困难残疾人两项补贴). */
export enum SocialAssistanceKind {
  SUBSISTENCE_ALLOWANCE = 'SUBSISTENCE_ALLOWANCE',
  EXTREME_POVERTY_SUPPORT = 'EXTREME_POVERTY_SUPPORT',
  TEMPORARY_ASSISTANCE = 'TEMPORARY_ASSISTANCE',
  DISABILITY_LIVING_SUBSIDY = 'DISABILITY_LIVING_SUBSIDY',
  SEVERE_DISABILITY_CARE_SUBSIDY = 'SEVERE_DISABILITY_CARE_SUBSIDY',
}

registerEnumType(SocialAssistanceKind, {
  name: 'SocialAssistanceKind',
  description: 'A kind of social assistance 社会救助 (兜底保障)',
  valuesConfig: {
    SUBSISTENCE_ALLOWANCE: { description: '农村最低生活保障 低保 minimum living allowance, monthly' },
    EXTREME_POVERTY_SUPPORT: { description: '特困人员救助供养 (五保) support for the extremely poor, monthly' },
    TEMPORARY_ASSISTANCE: { description: '临时救助 temporary assistance, paid once' },
    DISABILITY_LIVING_SUBSIDY: { description: '困难残疾人生活补贴 living subsidy for disabled people in hardship, monthly' },
    SEVERE_DISABILITY_CARE_SUBSIDY: { description: '重度残疾人护理补贴 care subsidy for the severely disabled, monthly' },
  },
});
