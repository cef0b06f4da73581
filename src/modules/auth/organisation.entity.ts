import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../kernel/role';
import { auditable } from '../../db/unit-of-work';

@Entity({ tableName: 'organisation' })
export class Organisation {
  [OptionalProps]?: 'createdAt' | 'requestsPerMinute' | 'lookupsPerHour';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  /** Region-code prefixes (统计用区划代码) the organisation may see; rows outside them do not exist for it. */
  @Property({ type: 'text[]' })
  scopes!: string[];

  /** Requests a minute per API key, set by the poverty office; null: the server's default. */
  @Property({ type: 'integer', nullable: true })
  requestsPerMinute?: number | null;

  /** People looked up by ID number an hour, set by the poverty office; null: the server's default. */
  @Property({ type: 'integer', nullable: true })
  lookupsPerHour?: number | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

// The rate limits are the poverty office's to set, apart from the rest: their changes are audited on their own.
auditable(Organisation, { region: (o) => o.scopes[0], facets: [['requestsPerMinute', 'lookupsPerHour']] });
