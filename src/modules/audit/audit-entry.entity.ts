import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ApiKey } from '../auth/api-key.entity';
import { Organisation } from '../auth/organisation.entity';

/** One write, who made it and what it changed (痕迹管理). Append-only: a trigger refuses changes. */
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  at: Date = new Date();

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  @ManyToOne(() => ApiKey, { nullable: true })
  apiKey?: ApiKey | null;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  entity!: string;

  @Property({ type: 'text' })
  entityId!: string;

  /** Where the changed record lives, so that an auditor sees the trail of its own region. */
  @Property({ type: 'varchar', length: 12, nullable: true })
  regionCode?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;
}
