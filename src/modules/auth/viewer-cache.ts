import type { EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import type { RequestContext } from '../../context/request-context';
import type { Viewer } from '../../kernel/viewer';

/** A resolved key: who it is, and when it stops working whatever the cache's time to live. */
export type CachedViewer = { viewer: Viewer; expiresAt: number | null };

export type ViewerCacheOptions = {
  /** How long a resolved key is trusted without asking the database; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Other processes' caches hear of changed keys here; without it, only this process's cache does. */
  redis?: { url: string; channel: string };
};

/** A publish that has not answered in this time counts as Redis being down (as for rate limits). */
const PUBLISH_TIMEOUT_MS = 250;

/**
 * Resolved API keys by key hash, for a few seconds, so that a request does not spend a statement
 * on its key. A write that changes what jingzhun_authenticate returns evicts the organisation's
 * keys once it commits, in this process at once and, through Redis, in the others. With Redis set
 * but its subscription down, the cache is not used at all: a process that may miss an eviction
 * asks the database. docs/security.md ("API-key cache") says what holds in each case.
 */
export class ViewerCache {
  private readonly entries?: LRUCache<string, CachedViewer>;
  /** Bumped by every eviction: a look-up that started before one must not store what it read. */
  private generation = 0;
  private subscribed: boolean;
  private readonly subscriber?: Redis;
  private readonly publisher?: Redis;

  constructor(
    private readonly options: ViewerCacheOptions,
    private readonly log: Logger,
  ) {
    if (options.ttlMs > 0) this.entries = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs });
    this.subscribed = !options.redis;
    if (this.entries && options.redis) {
      const { url, channel } = options.redis;
      const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2000);
      this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: PUBLISH_TIMEOUT_MS, retryStrategy });
      this.publisher.on('error', () => undefined);
      this.subscriber = new Redis(url, { autoResubscribe: false, maxRetriesPerRequest: null, retryStrategy });
      this.subscriber.on('error', () => undefined);
      this.subscriber.on('ready', () => {
        this.subscriber!.subscribe(channel).then(
          () => (this.subscribed = true),
          (err) => this.log.warn({ err }, 'could not subscribe to API-key changes: keys are looked up in the database'),
        );
      });
      this.subscriber.on('close', () => this.unsubscribed());
      this.subscriber.on('message', (_channel: string, message: string) => this.evictLocally(parseOrganisations(message)));
    }
  }

  /** The cached viewer of a key hash, or undefined when it must be looked up. */
  get(hash: string): CachedViewer | undefined {
    return this.subscribed ? this.entries?.get(hash) : undefined;
  }

  /**
   * Call before looking a key up; the function it returns stores the result, unless an eviction
   * came in meanwhile (the look-up may then have read the row as it was before the change).
   */
  startLookup(): (hash: string, entry: CachedViewer) => void {
    const generation = this.generation;
    return (hash, entry) => {
      if (this.entries && this.subscribed && generation === this.generation) this.entries.set(hash, entry);
    };
  }

  delete(hash: string): void {
    this.entries?.delete(hash);
  }

  /** After a committed change to these organisations' keys, limits or pairings: here at once, elsewhere through Redis. */
  async evict(organisationIds: number[]): Promise<void> {
    if (organisationIds.length === 0) return;
    this.evictLocally(organisationIds);
    if (!this.publisher) return;
    try {
      await this.publisher.publish(this.options.redis!.channel, JSON.stringify(organisationIds));
    } catch (err) {
      this.log.warn({ err }, `could not tell other processes of changed API keys: they may accept them for up to ${this.options.ttlMs} ms`);
    }
  }

  private evictLocally(organisationIds: number[]): void {
    this.generation += 1;
    if (!this.entries) return;
    const changed = new Set(organisationIds);
    const stale = [...this.entries.entries()].filter(([, entry]) => changed.has(entry.viewer.organisationId));
    for (const [hash] of stale) this.entries.delete(hash);
  }

  private unsubscribed(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    this.generation += 1;
    this.entries?.clear();
    this.log.warn('the subscription to API-key changes is down: keys are looked up in the database until it is back');
  }

  close(): void {
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }
}

function parseOrganisations(message: string): number[] {
  try {
    const ids: unknown = JSON.parse(message);
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** The request's cache, and the organisations whose keys its writes changed, until its transaction ends. */
const pending = new WeakMap<EntityManager, { cache: ViewerCache; organisations: Set<number> }>();

/** Binds the request's unit of work to the cache that answered for its key. */
export function watchKeyChanges(em: EntityManager, cache: ViewerCache): void {
  pending.set(em, { cache, organisations: new Set() });
}

/**
 * Call inside any write that changes what jingzhun_authenticate returns for an organisation's
 * keys (a key revoked, limits or pairings changed): its cached viewers go once the write commits.
 */
export function keysChanged(ctx: RequestContext, organisationId: number): void {
  pending.get(ctx.em)?.organisations.add(organisationId);
}

/**
 * After the request's transaction ended (a rolled-back change evicts too, which costs one look-up).
 * Not before the commit: a look-up between the eviction and the commit would read and cache the
 * row as it was.
 */
export async function evictChangedKeys(em: EntityManager): Promise<void> {
  const changes = pending.get(em);
  if (!changes || changes.organisations.size === 0) return;
  pending.delete(em);
  await changes.cache.evict([...changes.organisations]);
}

export function createViewerCache(config: Pick<Config, 'apiKeyCache' | 'redisUrl' | 'redisKeyPrefix'>, log: Logger): ViewerCache {
  const redis = config.redisUrl ? { url: config.redisUrl, channel: `${config.redisKeyPrefix}api-keys-changed` } : undefined;
  return new ViewerCache({ ...config.apiKeyCache, redis }, log);
}
