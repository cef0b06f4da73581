import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ApiKey } from '../auth/api-key.entity';
import { Organisation } from '../auth/organisation.entity';

/** What every trace records of its author: when, which organisation, with which key. */
@Entity({ abstract: true })
export abstract class Trace {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  at: Date = new Date();

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  @ManyToOne(() => ApiKey, { nullable: true })
  apiKey?: ApiKey | null;
}
