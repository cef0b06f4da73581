import { getOperationAST, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { soleRead } from '../db/read';
import type { Metrics } from '../observability/metrics';
import type { SqlReader } from '../sql-read/sql-read';
import type { OperationCheck } from './operation-checks';
import { rawJson, stringifyResult } from './raw-json';

/** Texts kept, at most: as many as Apollo's document store keeps documents (document-store.ts). */
const MAX_ACCEPTED = 1_000;

/** A body the lane may answer: a query, perhaps its operation's name and variables, and nothing else (no persisted query, no extensions). */
export type LaneBody = { query: string; operationName?: string | null; variables?: Record<string, unknown> | null };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Compiled reads answered without Apollo's request pipeline, which was half of a household read's
 * CPU (0.26 of 0.54 ms, docs/benchmarks.md). Only for a query text Apollo itself has answered with
 * a compiled read before: Apollo parsed and validated that document, so the lane keeps it and runs
 * the rest as Apollo would, with the same pieces: the SQL reader (the policy table decides what
 * compiles, as on Apollo's path), the same operation checks (input guard, complexity, look-up
 * budget), the same metrics. Anything else it leaves to Apollo, with the request's context as
 * made: a check that refuses (Apollo then gives the refusal), a query that does not compile for
 * this caller, a read that fails. A read writes nothing, so Apollo may run it again.
 */
export class CompiledLane {
  private readonly accepted = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly read: SqlReader,
    private readonly checks: readonly OperationCheck[],
    private readonly count: Metrics['record'],
  ) {}

  /** Apollo answered `text` with a compiled read of `document`: the lane may answer it from now on. */
  accept(text: string | undefined, document: DocumentNode): void {
    if (text === undefined || this.accepted.has(text)) return;
    if (this.accepted.size >= MAX_ACCEPTED) this.accepted.delete(this.accepted.keys().next().value!);
    this.accepted.set(text, document);
  }

  /** The body, if the lane may try it: an accepted text, with nothing that only Apollo handles. */
  candidate(body: unknown): LaneBody | undefined {
    if (!isPlainObject(body) || typeof body.query !== 'string' || !this.accepted.has(body.query) || body.extensions !== undefined) return undefined;
    const { operationName, variables } = body;
    if (!(operationName == null || typeof operationName === 'string') || !(variables == null || isPlainObject(variables))) return undefined;
    return body as LaneBody;
  }

  /** The response's text, or undefined when Apollo must answer. */
  async answer(body: LaneBody, ctx: RequestContext): Promise<string | undefined> {
    const started = process.hrtime.bigint();
    const document = this.accepted.get(body.query);
    if (!document || !ctx.viewer) return undefined;
    const variables = body.variables ?? undefined;
    const read = this.read(document, body.operationName, ctx.viewer, variables);
    if (!read) return undefined;
    try {
      for (const check of this.checks) await check({ schema: this.schema, document, operationName: body.operationName, variables, ctx });
      const [row] = await soleRead<{ data: string }>(ctx, read.statement, read.bindings);
      this.count({ contextValue: ctx, operation: getOperationAST(document, body.operationName) ?? undefined }, 'success', started);
      return stringifyResult({ data: rawJson(row.data) });
    } catch (error) {
      // A refusal is Apollo's to give again; anything else Apollo meets again too and logs, but a
      // fault of the lane's own would be hidden by Apollo's answer.
      if (!(error instanceof GraphQLError)) ctx.log.warn({ err: error }, 'the compiled lane handed a request to Apollo after an error');
      return undefined;
    }
  }
}
