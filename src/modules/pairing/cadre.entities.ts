import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { auditable } from '../../db/unit-of-work';

/** A cadre 帮扶责任人 of a backing unit 后盾单位 (an organisation of role BACKING_UNIT). */
@Entity({ tableName: 'cadre' })
export class Cadre {
  [OptionalProps]?: 'title' | 'unitHead';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The backing unit. */
  @Property({ type: 'integer', fieldName: 'organisation_id' })
  unitId!: number;

  /** The unit's county code: row-level security's boundary. */
  @Property({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  /** The unit's head 主要负责人, answerable for the unit's villages (seed 000: 第一责任人). */
  @Property({ type: 'boolean' })
  unitHead = false;
}

/** A village work team 驻村工作队 of a backing unit, led by its first secretary 第一书记. */
@Entity({ tableName: 'work_team' })
export class WorkTeam {
  [OptionalProps]?: 'endedOn';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', fieldName: 'organisation_id' })
  unitId!: number;

  @Property({ type: 'varchar', length: 12 })
  villageCode!: string;

  @Property({ type: 'integer' })
  firstSecretaryId!: number;

  @Property({ type: 'date' })
  since!: string;

  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;
}

/** A cadre paired with a household 结对帮扶; ended, never deleted, so a household keeps its history. */
@Entity({ tableName: 'cadre_pairing' })
export class CadrePairing {
  [OptionalProps]?: 'endedOn' | 'endReason';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  cadreId!: number;

  /** The cadre's unit, kept on the pairing so that a unit's row rule needs no join. */
  @Property({ type: 'integer', fieldName: 'organisation_id' })
  unitId!: number;

  @Property({ type: 'integer' })
  householdId!: number;

  @Property({ type: 'varchar', length: 12 })
  villageCode!: string;

  @Property({ type: 'date' })
  since!: string;

  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  endReason: string | null = null;
}

/** A visit 走访 logged on a pairing; its table has the batch-sync engine's columns (externalId per writer). */
@Entity({ tableName: 'pairing_visit' })
export class PairingVisit {
  [OptionalProps]?: 'unitHeadPresent';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Who wrote it: the unit or the poverty office. */
  @Property({ type: 'integer', fieldName: 'organisation_id' })
  writerId!: number;

  @Property({ type: 'integer', nullable: true })
  apiKeyId!: number | null;

  @Property({ type: 'text' })
  externalId!: string;

  @Property({ type: 'integer' })
  householdId!: number;

  @Property({ type: 'varchar', length: 12 })
  villageCode!: string;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'integer' })
  pairingId!: number;

  @Property({ type: 'integer' })
  unitId!: number;

  @Property({ type: 'text' })
  findings!: string;

  @Property({ type: 'text' })
  measuresDiscussed!: string;

  @Property({ type: 'boolean' })
  unitHeadPresent = false;
}

auditable(Cadre, { region: (c) => c.regionCode });
auditable(WorkTeam, { region: (w) => w.villageCode });
auditable(CadrePairing, { region: (p) => p.villageCode });
auditable(PairingVisit, { region: (v) => v.villageCode });
