import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../kernel/role';

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
