import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../kernel/viewer';
import { API_ROLE } from './database-role';

/** The database role whose row-level security policies API requests meet (migration 2026-11-23 02); jingzhun_api is its member. */
export const APP_ROLE = 'jingzhun_app';

const SCOPE = `select set_config('jingzhun.scope_patterns', ?, true), set_config('jingzhun.organisation_id', ?, true)`;
/** For a connection that logs in with more powers than the API role (PGlite always does): the same, as the API role. */
const ROLE_AND_SCOPE = `select set_config('role', '${API_ROLE}', true), set_config('jingzhun.scope_patterns', ?, true), set_config('jingzhun.organisation_id', ?, true)`;

const switchingRole = new WeakSet<object>();

/** Marks an ORM whose connections could bypass row-level security: its request transactions switch to the API role. */
export function switchRolePerTransaction(orm: MikroORM): void {
  switchingRole.add(orm.config);
}

/**
 * Opens the request's transaction with the caller's region scopes and organisation, so that
 * PostgreSQL hides rows outside them even from SQL that forgot its own scope filter. Only region
 * scopes go here: the county boundary is the database's to keep, finer rules the API's. One
 * statement: the connection already is the API role, which cannot become another.
 */
export async function beginScopedTransaction(em: EntityManager, viewer: Viewer): Promise<void> {
  await em.begin();
  try {
    await em.execute(switchingRole.has(em.config) ? ROLE_AND_SCOPE : SCOPE, [
      viewer.scopes.map((scope) => `${scope}%`).join(','),
      String(viewer.organisationId),
    ]);
  } catch (error) {
    // No request follows a transaction that could not be scoped: give its connection back at once.
    await em.rollback();
    throw error;
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
