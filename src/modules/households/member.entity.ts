import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Household } from './household.entity';
import { Education, Employment, Health, LabourCapacity, Relation, SchoolStage, Sex } from './member.enums';
import { auditable } from '../../db/unit-of-work';

/** A member of a registered household 家庭成员. */
@Entity({ tableName: 'member' })
export class Member {
  [OptionalProps]?: 'version' | 'disabilityGrade';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Household, { index: true, deleteRule: 'cascade' })
  household!: Household;

  @Property({ type: 'text' })
  name!: string;

  /** 居民身份证号, GB 11643; checked wherever one enters the system. */
  @Property({ type: 'varchar', length: 18, unique: true })
  idNumber!: string;

  @Enum({ items: () => Relation, type: 'text' })
  relation!: Relation;

  @Enum({ items: () => Sex, type: 'text' })
  sex!: Sex;

  @Property({ type: 'date' })
  birthDate!: string;

  @Enum({ items: () => Education, type: 'text' })
  education!: Education;

  @Enum({ items: () => SchoolStage, type: 'text' })
  schoolStage!: SchoolStage;

  @Enum({ items: () => Health, type: 'text' })
  health!: Health;

  @Property({ type: 'smallint', nullable: true })
  disabilityGrade?: number | null;

  @Enum({ items: () => LabourCapacity, type: 'text' })
  labourCapacity!: LabourCapacity;

  @Enum({ items: () => Employment, type: 'text' })
  employment!: Employment;

  /** Enrolled in basic medical insurance 城乡居民基本医疗保险. */
  @Property({ type: 'boolean' })
  medicalInsurance!: boolean;

  @Property({ type: 'integer', version: true })
  version!: number;
}

auditable(Member, { region: (m) => m.household.village.code });
