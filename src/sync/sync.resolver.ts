import { Arg, Args, Ctx, Mutation, Resolver, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { retract, runSync } from './sync.engine';
import type { Subject, SyncKind, SyncRecord } from './sync-kind';
import { SyncOptions, SyncResultType } from './sync.types';

/**
 * A sector's two mutations, made from its declaration: the batch (`records` and the engine's
 * options) and the retraction of records by externalId with a reason.
 */
export function batchSyncResolver<R extends SyncRecord, Rules, S extends Subject>(kind: SyncKind<R, Rules, S>, record: ClassType<R>, describe: { records: string; matched?: string }) {
  @Resolver()
  class BatchSyncResolver {
    @Mutation(() => SyncResultType, {
      name: kind.operation,
      description: `Sync ${describe.records}: up to 1,000 records keyed by your externalId, ${describe.matched ?? 'people matched by ID number'}; the same record again changes nothing`,
    })
    sync(@Ctx() ctx: RequestContext, @Arg('records', () => [record]) records: R[], @Args(() => SyncOptions) options: SyncOptions) {
      return runSync(ctx, kind, records, options);
    }

    @Mutation(() => SyncResultType, { name: kind.retraction, description: `Retract ${describe.records} you recorded, by externalId, with the reason (paid in error, reversed)` })
    retract(@Ctx() ctx: RequestContext, @Arg('externalIds', () => [String]) externalIds: string[], @Arg('reason', () => String) reason: string) {
      return retract(ctx, kind, externalIds, reason);
    }
  }
  return BatchSyncResolver;
}
