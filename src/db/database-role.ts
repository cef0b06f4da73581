import { createHmac } from 'node:crypto';

/** The login role of the running API (migration 2026-12-01 00): owns nothing, member of jingzhun_app only. */
export const API_ROLE = 'jingzhun_api';

export type ConnectionRole = {
  name: string;
  /** PGlite: one superuser backend for every connection, no authentication. */
  embedded: boolean;
  /** What makes the role unfit to serve: it could read past row-level security or become the owner. */
  powers: string[];
  privileged: boolean;
};

const ROLE_QUERY = `
  select current_user as name,
         version() like '%PGlite%' as embedded,
         r.rolsuper as superuser, r.rolcreaterole as createrole, r.rolcreatedb as createdb, r.rolbypassrls as bypassrls,
         pg_has_role(current_user, d.datdba, 'MEMBER') as database_owner,
         exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and pg_has_role(current_user, c.relowner, 'MEMBER')) as table_owner
  from pg_roles r, pg_database d
  where r.rolname = current_user and d.datname = current_database()`;

const POWERS = ['superuser', 'createrole', 'createdb', 'bypassrls', 'database_owner', 'table_owner'] as const;

/** Who a connection logs in as, and which of its powers an API connection must not have. */
export async function inspectRole(execute: (sql: string) => Promise<Record<string, unknown>[]>): Promise<ConnectionRole> {
  const [row] = await execute(ROLE_QUERY);
  const powers = POWERS.filter((power) => row[power] === true);
  return { name: String(row.name), embedded: row.embedded === true, powers, privileged: powers.length > 0 };
}

/**
 * The password the API role gets when only the owner's URL is given: derived from the owner's,
 * so that every start, and every database of the server, sets the same one.
 */
export function derivedApiPassword(ownerPassword: string): string {
  return createHmac('sha256', ownerPassword).update(API_ROLE).digest('base64url');
}

/** The owner's URL with the API role as its user (and a password derived from the owner's, if it has one). */
export function apiUrlFor(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const password = decodeURIComponent(url.password);
  url.username = API_ROLE;
  url.password = password ? derivedApiPassword(password) : '';
  return url.toString();
}
