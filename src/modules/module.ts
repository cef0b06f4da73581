import type { AnyEntity, EntityClass, MigrationObject } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context/request-context';
import type { TextRule } from '../kernel/text';
import type { ModulePolicy } from '../policy/policy';
import type { SqlReads } from '../sql-read/declare';
import type { SectorMeasures } from '../sync/measure-source';
import type { AnyKind } from '../sync/sync-kind';

/**
 * A module as one unit: everything the server learns from a folder under src/modules/ is in its
 * `<name>.module.ts`, and src/modules/index.ts lists the modules. The schema's resolvers, the
 * ORM's entities, the per-request loaders, the permission policy and the input rules are all
 * derived from that list (docs/modules.md).
 */
export type Module<L extends object = object> = {
  /** The folder's name. */
  name: string;
  /** type-graphql resolver classes; their types come with them. */
  resolvers: readonly Function[];
  /** MikroORM entities, abstract bases included. */
  entities: readonly EntityClass<AnyEntity>[];
  /**
   * Per-request batch loaders, made on a request's first use of `ctx.loaders`. Their type joins
   * the context's `Loaders` in the module file, by declaration merging, so the context imports no module.
   */
  loaders?: (ctx: RequestContext) => L;
  /** The module's part of the permission policy (its `<name>.policy.ts`). */
  policy: ModulePolicy;
  /**
   * A sector's records as assistance measures (帮扶措施): its Sector value and each record type
   * that household.measures and member.measures list (src/sync/measures.ts).
   */
  measures?: SectorMeasures;
  /** Its types' reads in one SQL statement (`<name>.sql-read.ts`, src/sql-read, docs/reading.md). */
  sqlReads?: SqlReads;
  /**
   * Its root query fields that are one statement each, sent through `soleRead`, with nothing
   * under them reading the database (loanEligibility: the check and its access-log entry). Asked
   * alone in an operation, such a field opens no request transaction: the statement goes with the
   * caller's scope as a transaction of its own, in one round trip (docs/reading.md).
   */
  soleStatements?: readonly string[];
  /** Its batch mutations (src/sync): each one's batchId, retracted ids and reason take the engine's text rules. */
  syncs?: readonly AnyKind[];
  /**
   * The text each String argument and input field of its own accepts, by schema coordinate
   * (`Type.field(arg)`, `Input.field`): src/graphql/input-rules.ts gathers them with the syncs'.
   */
  inputs?: Readonly<Record<string, TextRule>>;
  /**
   * The migrations of its tables (files in the top-level migrations/), run with the core's in
   * the order of their timestamps (migrations/index.ts).
   */
  migrations?: readonly MigrationObject['class'][];
  /**
   * Writes its demo records (seeds/demo/<name>.ts) once the demo registry's households, members,
   * organisations and pairings are in, so that a newcomer sees them at once (`npm run seed`).
   */
  demo?: (knex: Knex) => Promise<void>;
};

export const defineModule = <L extends object = object>(module: Module<L>): Module<L> => module;

