import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config/config';
import { createLoaders } from '../modules';
import { RequestContext } from '../context/request-context';
import type { Database } from '../db/database';
import { beginScopedTransaction, endScopedTransaction } from '../db/row-security';
import { ErrorCode } from '../errors/error-codes';
import { formatError, httpErrorHandler, isExpectedError, notFound, sendHttpError } from '../errors/format-error';
import { compiledExecution } from '../graphql/compiled-execution';
import { CompiledLane } from '../graphql/compiled-lane';
import { stringifyResult } from '../graphql/raw-json';
import { documentStore } from '../graphql/document-store';
import { guardInput } from '../graphql/input-guard';
import { asPlugin } from '../graphql/operation-checks';
import { limitComplexity } from '../graphql/query-complexity';
import { buildGuardedSchema, soleStatementFields, sqlReadTypes } from '../graphql/schema';
import { authenticate } from '../modules/auth';
import { createViewerCache, evictChangedKeys } from '../modules/auth';
import { operationName, requestLine, responseLine, serializeError } from '../observability/logger';
import { createMetrics, metricsEndpoint } from '../observability/metrics';
import { createRateLimiter } from '../rate-limit/rate-limiter';
import { sqlReader } from '../sql-read/sql-read';
import { trackRequests } from './drain';
import { BODY_LIMIT_BYTES, graphqlEndpoint, isPlainGraphQLPost, type GraphQLRequestContext } from './graphql-endpoint';
import { graphqlIde } from './ide';
import { securityHeaders, setSecurityHeaders } from './security-headers';

export type Server = {
  /** What answers HTTP: POST /graphql directly (graphql-endpoint.ts), everything else through `routes`. */
  app: http.RequestListener;
  /** The express routes: health, metrics, the IDE, non-JSON or compressed GraphQL requests, errors. */
  routes: express.Express;
  httpServer: http.Server;
  /** Listening on 127.0.0.1 when METRICS_PORT is set. */
  metricsServer?: http.Server;
  /** Stops taking requests, lets in-flight ones finish, then returns; the caller closes the database. */
  stop(): Promise<void>;
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** GraphQL-over-HTTP takes POST bodies as application/json only; anything else is refused before the body is read. */
const jsonBodiesOnly: express.RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json') !== false) {
    next();
    return;
  }
  sendHttpError(res, 415, ErrorCode.BAD_USER_INPUT, 'POST /graphql takes a body of Content-Type: application/json');
};

/** /metrics alone, on the loopback interface, for a scraper on the same host or pod. */
async function listenForMetrics(port: number, endpoint: express.RequestHandler, logger: Logger): Promise<http.Server> {
  const app = express().disable('x-powered-by').use(securityHeaders).get('/metrics', endpoint).use(notFound).use(httpErrorHandler(logger));
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/** Requests whose client went away before the answer: their transaction is undone, not kept. */
const abandoned = new WeakSet<RequestContext['em']>();

/**
 * The request's scoped transaction, from the moment its resolvers are about to run (the executor
 * opens it: `openRequestTransaction`) until every resolver is done. Opened only once the operation
 * has been parsed, validated and admitted, so that a request refused before that (a malformed
 * body, a query that does not validate, a spent budget) holds no connection: Apollo creates the
 * context before it reads the body, and ends no request it refused there. A query answered by one
 * compiled statement opens none (src/sql-read). Never ended while a resolver still runs on its
 * connection: kept when the answer can be sent, undone when the client went away. A commit that
 * fails turns the answer into an error, so no caller is told a write was kept that was not;
 * whatever happens, the connection goes back to the pool.
 */
const openRequestTransaction = async (ctx: RequestContext) => {
  if (ctx.viewer) await beginScopedTransaction(ctx.em, ctx.viewer);
};

const requestTransaction: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const { em, log } = contextValue;
        try {
          await endScopedTransaction(em, abandoned.has(em) ? 'rollback' : 'commit');
        } catch (err) {
          log.error({ err }, 'the request transaction could not be committed');
          await endScopedTransaction(em, 'rollback').catch((rollbackError) => log.error({ err: rollbackError }, 'rollback failed'));
          response.http.status = 500;
          response.body = { kind: 'single', singleResult: { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] } };
        }
        await evictChangedKeys(em);
      },
    };
  },
};

const errorLogging = (logger: Logger): ApolloServerPlugin<RequestContext> => ({
  // A failure while authenticating (the database gone, say) has no request context yet to log with.
  async contextCreationDidFail({ error }) {
    if (!isExpectedError(error)) logger.error({ err: error }, 'unexpected error while authenticating a request');
  },
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors.filter((e) => !isExpectedError(e))) {
          contextValue?.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error in a GraphQL request');
        }
      },
    };
  },
});

/** `schema` replaces the guarded schema; only benchmarks do so, to measure the permission layer's cost. */
export async function createServer(config: Config, db: Database, logger: Logger, options: { schema?: GraphQLSchema } = {}): Promise<Server> {
  const routes = express();
  const metrics = createMetrics(db.sqlCounter);
  const rateLimiter = createRateLimiter(config, logger);
  const viewerCache = createViewerCache(config, logger);
  const schema = options.schema ?? (await buildGuardedSchema());
  // Refusals before anything runs, on both paths: Apollo's plugins and the compiled lane.
  const operationChecks = [guardInput, limitComplexity, rateLimiter.checkLookups];
  const sqlRead = config.sqlReads && !options.schema ? sqlReader(schema, sqlReadTypes()) : undefined;
  const lane = sqlRead && new CompiledLane(schema, sqlRead, operationChecks, metrics.record);
  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecution(schema, {
      sqlRead,
      lane,
      soleStatements: soleStatementFields(schema),
      beforeResolvers: openRequestTransaction,
    }),
    formatError,
    stringifyResult,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    documentStore: documentStore(),
    // No "Did you mean …?" in production: field names are for those who may introspect.
    hideSchemaDetailsFromClientErrors: config.isProduction,
    // main.ts owns the signals: stop() drains HTTP, then Apollo; main.ts then closes the database.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; left on, it wraps every field resolver (a third of a long list's time).
      ApolloServerPluginCacheControlDisabled(),
      ...operationChecks.map(asPlugin),
      requestTransaction,
      metrics.plugin,
      errorLogging(logger),
    ],
  });
  await apollo.start();

  routes.disable('x-powered-by');
  // An ETag hashes every answer for a conditional GET no GraphQL client makes (4.6 % of a request's CPU).
  routes.set('etag', false);
  const requestLog = pinoHttp({
    logger,
    // One compact line a request (logger.ts, requestLine). pino-http sets its own error serializer
    // over the logger's; it must be the allow-list too.
    wrapSerializers: false,
    serializers: { err: serializeError, req: requestLine, res: responseLine },
    customSuccessObject: (req, _res, line) => ({ ...line, operation: operationName(req) }),
    customErrorObject: (req, _res, _error, line) => ({ ...line, operation: operationName(req) }),
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
  });
  routes.use(requestLog);
  routes.use(securityHeaders);
  routes.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  routes.get('/readyz', async (_req, res) => {
    if (requests.draining) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  // Production serves no metrics on the API's port unless a token guards them (README, Configuration).
  const metricsRoute = metricsEndpoint(metrics, config.metricsToken);
  const metricsServer = config.metricsPort === undefined ? undefined : await listenForMetrics(config.metricsPort, metricsRoute, logger);
  if (!metricsServer && (config.metricsToken || !config.isProduction)) routes.get('/metrics', metricsRoute);

  const context: GraphQLRequestContext<RequestContext> = async ({ req, res }) => {
    const em = db.orm.em.fork();
    const address = req.socket.remoteAddress ?? 'unknown';
    const viewer = await rateLimiter.admit(address, () => authenticate(em, req.headers.authorization, { allowDemoKeys: !config.isProduction, cache: viewerCache }));
    if (viewer) {
      res.once('close', () => {
        if (!res.writableFinished) abandoned.add(em);
      });
    }
    return new RequestContext(viewer, em, req.log, String(req.id), createLoaders, config.rateLimits);
  };
  const ide = graphqlIde({ demoKey: config.isProduction ? undefined : 'demo-poverty-office' });
  routes.use(ide.assets);
  routes.use('/graphql', ide.page, jsonBodiesOnly, express.json({ limit: BODY_LIMIT_BYTES }), expressMiddleware(apollo, { context }));
  routes.use(notFound);
  routes.use(httpErrorHandler(logger));

  const graphql = graphqlEndpoint(apollo, { context, before: [requestLog, (_req, res) => setSecurityHeaders(res)], logger, lane });
  const app: http.RequestListener = (req, res) => (isPlainGraphQLPost(req) ? graphql(req, res) : routes(req, res));
  const httpServer = http.createServer(app);
  const requests = trackRequests(httpServer);

  return {
    app,
    routes,
    httpServer,
    metricsServer,
    async stop() {
      await requests.drain();
      await apollo.stop();
      await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
      await rateLimiter.close();
      viewerCache.close();
    },
  };
}
