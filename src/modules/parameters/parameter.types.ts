import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ParameterName, ParameterUnit } from './parameter.enums';

@ObjectType('PolicyParameter', {
  description: 'A policy parameter row: its value for the regions under regionPrefix from fromYear to toYear, and the document it comes from',
})
export class PolicyParameterType {
  @Field(() => ID, { description: 'The row, as cited in evidence ("policy parameter #7")' })
  id!: number;

  @Field(() => ParameterName)
  name!: ParameterName;

  @Field(() => ParameterUnit, { description: 'How value is written' })
  unit!: ParameterUnit;

  @Field(() => String, { description: 'Region-code prefix the row applies under: "43" Hunan, "430923" 安化县' })
  regionPrefix!: string;

  @Field(() => Int)
  fromYear!: number;

  @Field(() => Int, { nullable: true, description: 'Last year included; null: in force until a row with a later fromYear supersedes it' })
  toYear?: number | null;

  @Field(() => String, { description: 'The document and figure the value comes from' })
  source!: string;
}

@InputType('SetPolicyParameterInput', { description: 'The value of a parameter for a region prefix from a year; (name, regionPrefix, fromYear) is replaced if it exists' })
export class SetPolicyParameterInput {
  @Field(() => ParameterName)
  name!: ParameterName;

  @Field(() => String, { description: 'Prefix of a region inside your scopes: 2, 4, 6, 9 or 12 digits' })
  regionPrefix!: string;

  @Field(() => Int, { description: '2010 to 2100' })
  fromYear!: number;

  @Field(() => Int, { nullable: true, description: 'Last year included, not before fromYear; omit for "until superseded"' })
  toYear?: number | null;

  @Field(() => String, { description: 'In the unit of the name: yuan "3430.00" (FEN), a percentage "1.2" (BASIS_POINTS), a whole number otherwise' })
  value!: string;

  @Field(() => String, { description: 'The document and figure, e.g. "南湖洲镇2018年脱贫攻坚工作方案: 3430元"' })
  source!: string;
}
