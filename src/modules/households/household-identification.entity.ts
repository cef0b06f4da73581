import { Entity, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Household } from './household.entity';
import { ExclusionRule } from './registry.enums';
import { auditable } from '../../db/unit-of-work';

/** The facts a household was identified on (五看), the exclusions it hit (五不录) and any written override. */
@Entity({ tableName: 'household_identification' })
export class HouseholdIdentification {
  [OptionalProps]?: 'assessedAt' | 'excludedBy';

  @OneToOne(() => Household, { primary: true, owner: true, fieldName: 'household_id' })
  household!: Household;

  @Property({ type: 'boolean' })
  motorVehicle!: boolean;

  @Property({ type: 'boolean' })
  newlyBuiltHouse!: boolean;

  @Property({ type: 'boolean' })
  urbanCommercialHousing!: boolean;

  @Property({ type: 'boolean' })
  publicServantMember!: boolean;

  @Property({ type: 'boolean' })
  registeredBusiness!: boolean;

  @Property({ type: 'boolean' })
  disasterVictim!: boolean;

  /** 五看·看家电: valuable durable goods; looked at by the assessor, decided by no rule of its own. */
  @Property({ type: 'boolean', nullable: true })
  durableGoods?: boolean | null;

  @Property({ type: 'text[]' })
  excludedBy: ExclusionRule[] = [];

  @Property({ type: 'text', nullable: true })
  overrideJustification?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  assessedAt: Date = new Date();
}

// The identification is the household's, one to one: its facts, 五不录 verdict and override join the household's entry.
auditable(HouseholdIdentification, { within: (i) => i.household, hidden: ['household', 'assessedAt'] });
