import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { unauthenticated } from '../errors/app-error';
import type { Viewer } from '../kernel/viewer';
import { DEFAULT_LIMITS, type RateLimitDefaults } from '../rate-limit/limits';
import type { Loaders } from './loaders';

/**
 * Passed first into every service call (as Vendure does), so that who is asking, the request's
 * own unit of work and its batch loaders travel together and are never taken from a global.
 */
export class RequestContext {
  private loaderSet?: Loaders;

  constructor(
    readonly viewer: Viewer | null,
    readonly em: EntityManager,
    readonly log: Logger,
    readonly requestId: string,
    private readonly createLoaders: (ctx: RequestContext) => Loaders,
    /** The server's default budgets, for the API to show an organisation's limits. */
    readonly rateLimits: RateLimitDefaults = DEFAULT_LIMITS,
  ) {}

  /** Per-request batch loaders, made on first use so that a request that needs none pays nothing. */
  get loaders(): Loaders {
    this.loaderSet ??= this.createLoaders(this);
    return this.loaderSet;
  }

  /** The caller, for code that the permission layer has already let through. */
  get caller(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }
}
