import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { SqlCounter } from '../db/sql-counter';

export type Metrics = { registry: Registry; plugin: ApolloServerPlugin };

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

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, errors }) {
          const operation = request.operationName ?? 'anonymous';
          const codes = new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
          const outcome = codes.size === 0 ? 'success' : [...codes].sort().join(',');
          const labels = { operation: operation.slice(0, 64), outcome };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
  return { registry, plugin };
}
