import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/money.scalar';
import { Verdict } from '../households';
import type { ResolvedParameter } from '../parameters';
import { PolicyParameterType } from '../parameters';
import { VillageExitItemKind } from './village-exit.enums';

@ObjectType('VillageExitItem', { description: 'One item of the exit test, its verdict and the figures it rests on' })
export class VillageExitItemType {
  @Field(() => VillageExitItemKind)
  item!: VillageExitItemKind;

  @Field(() => Verdict, { description: 'UNKNOWN when a record or a parameter it needs is missing' })
  verdict!: Verdict;

  @Field(() => String, { description: 'What the verdict rests on, in a sentence with its figures and sources' })
  evidence!: string;

  @Field(() => Int, { nullable: true, description: 'INCIDENCE: registered persons of households NOT_EXITED, ROLLED_BACK or RETURNED' })
  poorPersons?: number | null;

  @Field(() => Int, { nullable: true, description: 'INCIDENCE: the village’s agricultural registered population 农业户籍人口' })
  agriculturalPopulation?: number | null;

  @Field(() => String, { nullable: true, description: 'INCIDENCE: poorPersons / agriculturalPopulation as a percentage with two places, "2.10"' })
  incidence?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'COLLECTIVE_ECONOMY: collective operating income per year 村集体经营性收入, as recorded' })
  collectiveIncome?: number | null;

  @Field(() => PolicyParameterType, { nullable: true, description: 'The parameter row the figure was held against; null when none is set' })
  threshold?: ResolvedParameter | null;
}

@ObjectType('VillageExitReadiness', { description: 'Whether a village meets the exit test 一低五有 for a year: ready only when every item is MET' })
export class VillageExitReadinessType {
  @Field(() => Int, { description: 'The year whose parameters apply' })
  year!: number;

  @Field(() => Boolean)
  ready!: boolean;

  @Field(() => [VillageExitItemType])
  items!: VillageExitItemType[];
}
