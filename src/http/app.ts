import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config/config';
import { createLoaders } from '../context/loaders';
import { RequestContext } from '../context/request-context';
import type { Database } from '../db/database';
import { beginScopedTransaction, endScopedTransaction } from '../db/row-security';
import { formatError, isExpectedError } from '../errors/format-error';
import { queryComplexityLimit } from '../graphql/query-complexity';
import { buildGuardedSchema } from '../graphql/schema';
import { authenticate } from '../modules/auth/auth.service';
import { createMetrics } from '../observability/metrics';
import { graphqlIde } from './ide';

export type Server = {
  app: express.Express;
  httpServer: http.Server;
  /** Stops taking requests, lets in-flight ones finish, then returns; the caller closes the database. */
  stop(): Promise<void>;
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Commits the request's scoped transaction once the response is ready, whatever it holds. */
const requestTransaction: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await endScopedTransaction(contextValue.em, 'commit');
      },
    };
  },
};

const errorLogging: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors.filter((e) => !isExpectedError(e))) {
          contextValue?.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error in a GraphQL request');
        }
      },
    };
  },
};

/** `schema` replaces the guarded schema; only benchmarks do so, to measure the permission layer's cost. */
export async function createServer(config: Config, db: Database, logger: Logger, options: { schema?: GraphQLSchema } = {}): Promise<Server> {
  const app = express();
  const httpServer = http.createServer(app);
  const metrics = createMetrics(db.sqlCounter);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema ?? (await buildGuardedSchema()),
    formatError,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it drains Apollo, then closes the database, in that order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; left on, it wraps every field resolver (a third of a long list's time).
      ApolloServerPluginCacheControlDisabled(),
      queryComplexityLimit,
      requestTransaction,
      metrics.plugin,
      errorLogging,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const ide = graphqlIde({ demoKey: config.isProduction ? undefined : 'demo-poverty-office' });
  app.use(ide.assets);
  app.use(
    '/graphql',
    ide.page,
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const em = db.orm.em.fork();
        const viewer = await authenticate(em, req.headers.authorization, { allowDemoKeys: !config.isProduction });
        if (viewer) {
          await beginScopedTransaction(em, viewer);
          // A client that disconnects before the response leaves no transaction holding a connection.
          res.once('close', () => void endScopedTransaction(em, 'rollback').catch((err) => req.log.warn({ err }, 'rollback failed')));
        }
        return new RequestContext(viewer, em, req.log, String(req.id), createLoaders);
      },
    }),
  );

  return {
    app,
    httpServer,
    async stop() {
      await apollo.stop();
    },
  };
}
