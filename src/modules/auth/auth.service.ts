import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../kernel/viewer';
import { unauthenticated } from '../../errors/app-error';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';
import type { Role } from '../../kernel/role';
import { watchKeyChanges, type CachedViewer, type ViewerCache } from './viewer-cache';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** The well-known keys of the demo data (API.md) all begin so; production refuses them whatever the database holds. */
export const DEMO_KEY_PREFIX = 'demo-';

/** The organisation row as JSON (`to_jsonb`): columns added to the table arrive here without touching the look-up. */
type OrganisationRow = {
  id: number;
  name: string;
  role: Role;
  scopes: string[];
  requests_per_minute?: number | null;
  lookups_per_hour?: number | null;
};

type KeyRow = {
  key_id: number;
  revoked_at: string | null;
  expires_at: string | null;
  organisation: OrganisationRow;
  paired_villages: string[];
};

/**
 * One statement per request: the key, its organisation and the villages the organisation is
 * paired with. The API role may not read key hashes; this owner's function (migration
 * 2026-12-01 01) is its only way from a hash to a key.
 */
const KEY_LOOKUP = `select * from jingzhun_authenticate(?)`;

const refused = () => unauthenticated('This API key is unknown, revoked or expired');

/** What the database says of a key hash, or null when no live key has it. */
async function lookUp(em: EntityManager, key: string, hash: string, now: Date): Promise<CachedViewer | null> {
  const [row] = await em.getConnection().execute<KeyRow[]>(KEY_LOOKUP, [hash]);
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) return null;
  const organisation = row.organisation;
  // Cached viewers are shared by the requests of their key: frozen, so that none can change another's.
  const viewer: Viewer = Object.freeze({
    organisationId: organisation.id,
    organisationName: organisation.name,
    role: organisation.role,
    scopes: Object.freeze(organisation.scopes) as string[],
    pairedVillages: Object.freeze(row.paired_villages) as string[],
    apiKeyId: row.key_id,
    apiKeyPrefix: apiKeyPrefix(key),
    limits: Object.freeze({ requestsPerMinute: organisation.requests_per_minute ?? null, lookupsPerHour: organisation.lookups_per_hour ?? null }),
  });
  return { viewer, expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null };
}

/**
 * Resolves the Authorization header to a viewer. No header means an anonymous caller (who may
 * only introspect outside production); a header naming no live key is refused outright. With a
 * cache, a key resolved in the last seconds is not looked up again; its expiry still holds to the
 * millisecond, and writes to it evict it (viewer-cache.ts).
 */
export async function authenticate(
  em: EntityManager,
  authorization: string | undefined,
  options: { allowDemoKeys: boolean; now?: Date; cache?: ViewerCache },
): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = BEARER.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <api key>"');
  const key = match[1];
  if (!options.allowDemoKeys && key.startsWith(DEMO_KEY_PREFIX)) throw unauthenticated('Demo keys do not work in production');
  const now = options.now ?? new Date();
  const hash = hashApiKey(key);
  const { cache } = options;
  let resolved = cache?.get(hash);
  if (resolved && resolved.expiresAt !== null && resolved.expiresAt <= now.getTime()) {
    cache!.delete(hash);
    throw refused();
  }
  if (!resolved) {
    const remember = cache?.startLookup();
    const found = await lookUp(em, key, hash, now);
    if (!found) throw refused();
    remember?.(hash, found);
    resolved = found;
  }
  if (cache) watchKeyChanges(em, cache);
  return resolved.viewer;
}
