import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../context/request-context';
import { unauthenticated } from '../../errors/app-error';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';
import type { Role } from './role';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** The well-known keys of the demo data (API.md) all begin so; production refuses them whatever the database holds. */
export const DEMO_KEY_PREFIX = 'demo-';

type KeyRow = {
  key_id: number;
  revoked_at: Date | null;
  expires_at: Date | null;
  organisation_id: number;
  name: string;
  role: Role;
  scopes: string[];
  paired_villages: string[];
  requests_per_minute: number | null;
  lookups_per_hour: number | null;
};

/** One statement per request: the key, its organisation and the villages the organisation is paired with. */
const KEY_LOOKUP = `
  select k.id as key_id, k.revoked_at, k.expires_at, o.id as organisation_id, o.name, o.role, o.scopes, o.requests_per_minute, o.lookups_per_hour,
         array(select p.village_code from organisation_pairing p where p.organisation_id = o.id order by p.village_code) as paired_villages
  from api_key k join organisation o on o.id = k.organisation_id
  where k.key_hash = ?`;

/**
 * Resolves the Authorization header to a viewer. No header means an anonymous caller (who may
 * only introspect outside production); a header naming no live key is refused outright.
 */
export async function authenticate(
  em: EntityManager,
  authorization: string | undefined,
  options: { allowDemoKeys: boolean; now?: Date },
): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = BEARER.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <api key>"');
  const key = match[1];
  if (!options.allowDemoKeys && key.startsWith(DEMO_KEY_PREFIX)) throw unauthenticated('Demo keys do not work in production');
  const now = options.now ?? new Date();
  const [row] = await em.getConnection().execute<KeyRow[]>(KEY_LOOKUP, [hashApiKey(key)]);
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) {
    throw unauthenticated('This API key is unknown, revoked or expired');
  }
  return {
    organisationId: row.organisation_id,
    organisationName: row.name,
    role: row.role,
    scopes: row.scopes,
    pairedVillages: row.paired_villages,
    apiKeyId: row.key_id,
    apiKeyPrefix: apiKeyPrefix(key),
    limits: { requestsPerMinute: row.requests_per_minute, lookupsPerHour: row.lookups_per_hour },
  };
}
