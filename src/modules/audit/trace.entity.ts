import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ApiKey, Organisation } from '../auth';

/** What every trace records of its author: when, which organisation, with which key. */
@Entity({ abstract: true })
export abstract class Trace {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  at: Date = new Date();

  // By entity name: auth's writes are audited, so loading the audit module must not load auth's.
  @ManyToOne({ entity: 'Organisation' })
  organisation!: Organisation;

  @ManyToOne({ entity: 'ApiKey', nullable: true })
  apiKey?: ApiKey | null;
}
