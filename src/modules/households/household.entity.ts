import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Region } from '../regions';
import { HouseholdCategory, HouseholdStatus, PovertyCause } from './household.enums';
import { HousingGrade } from './registry.enums';
import { auditable } from '../../db/unit-of-work';

/** A registered poor household 建档立卡贫困户. */
@Entity({ tableName: 'household' })
export class Household {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'exitYear' | 'priorityScore';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Household number 户编号, unique nationally. */
  @Property({ type: 'varchar', length: 20, unique: true })
  number!: string;

  @ManyToOne(() => Region, { fieldName: 'village_code' })
  village!: Region;

  /** Village group 村民小组 number. */
  @Property({ type: 'smallint' })
  groupNo!: number;

  /** Year of identification 识别年度. */
  @Property({ type: 'smallint' })
  registrationYear!: number;

  @Enum({ items: () => HouseholdStatus, type: 'text' })
  status!: HouseholdStatus;

  @Property({ type: 'smallint', nullable: true })
  exitYear?: number | null;

  @Enum({ items: () => HouseholdCategory, type: 'text' })
  category!: HouseholdCategory;

  @Enum({ items: () => PovertyCause, array: true, type: 'text[]' })
  causes!: PovertyCause[];

  /** Net income per capita per year 人均纯收入, integer fen so that no float ever touches money. */
  @Property({ type: 'integer' })
  incomePerCapitaFen!: number;

  /** 不愁吃不愁穿, as last surveyed; null when never surveyed. */
  @Property({ type: 'boolean', nullable: true })
  foodAndClothingSecure?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  safeDrinkingWater?: boolean | null;

  @Enum({ items: () => HousingGrade, type: 'text', nullable: true })
  housingGrade?: HousingGrade | null;

  /** 六优先: how many priority criteria the household met when identified; orders pending work. */
  @Property({ type: 'smallint' })
  priorityScore: number = 0;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

auditable(Household, { region: (h) => h.village.code, hidden: ['createdAt', 'updatedAt'] });
