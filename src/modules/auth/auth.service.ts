import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../../errors/app-error';
import type { Viewer } from '../../context/request-context';
import { ApiKey } from './api-key.entity';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** The well-known keys of the demo data (API.md) all begin so; production refuses them whatever the database holds. */
export const DEMO_KEY_PREFIX = 'demo-';

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
  const apiKey = await em.findOne(ApiKey, { keyHash: hashApiKey(key) }, { populate: ['organisation'] });
  if (!apiKey || apiKey.revokedAt || (apiKey.expiresAt && apiKey.expiresAt <= now)) {
    throw unauthenticated('This API key is unknown, revoked or expired');
  }
  const organisation = apiKey.organisation;
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    role: organisation.role,
    scopes: organisation.scopes,
    apiKeyId: apiKey.id,
    apiKeyPrefix: apiKeyPrefix(key),
  };
}
