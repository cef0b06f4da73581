import { HeaderMap } from '@apollo/server';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { OperationCheck } from '../graphql/operation-checks';
import type { Viewer } from '../kernel/viewer';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { limitsInForce, perHour, perMinute, type Bucket, type RateLimitDefaults } from './limits';
import { countPersonLookups, MAX_LOOKUP_FIELDS, type LookupCount } from './person-lookups';
import { RedisBucketStore } from './redis-bucket-store';
import { MemoryBucketStore, type BucketStore } from './token-bucket';

function rateLimited(message: string, retryAfterMs: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(ErrorCode.RATE_LIMITED, `${message}; retry in ${retryAfter} s`, {
    retryAfter,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
  });
}

const tooManyLookupFields = (fields: number) =>
  new AppError(ErrorCode.QUERY_TOO_COMPLEX, `This operation looks people up by ID number in ${fields} fields; the limit is ${MAX_LOOKUP_FIELDS}. Check many people with loanEligibilities(idNumbers: [...]).`, {
    lookupFields: fields,
    maximum: MAX_LOOKUP_FIELDS,
    http: { status: 400 },
  });

/**
 * The budgets of docs/security.md ("Rate limits"): requests per API key, requests per address for
 * callers without a valid key, and look-ups of people per organisation.
 */
export class RateLimiter {
  constructor(
    private readonly store: BucketStore,
    private readonly defaults: RateLimitDefaults,
  ) {}

  /**
   * Authenticates and charges the request: to its key when the key is valid, else to the client
   * address, whose budget a caller without a key, or with a made-up one, draws from.
   */
  async admit(address: string, authenticate: () => Promise<Viewer | null>): Promise<Viewer | null> {
    const byAddress = () => this.charge(`address:${address}`, perMinute(this.defaults.anonymousPerMinute), 1, 'Too many requests without a valid API key from your address');
    const viewer = await authenticate().catch(async (error: unknown) => {
      if (error instanceof AppError && error.extensions.code === ErrorCode.UNAUTHENTICATED) await byAddress();
      throw error;
    });
    if (!viewer) await byAddress();
    else {
      const { requestsPerMinute } = this.limits(viewer);
      await this.charge(`key:${viewer.apiKeyId}`, perMinute(requestsPerMinute), 1, `This API key may send ${requestsPerMinute} requests a minute`);
    }
    return viewer;
  }

  /**
   * Charges an organisation's look-up budget with every person an operation looks up, before it
   * runs: per organisation, because an organisation may make itself as many keys as it likes.
   */
  async admitLookups(viewer: Viewer, lookups: number): Promise<void> {
    const perHourLimit = this.limits(viewer).lookupsPerHour;
    if (lookups > perHourLimit) {
      throw new AppError(ErrorCode.QUERY_TOO_COMPLEX, `This operation looks up ${lookups} people; your organisation's budget is ${perHourLimit} an hour. Send fewer ID numbers.`, {
        lookups,
        maximum: perHourLimit,
        http: { status: 400 },
      });
    }
    await this.charge(`lookups:${viewer.organisationId}`, perHour(perHourLimit), lookups, `Your organisation may look up ${perHourLimit} people by ID number an hour`);
  }

  private limits(viewer: Viewer) {
    return limitsInForce(this.defaults, viewer.limits);
  }

  private async charge(key: string, bucket: Bucket, cost: number, message: string): Promise<void> {
    const take = await this.store.take(key, bucket, cost);
    if (!take.allowed) throw rateLimited(message, take.retryAfterMs);
  }

  /** Refuses an operation with too many look-up fields, then charges the people it looks up; runs before any resolver. */
  readonly checkLookups: OperationCheck = async ({ schema, document, operationName, variables, ctx }) => {
    let count: LookupCount;
    try {
      count = countPersonLookups(schema, document, variables, operationName ?? undefined, ctx.viewer?.role);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // Variables that do not fit their types: execution refuses them before any resolver runs.
      return;
    }
    if (count.fields > MAX_LOOKUP_FIELDS) throw tooManyLookupFields(count.fields);
    if (count.lookups > 0 && ctx.viewer) await this.admitLookups(ctx.viewer, count.lookups);
  };

  close(): Promise<void> {
    return this.store.close();
  }
}

export function createRateLimiter(config: Config, logger: Logger): RateLimiter {
  const store = config.redisUrl ? new RedisBucketStore(config.redisUrl, config.redisKeyPrefix, logger) : new MemoryBucketStore();
  return new RateLimiter(store, config.rateLimits);
}
