import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { AssistanceMeasure } from '../../sync/measure.types';
import { IndustrySupportKind } from './industry.enums';

@InputType('IndustrySupportRecord', { description: 'One industry support measure 产业扶贫 reaching a household, as the poverty office holds it' })
export class IndustrySupportRecord {
  @Field(() => String, { description: 'Your own id for this record: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => String, { description: "The 居民身份证号 of the member it reaches (the shareholder, the one paid; usually the head)" })
  idNumber!: string;

  @Field(() => IndustrySupportKind)
  kind!: IndustrySupportKind;

  @Field(() => String, { description: 'The project 项目: the crop or livestock (茶叶, 生猪), the cooperative (合作社), the photovoltaic station (光伏电站), the shop (网店) or the site (农家乐)' })
  project!: string;

  @Field(() => MoneyScalar, { description: 'In yuan, positive: the subsidy, share capital, dividend or income paid' })
  amount!: number;

  @Field(() => LocalDateResolver, { description: 'Day paid 发放日期 (for shares: the day taken up), not in the future' })
  paidOn!: string;
}

@ObjectType('IndustrySupport', { implements: AssistanceMeasure, description: 'An industry support measure 产业扶贫 reaching a household; amount is what was paid or put in' })
export class IndustrySupportType extends AssistanceMeasure {
  @Field(() => IndustrySupportKind)
  supportKind!: IndustrySupportKind;

  @Field(() => String)
  project!: string;
}
