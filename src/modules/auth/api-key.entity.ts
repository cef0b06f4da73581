import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organisation } from './organisation.entity';
import { auditable } from '../../db/unit-of-work';

@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'expiresAt' | 'revokedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Organisation)
  organisation!: Organisation;

  /** The first characters of the key, shown in listings so a partner can tell keys apart. */
  @Property({ type: 'text' })
  prefix!: string;

  /**
   * SHA-256 of the key: keys are random and long, so a slow hash adds nothing but latency.
   * Written, never read: the API role may not select it (authentication goes through
   * jingzhun_authenticate), so it is left out of every query.
   */
  @Property({ type: 'text', unique: true, lazy: true, hidden: true })
  keyHash!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}

// Never the key's hash: the audit is read by auditors, the hash is as good as the key to a brute-force search of prefixes.
auditable(ApiKey, { region: (k) => k.organisation.scopes[0], hidden: ['keyHash'] });
