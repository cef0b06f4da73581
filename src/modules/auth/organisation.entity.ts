import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from './role';

@Entity({ tableName: 'organisation' })
export class Organisation {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  /** Region-code prefixes (统计用区划代码) the organisation may see; rows outside them do not exist for it. */
  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
