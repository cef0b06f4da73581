import { Entity, Enum, Property } from '@mikro-orm/core';
import { Trace } from './trace.entity';

export enum PersonLookup {
  MEMBER = 'MEMBER',
  LOAN_ELIGIBILITY = 'LOAN_ELIGIBILITY',
  /** An attempt to register a person who is already registered, logged for the holder's county. */
  REGISTRATION = 'REGISTRATION',
}

/** One look-up of a person by ID number, with its stated purpose (PIPL: purpose limitation). Append-only. */
@Entity({ tableName: 'access_log' })
export class AccessLogEntry extends Trace {
  @Enum({ items: () => PersonLookup, type: 'text' })
  lookup!: PersonLookup;

  @Property({ type: 'varchar', length: 18 })
  idNumber!: string;

  /** The person's village when found, else the caller's own region: whose auditors see the trace. */
  @Property({ type: 'varchar', length: 12, nullable: true })
  regionCode?: string | null;

  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'boolean' })
  found!: boolean;
}
