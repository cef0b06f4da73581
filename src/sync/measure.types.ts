import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../graphql/money.scalar';
import { OrganisationType } from '../modules/auth';
import { HouseholdType, MemberType } from '../modules/households';

/**
 * The sectors of assistance measures (帮扶措施, DOMAIN.md), as GraphQL's enum Sector: empty here,
 * filled from the sectors the modules declare (installMeasures, src/sync/measures.ts) before the
 * schema is built, so that a new sector's module adds its value without editing the engine.
 */
export const Sector: Record<string, string> = {};
export const SECTOR_DESCRIPTIONS: Record<string, { description: string }> = {};

registerEnumType(Sector, { name: 'Sector', description: 'The sector of an assistance measure 帮扶措施', valuesConfig: SECTOR_DESCRIPTIONS });

/** AssistanceMeasure.id as every sector's type answers it (measureId, measure.rows.ts). */
export const MEASURE_ID_DESCRIPTION = 'Unique across every sector’s records: the type and its key, e.g. "StudentAid:17"; never taken as an argument (records are retracted by externalId)';

/**
 * A measure as every sector's record is one (API.md): a partner's record, dated, with an amount
 * where money moves, reaching a member of a registered household. Field resolvers for
 * `id`, `household`, `member` and `recordedBy` are the implementing types'. The interface names the
 * registry's and auth's types through their public entries; the engine itself imports neither.
 */
// No resolveType: type-graphql's would be asynchronous, which graphql-jit (compiled execution) does
// not await. Its default finds the type by class, so a sector's rows are made with their type's prototype.
@InterfaceType('AssistanceMeasure', { description: 'An assistance measure 帮扶措施 a partner recorded, of any sector' })
export abstract class AssistanceMeasure {
  @Field(() => ID, { description: MEASURE_ID_DESCRIPTION })
  id!: string;

  @Field(() => Sector)
  sector!: string;

  @Field(() => String, { description: "The measure's kind within its sector, as its type's enum names it (e.g. NUTRITION_MEALS, ENROLLED)" })
  kind!: string;

  @Field(() => HouseholdType, { nullable: true })
  household!: unknown;

  @Field(() => MemberType, { nullable: true, description: 'Null once the member has left the register' })
  member!: unknown;

  @Field(() => OrganisationType, { description: 'The organisation that recorded it' })
  recordedBy!: unknown;

  @Field(() => MoneyScalar, { nullable: true, description: 'In yuan; null where no money moves (an enrolment)' })
  amount!: number | null;

  @Field(() => LocalDateResolver, { description: 'When it took effect: aid paid, a status reached' })
  date!: string;

  @Field(() => String, { description: "The recording organisation's own id for it" })
  externalId!: string;

  @Field(() => DateTimeISOResolver, { description: 'When the registry first received it' })
  recordedAt!: Date;
}

/** The interface's fields, as a sector's policy grants them on its record types. */
export const MEASURE_FIELDS = ['id', 'sector', 'kind', 'household', 'member', 'amount', 'date', 'recordedBy', 'externalId', 'recordedAt'] as const;

/** Which measures a household or a member lists: of one sector, within dates (both ends included). */
@ArgsType()
export class MeasureArgs {
  @Field(() => Sector, { nullable: true, description: 'Only this sector’s measures' })
  sector?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Dated on or after this day' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Dated on or before this day' })
  to?: string;
}

@ObjectType('MeasureTotal', { description: "A household's assistance of one sector in one year 扶贫资金到户: the records you may read, added up" })
export class MeasureTotalType {
  @Field(() => Sector)
  sector!: string;

  @Field(() => Int, { description: 'The calendar year the records are dated in' })
  year!: number;

  @Field(() => MoneyScalar, { description: "The records' amounts added up, in yuan (each as its type's amount has it: a 低保's is monthly); records without an amount add nothing" })
  amount!: number;

  @Field(() => Int, { description: 'How many records' })
  count!: number;
}
