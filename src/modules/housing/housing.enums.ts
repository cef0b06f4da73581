import { registerEnumType } from 'type-graphql';

/** What a housing record is (DOMAIN.md, 住房安全): each kind is its own GraphQL type, all in one table and one batch. */
export enum HousingMeasureKind {
  ASSESSMENT = 'ASSESSMENT',
  RENOVATION = 'RENOVATION',
  RELOCATION = 'RELOCATION',
}

registerEnumType(HousingMeasureKind, {
  name: 'HousingMeasureKind',
  description: 'A kind of housing record 住房安全保障',
  valuesConfig: {
    ASSESSMENT: { description: '危房鉴定 house-safety assessment: grade and assessor' },
    RENOVATION: { description: '危房改造 renovation of a dangerous house: subsidy, start and completion' },
    RELOCATION: { description: '易地扶贫搬迁 relocation: resettlement site and move-in date' },
  },
});
