import { Entity, Property } from '@mikro-orm/core';
import { Trace } from './trace.entity';

/** One write, who made it and what it changed (痕迹管理). Append-only: a trigger refuses changes. */
@Entity({ tableName: 'audit_entry' })
export class AuditEntry extends Trace {
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
