import { BigIntType, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { auditable } from '../../db/unit-of-work';
import { PARAMETER_UNITS, ParameterName } from './parameter.enums';

/**
 * One value of a policy parameter for the regions under `regionPrefix`, in force from `fromYear`
 * to `toYear` (inclusive; null: until superseded). Which row applies to a place and year is
 * decided in SQL by resolveParameter (parameter.service.ts): longest prefix, then latest fromYear.
 */
@Entity({ tableName: 'policy_parameter' })
@Unique({ properties: ['name', 'regionPrefix', 'fromYear'] })
export class PolicyParameter {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Enum({ items: () => ParameterName, type: 'text' })
  name!: ParameterName;

  /** Region-code prefix of 2 to 12 digits: '43' Hunan, '430923' 安化县. */
  @Property({ type: 'varchar', length: 12 })
  regionPrefix!: string;

  @Property({ type: 'smallint' })
  fromYear!: number;

  @Property({ type: 'smallint', nullable: true })
  toYear?: number | null;

  /** An integer in the unit's base (PARAMETER_UNITS): fen, basis points, or a plain count. */
  @Property({ type: new BigIntType('number') })
  value!: number;

  /** The document and figure the value comes from. */
  @Property({ type: 'text' })
  source!: string;
}

auditable(PolicyParameter, { region: (p) => p.regionPrefix, derive: (p) => ({ unit: PARAMETER_UNITS[p.name as ParameterName] }) });
