import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organisation } from '../auth';
import { Household } from './household.entity';
import { HouseholdStatus } from './household.enums';
import { StatusChangeKind } from './registry.enums';
import { auditable } from '../../db/unit-of-work';

/** One dated entry of a household's history (动态管理): what changed, why, and who recorded it. */
@Entity({ tableName: 'household_status_change' })
export class HouseholdStatusChange {
  [OptionalProps]?: 'recordedAt' | 'failedItems';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Household)
  household!: Household;

  @Enum({ items: () => StatusChangeKind, type: 'text' })
  kind!: StatusChangeKind;

  @Enum({ items: () => HouseholdStatus, type: 'text', nullable: true })
  fromStatus?: HouseholdStatus | null;

  @Enum({ items: () => HouseholdStatus, type: 'text' })
  toStatus!: HouseholdStatus;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  @Property({ type: 'text', nullable: true })
  overrideJustification?: string | null;

  /** Exit-test items that failed when an override let the change through. */
  @Property({ type: 'text[]' })
  failedItems: string[] = [];

  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  recordedAt: Date = new Date();
}

auditable(HouseholdStatusChange, { region: (c) => c.household.village.code, hidden: ['recordedAt'] });
