import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
import PgTransaction from 'knex/lib/dialects/postgres/execution/pg-transaction';
import { escapeLiteral } from 'pg';
import type { Viewer } from '../kernel/viewer';
import { API_ROLE } from './database-role';

/** The database role whose row-level security policies API requests meet (migration 2026-11-23 02); jingzhun_api is its member. */
export const APP_ROLE = 'jingzhun_app';

const switchingRole = new WeakSet<object>();

/** Marks an ORM whose connections could bypass row-level security: its request transactions switch to the API role. */
export function switchRolePerTransaction(orm: MikroORM): void {
  switchingRole.add(orm.config);
}

/**
 * Opens the request's transaction with the caller's region scopes and organisation, so that
 * PostgreSQL hides rows outside them even from SQL that forgot its own scope filter. Only region
 * scopes go here: the county boundary is the database's to keep, finer rules the API's.
 *
 * `BEGIN` and the scope go in one message: each statement is a round trip (the driver's work, a
 * socket write, a wake-up of PostgreSQL and a wait), one of five on a household read. knex would send its
 * own `BEGIN;` first, so the transaction is opened by a subclass of knex's that sends this text
 * instead, and handed to MikroORM as the entity manager's transaction context (em.commit and
 * em.rollback work on it as on their own). One message cannot carry bound parameters, so the two
 * values are quoted as literals: region codes and an id from the database, not from the request.
 */
export async function beginScopedTransaction(em: EntityManager, viewer: Viewer): Promise<void> {
  const knex = em.getConnection().getKnex();
  const opening = openingSql(viewer, switchingRole.has(em.config));
  const transaction = await new Promise<Knex.Transaction>((resolve, reject) => {
    new ScopedTransaction(knex.client, resolve, { userParams: {}, doNotRejectOnRollback: true }, opening).catch(reject);
  });
  em.setTransactionContext(transaction);
}

function openingSql(viewer: Viewer, switchRole: boolean): string {
  const settings = [
    ...(switchRole ? [['role', API_ROLE]] : []),
    ['jingzhun.scope_patterns', viewer.scopes.map((scope) => `${scope}%`).join(',')],
    ['jingzhun.organisation_id', String(viewer.organisationId)],
  ].map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`);
  return `begin; select ${settings.join(', ')}`;
}

class ScopedTransaction extends PgTransaction {
  constructor(client: Knex.Client, container: (trx: Knex.Transaction) => void, config: ConstructorParameters<typeof PgTransaction>[2], private readonly opening: string) {
    // knex calls begin() only after a connection is acquired, later than this constructor returns.
    super(client, container, config);
  }

  /**
   * Fails the transaction when the opening fails, so that no request runs without its scope; a
   * `BEGIN` that went through is undone first, or the connection would go back to the pool
   * inside an aborted transaction.
   */
  override async begin(connection: unknown): Promise<unknown> {
    try {
      return await this.trxClient.query(connection, this.opening);
    } catch (error) {
      await this.trxClient.query(connection, 'rollback').catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Ends the request's transaction: kept when the response is complete, undone when the client went
 * away first. Writes flush where they are made, so the identity map is cleared rather than
 * flushed: a flush would diff every entity the request read, thousands on a long list.
 */
export async function endScopedTransaction(em: EntityManager, outcome: 'commit' | 'rollback'): Promise<void> {
  if (!em.isInTransaction()) return;
  em.clear();
  if (outcome === 'commit') await em.commit();
  else await em.rollback();
}
