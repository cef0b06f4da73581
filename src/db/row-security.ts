import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../context/request-context';

/** The database role API requests run as; PostgreSQL's row-level security applies to it (migration 2026-11-23 02). */
export const APP_ROLE = 'jingzhun_app';

/**
 * Opens the request's transaction as the application role with the caller's region scopes, so
 * that PostgreSQL hides rows outside them even from SQL that forgot its own scope filter. Only
 * region scopes go here: the county boundary is the database's to keep, finer rules the API's.
 */
export async function beginScopedTransaction(em: EntityManager, viewer: Viewer): Promise<void> {
  await em.begin();
  await em.execute(`select set_config('role', ?, true), set_config('jingzhun.scope_patterns', ?, true)`, [
    APP_ROLE,
    viewer.scopes.map((scope) => `${scope}%`).join(','),
  ]);
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
