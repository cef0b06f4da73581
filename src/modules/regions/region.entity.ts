import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { RegionLevel, VillagePovertyStatus } from './region.enums';
import { auditable } from '../../db/unit-of-work';

/**
 * One row per statistical code. Villages carry their poverty facts in the same row: a village is
 * only a region at the deepest level, and one table keeps scoping one prefix match.
 */
@Entity({ tableName: 'region' })
export class Region {
  /** Tells MikroORM's types that a bare code stands for a region, as writes that hold only a read row pass it. */
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'varchar', length: 12 })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => RegionLevel, type: 'text' })
  level!: RegionLevel;

  @Index()
  @ManyToOne(() => Region, { nullable: true, fieldName: 'parent_code' })
  parent?: Region | null;

  @Enum({ items: () => VillagePovertyStatus, type: 'text', nullable: true })
  povertyStatus?: VillagePovertyStatus | null;

  @Property({ type: 'smallint', nullable: true })
  exitYear?: number | null;

  /** Number of village groups 村民小组. */
  @Property({ type: 'smallint', nullable: true })
  groupCount?: number | null;

  @Property({ type: 'boolean', nullable: true })
  hasCultureRoom?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  hasClinic?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  hasTelecom?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  hasHardenedRoad?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  hasCollectiveEconomy?: boolean | null;

  /** Village collective operating income per year, in fen. */
  @Property({ type: 'integer', nullable: true })
  collectiveIncomeFen?: number | null;

  /** 农业户籍人口 agricultural registered population: the denominator of poverty incidence; null when not recorded. */
  @Property({ type: 'integer', nullable: true })
  agriculturalPopulation?: number | null;
}

// Only a village's poverty status is written; its other facts are loaded with the region data.
auditable(Region, { name: (r) => (r.level === RegionLevel.VILLAGE ? 'Village' : 'Region'), region: (r) => r.code, only: ['povertyStatus', 'exitYear'] });
