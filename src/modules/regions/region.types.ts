import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/pagination';
import { RegionLevel, VillagePovertyStatus } from './region.enums';

@ObjectType('Region', { description: 'A place by its 12-digit statistical code 统计用区划代码: county 县, township 乡镇 or village 村' })
export class RegionType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;
}

@ObjectType('VillageFacilities', { description: 'The five facilities of the village exit test 一低五有; null where never recorded' })
export class VillageFacilities {
  @Field(() => Boolean, { nullable: true, description: '文化室 culture room' })
  cultureRoom!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '卫生室 clinic' })
  clinic!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '通信网络 telecom network' })
  telecom!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '通村硬化路 hardened road to the village' })
  hardenedRoad!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '村集体经济 collective economy' })
  collectiveEconomy!: boolean | null;
}

@ObjectType('Village', { description: 'A village 村 or urban community 社区 with its poverty facts' })
export class VillageType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => VillagePovertyStatus, { description: '贫困村 / 已退出 / 非贫困村' })
  povertyStatus!: VillagePovertyStatus;

  @Field(() => Int, { nullable: true, description: 'Year the village exited 摘帽年度' })
  exitYear?: number | null;

  @Field(() => Int, { description: 'Number of village groups 村民小组' })
  groupCount!: number;

  @Field(() => Int, { nullable: true, description: '农业户籍人口 agricultural registered population, the denominator of poverty incidence; null when not recorded' })
  agriculturalPopulation?: number | null;
}

export const VillageConnection = ConnectionType(VillageType, 'Village', 'A page of villages within your scope');

@InputType({ description: 'Which villages to list' })
export class VillageFilter {
  @Field(() => String, { nullable: true, description: 'Region-code prefix, e.g. "430923" for a county or "430923100" for a township' })
  regionCode?: string;

  @Field(() => [VillagePovertyStatus], { nullable: true })
  povertyStatus?: VillagePovertyStatus[];
}
