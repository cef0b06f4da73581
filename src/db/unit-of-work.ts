import { ChangeSetType, helper, ReferenceKind, type EntityManager, type EntityProperty, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';

/**
 * One way to write: a unit of work runs a change in one transaction and derives what it changed
 * from MikroORM's change sets, entity by entity, as before and after snapshots that the audit
 * keeps (src/modules/audit). Nothing is written by hand per entity: each entity declares once, next
 * to its class, how it is audited. This file imports no module, so entities of every module may.
 */

/** One changed record: what it was (null when created) and what it became (null when removed). */
export type Change = {
  entity: string;
  entityId: string;
  regionCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

type Data = Record<string, unknown>;

/** How an entity's changes are audited. Snapshots hold its properties (to-one relations as the related key). */
export type AuditDeclaration<T> = {
  /** The region whose auditors see the entry. */
  region?: (entity: T) => string | null;
  /** The entity's name in the audit, if not its class's (a Region that is a village is audited as 'Village'). */
  name?: (entity: T) => string;
  /** Only these properties, or every property but `hidden` (secrets such as a key's hash, bookkeeping). */
  only?: readonly (keyof T & string)[];
  hidden?: readonly (keyof T & string)[];
  /**
   * Sets of properties audited on their own: an update that changes only properties of these sets
   * shows just the sets it changed (an organisation's rate limits), any other the whole snapshot.
   */
  facets?: readonly (readonly (keyof T & string)[])[];
  /** Facts every snapshot adds, derived from its properties (a parameter's unit, from its name). */
  derive?: (snapshot: Data) => Data;
  /** A one-to-one extension of another record: its properties join that record's entry instead of having one. */
  within?: (entity: T) => object;
};

const declarations = new Map<Function, AuditDeclaration<any>>();

/** Declares how an entity's changes are audited; an entity with no declaration cannot be written in a unit of work. */
export function auditable<T extends object>(entity: abstract new (...args: any[]) => T, declaration: AuditDeclaration<T>): void {
  declarations.set(entity, declaration);
}

function declarationOf(entity: object): AuditDeclaration<object> {
  const declaration = declarations.get(entity.constructor);
  if (!declaration) throw new Error(`${entity.constructor.name} was written in a unit of work but declares no audit (auditable in src/db/unit-of-work.ts)`);
  return declaration;
}

/**
 * The audited part of an entity's data as JSON holds it. MikroORM keeps entity data as it goes to
 * the database (a text[] as '{A,B}'), so custom types are read back to the values the entity holds.
 */
function snapshot(em: EntityManager, entity: object, data: Data): Data {
  const declaration = declarationOf(entity);
  const { only, hidden = [] } = declaration as { only?: readonly string[]; hidden?: readonly string[] };
  const platform = em.getPlatform();
  // A record's own columns: scalars and the keys of records it refers to, unset ones as null.
  const properties = helper(entity).__meta.props.filter(
    (p: EntityProperty) => p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
  );
  const kept: Data = {};
  for (const { name, customType } of properties) {
    if (only ? !only.includes(name) : hidden.includes(name)) continue;
    const value = data[name];
    kept[name] = value == null ? null : customType ? customType.convertToJSValue(value, platform) : value;
  }
  const json: Data = JSON.parse(JSON.stringify(kept));
  return declaration.derive ? { ...json, ...declaration.derive(json) } : json;
}

/** An update's before and after, narrowed to the facets it changed when it changed nothing else. */
function faceted(declaration: AuditDeclaration<object>, was: Data, is: Data): { was: Data; is: Data } {
  const facets = (declaration.facets ?? []) as readonly (readonly string[])[];
  const changed = Object.keys(is).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]));
  if (changed.length === 0 || !changed.every((key) => facets.some((facet) => facet.includes(key)))) return { was, is };
  const shown = new Set(facets.filter((facet) => facet.some((key) => changed.includes(key))).flat());
  const pick = (data: Data) => Object.fromEntries(Object.entries(data).filter(([key]) => shown.has(key)));
  return { was: pick(was), is: pick(is) };
}

/**
 * An entity's data with its version, which MikroORM's entity data leaves out: the entity holds
 * the version it was read with until the flush that moves it.
 */
function withVersion(entity: object, data: Data): Data {
  const version = helper(entity).__meta.versionProperty as string | undefined;
  return version ? { ...data, [version]: (entity as Data)[version] } : data;
}

type Tracked = { entity: object; before: Data | null; removed: boolean };

/** Facts of a write kept nowhere but in its audit entry (a reason, the verdict an override overrode), added to an entity's `after`. */
export type Notes = { note(entity: object, facts: Data): void };

/**
 * Collects the change sets of every flush of one transaction's entity manager: the first flush
 * that touches a record gives its `before`, the state at the end its `after`.
 */
class ChangeLog implements EventSubscriber, Notes {
  private readonly tracked = new Map<object, Tracked>();
  private readonly notes = new Map<object, Data>();
  private closed = false;

  constructor(private readonly em: EntityManager) {}

  onFlush({ uow }: FlushEventArgs): void {
    if (this.closed) return;
    for (const changeSet of uow.getChangeSets()) {
      const { entity } = changeSet;
      declarationOf(entity);
      const seen = this.tracked.get(entity);
      const original = helper(entity).__originalEntityData as Data | undefined;
      this.tracked.set(entity, {
        entity,
        before: seen ? seen.before : changeSet.type === ChangeSetType.CREATE || !original ? null : withVersion(entity, original),
        removed: changeSet.type === ChangeSetType.DELETE || changeSet.type === ChangeSetType.DELETE_EARLY,
      });
    }
  }

  note(entity: object, facts: Data): void {
    this.notes.set(entity, { ...this.notes.get(entity), ...facts });
  }

  /** The changes, one for each record changed or noted, in the order they were first flushed; the log takes no more. */
  close(): Change[] {
    this.closed = true;
    const entries = new Map<object, { before: Data | null; after: Data | null }>();
    const current = (entity: object) => withVersion(entity, this.em.getComparator().prepareEntity(entity) as Data);
    const entryOf = (entity: object) => {
      const found = entries.get(entity);
      if (found) return found;
      const state = snapshot(this.em, entity, current(entity));
      const entry = { before: state, after: state };
      entries.set(entity, entry);
      return entry;
    };
    // Records first, then the parts that join their entries.
    const tracked = [...this.tracked.values()].sort((a, b) => Number(!!declarationOf(a.entity).within) - Number(!!declarationOf(b.entity).within));
    for (const { entity, before, removed } of tracked) {
      const declaration = declarationOf(entity);
      const was = before && snapshot(this.em, entity, before);
      const is = removed ? null : snapshot(this.em, entity, current(entity));
      if (declaration.within) {
        const owner = entryOf(declaration.within(entity));
        if (owner.before && was) owner.before = { ...owner.before, ...was };
        if (owner.after && is) owner.after = { ...owner.after, ...is };
      } else if (was && is) {
        const { was: before, is: after } = faceted(declaration, was, is);
        entries.set(entity, { before, after });
      } else {
        entries.set(entity, { before: was, after: is });
      }
    }
    for (const [entity, facts] of this.notes) {
      const entry = entryOf(entity);
      entry.after = { ...entry.after, ...facts };
    }
    return [...entries]
      .filter(([entity, { before, after }]) => this.notes.has(entity) || JSON.stringify(before) !== JSON.stringify(after))
      .map(([entity, { before, after }]) => {
        const declaration = declarationOf(entity);
        return {
          entity: declaration.name?.(entity) ?? entity.constructor.name,
          entityId: String(helper(entity).getSerializedPrimaryKey()),
          regionCode: declaration.region?.(entity) ?? null,
          before,
          after,
        };
      });
  }
}

/**
 * Runs `work` in a transaction and hands `keep` what it changed, inside the same transaction,
 * before it commits: the changes and whatever `keep` writes are kept together or not at all.
 * `work` writes through the entity manager it is given and may flush as often as it needs; a
 * write in plain SQL is invisible here and must say itself what it changed.
 */
export async function inUnitOfWork<M extends EntityManager, T>(
  em: M,
  work: (em: M, notes: Notes) => Promise<T>,
  keep: (em: M, changes: Change[]) => void,
): Promise<T> {
  return em.transactional(async (tx) => {
    // The transaction's own event manager (a clone), so the log sees this unit's flushes only.
    const log = new ChangeLog(tx);
    tx.getEventManager().registerSubscriber(log);
    const result = await work(tx, log);
    await tx.flush();
    keep(tx, log.close());
    return result;
  });
}
