import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organisation } from '../auth';
import { Region } from '../regions';
import { auditable } from '../../db/unit-of-work';

/** An organisation paired with a village: 万企帮万村, 县级领导联系贫困村, CPPCC committee groups. */
@Entity({ tableName: 'organisation_pairing' })
export class OrganisationPairing {
  [OptionalProps]?: 'since';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  @ManyToOne(() => Region, { fieldName: 'village_code' })
  village!: Region;

  @Property({ type: 'date', defaultRaw: 'current_date' })
  since!: string;
}

auditable(OrganisationPairing, { region: (p) => p.village.code });
