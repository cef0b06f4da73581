import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { badUserInput, notFound } from '../../errors/app-error';
import { audited } from '../audit';
import { ApiKey } from './api-key.entity';
import { apiKeyPrefix, hashApiKey } from './api-key-hash';
import { Organisation } from './organisation.entity';
import { keysChanged } from './viewer-cache';

/** 32 random bytes: a key long enough that its SHA-256 needs no salt or slow hash. */
function newKey(): string {
  return `jz_${randomBytes(32).toString('base64url')}`;
}

/** A key lives at most two years: a longer expiry is no expiry, and a leaked key would outlive any review. */
export const MAX_KEY_LIFETIME_DAYS = 731;
const DAY_MS = 86_400_000;

export function checkExpiry(expiresAt: Date | null | undefined, now = new Date()): Date | null {
  if (!expiresAt) return null;
  if (expiresAt <= now) throw badUserInput('expiresAt must be in the future', 'expiresAt');
  if (expiresAt.getTime() - now.getTime() > MAX_KEY_LIFETIME_DAYS * DAY_MS) {
    throw badUserInput(`expiresAt must be within ${MAX_KEY_LIFETIME_DAYS} days from now`, 'expiresAt');
  }
  return expiresAt;
}

/** A successor keeps its predecessor's expiry, unless that has passed: then the caller must give a new one. */
function successorExpiry(old: ApiKey, given: Date | null | undefined): Date | null {
  if (given) return checkExpiry(given);
  if (old.expiresAt && old.expiresAt <= new Date()) {
    throw badUserInput(`API key ${old.id} expired on ${old.expiresAt.toISOString()}: give its successor an expiresAt`, 'expiresAt');
  }
  return old.expiresAt ?? null;
}

/** Issues a key to an organisation inside an audited write; returns the key in clear, once. */
export function issueKey(em: EntityManager, organisation: Organisation, fields: { name: string; expiresAt: Date | null }): { key: string; apiKey: ApiKey } {
  const key = newKey();
  const apiKey = em.create(ApiKey, { organisation, prefix: apiKeyPrefix(key), keyHash: hashApiKey(key), ...fields });
  return { key, apiKey };
}

export function listApiKeys(ctx: RequestContext): Promise<ApiKey[]> {
  return ctx.em.find(ApiKey, { organisation: ctx.caller.organisationId }, { orderBy: { id: 'asc' } });
}

export function createApiKey(ctx: RequestContext, name: string, expiresAt?: Date | null) {
  const fields = { name: name.trim(), expiresAt: checkExpiry(expiresAt) };
  return audited(ctx, 'createApiKey', async (em) => issueKey(em, await em.findOneOrFail(Organisation, ctx.caller.organisationId), fields));
}

/** Another organisation's key does not exist for the caller: NOT_FOUND, as for a key that never was. */
async function ownLiveKey(ctx: RequestContext, em: EntityManager, id: string): Promise<ApiKey> {
  const apiKey = /^\d{1,10}$/.test(id)
    ? await em.findOne(ApiKey, { id: Number(id), organisation: ctx.caller.organisationId }, { populate: ['organisation'] })
    : null;
  if (!apiKey) throw notFound(`No API key ${id} in your organisation`);
  if (apiKey.revokedAt) throw badUserInput(`API key ${id} is already revoked`, 'id');
  return apiKey;
}

export function revokeApiKey(ctx: RequestContext, id: string): Promise<ApiKey> {
  return audited(ctx, 'revokeApiKey', async (em) => {
    const apiKey = await ownLiveKey(ctx, em, id);
    apiKey.revokedAt = new Date();
    keysChanged(ctx, ctx.caller.organisationId);
    return apiKey;
  });
}

/** Revokes a key and issues its successor with the same name and the same (or the given) expiry, atomically. */
export function rotateApiKey(ctx: RequestContext, id: string, expiresAt?: Date | null) {
  return audited(ctx, 'rotateApiKey', async (em) => {
    const old = await ownLiveKey(ctx, em, id);
    const successor = { name: old.name, expiresAt: successorExpiry(old, expiresAt) };
    old.revokedAt = new Date();
    keysChanged(ctx, ctx.caller.organisationId);
    return issueKey(em, old.organisation, successor);
  });
}
