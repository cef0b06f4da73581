import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RequestContext } from '../context/request-context';
import type { SqlCounter } from '../db/sql-counter';
import { ErrorCode } from '../errors/error-codes';
import { sendHttpError } from '../errors/format-error';

export type Metrics = {
  registry: Registry;
  plugin: ApolloServerPlugin<RequestContext>;
  /** Counts a request answered outside Apollo's pipeline (the compiled lane), as the plugin counts the others. */
  record(request: { contextValue?: RequestContext; operation?: OperationDefinitionNode }, outcome: string, started: bigint): void;
};

/**
 * Every label value is a time series kept for the life of the process, so callers must not be
 * able to mint them: requests without a key or with a document that does not validate share one
 * label each, and only the first MAX_OPERATION_LABELS operation names seen get their own.
 */
export const OPERATION_LABELS = { unauthenticated: 'unauthenticated', invalid: 'invalid', anonymous: 'anonymous', other: 'other' } as const;
export const MAX_OPERATION_LABELS = 100;

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function outcomeOf(requestContext: GraphQLRequestContextWillSendResponse<RequestContext>): string {
  const { body } = requestContext.response;
  const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : (requestContext.errors ?? []);
  if (errors.length === 0) return 'success';
  const codes = new Set(errors.map((e) => String(e.extensions?.code)).map((code) => (KNOWN_CODES.has(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR)));
  return [...codes].sort().join(',');
}

/** What a request is counted by: who asked (if anyone) and the operation it ran (if it resolved one). */
type Counted = { contextValue?: RequestContext; operation?: OperationDefinitionNode };

function operationLabeller(): (request: Counted) => string {
  const named = new Set<string>();
  return ({ contextValue, operation }) => {
    if (!contextValue?.viewer) return OPERATION_LABELS.unauthenticated;
    // Set only once the document parsed, validated and named an operation it holds.
    if (!operation) return OPERATION_LABELS.invalid;
    const name = operation.name?.value;
    if (!name) return OPERATION_LABELS.anonymous;
    if (named.has(name)) return name;
    if (named.size >= MAX_OPERATION_LABELS) return OPERATION_LABELS.other;
    named.add(name);
    return name;
  };
}

/**
 * A registry per server (not prom-client's global one), so tests that start several servers in
 * one process do not collide on metric names.
 */
export function createMetrics(sqlCounter: SqlCounter): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['operation', 'outcome'] as const;
  const requests = new Counter({
    name: 'jingzhun_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'jingzhun_graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation name and outcome',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Counter({
    name: 'jingzhun_sql_statements_total',
    help: 'SQL statements sent to the database',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sqlCounter.total);
    },
  });

  const operationLabel = operationLabeller();
  const record = (request: Counted, outcome: string, started: bigint) => {
    const labels = { operation: operationLabel(request), outcome };
    requests.inc(labels);
    duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  };
  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          record(requestContext, outcomeOf(requestContext), started);
        },
      };
    },
  };
  return { registry, plugin, record };
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** GET /metrics; with a token, only for `Authorization: Bearer <token>` (compared in constant time). */
export function metricsEndpoint(metrics: Metrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (req, res) => {
    if (expected) {
      const given = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        sendHttpError(res, 401, ErrorCode.UNAUTHENTICATED, 'The metrics need "Authorization: Bearer <METRICS_TOKEN>"');
        return;
      }
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
