import { basename, resolve } from 'node:path';
import type { RequestListener } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { authenticate } from './auth/api-keys';
import { WriteRateLimiter } from './auth/rate-limit';
import type { LoaderOptions } from './db/batching';
import { formatError } from './graphql/format-error';
import { jitGateway } from './graphql/jit-executor';
import { dataIsOkPlugin } from './graphql/http-status';
import { QUERY_LIMITS, queryLimitsRule } from './graphql/query-limits';
import type { Logger } from './lib/logger';
import { corsOriginRule } from './http/cors';
import { createGraphqlHandler } from './http/graphql-handler';
import { cachePolicyPlugin } from './http/cache-policy';
import { healthRoutes } from './http/health';
import type { ContextRequest } from './http/request-log';
import { createRouter, type UpgradeListener } from './http/server';
import { createSubscriptionServer } from './http/subscriptions';
import { ChangeFeed } from './events/change-feed';
import { createMetrics, type Metrics } from './http/metrics';
import { readerFor } from './db/sql-tally';
import type { AppConfig } from './config';
import { createContext, type Context } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { ErrorCode } from './errors';
import { createGraphiql, wantsGraphiql } from './graphiql/graphiql.routes';
import { explorerRoutes } from './explorer/explorer.routes';
import { getSchema } from './schema';

/** The project root, whether this file runs from src/ (ts-jest) or from dist/src/ (npm start). */
const PROJECT_ROOT = resolve(
  __dirname,
  basename(resolve(__dirname, '..')) === 'dist' ? '../..' : '..',
);

/** Where `npm run build:graphiql` puts the GraphiQL page. */
export const GRAPHIQL_DIR = resolve(PROJECT_ROOT, 'dist', 'graphiql');

/** Where `npm run build:explorer` puts the franchise explorer (/explore). */
export const EXPLORER_DIR = resolve(PROJECT_ROOT, 'dist', 'explorer');

export interface AppOptions {
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly loaderOptions?: LoaderOptions;
}

/**
 * Logs unexpected errors with the request id, puts the request id on masked errors, and records the
 * operation name and error codes in the request's summary, for its log line. One listener serves every
 * request (it reads the request from the hooks' argument): no closures made per request.
 */
function errorReportingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  const listener: GraphQLRequestListener<Context> = {
    async didEncounterErrors({ errors, contextValue, operationName }) {
      for (const error of errors) {
        const code = error.extensions?.code;
        if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
          logger.error(
            {
              requestId: contextValue.request.requestId,
              operationName,
              err: error.originalError ?? error,
              path: error.path,
            },
            'unexpected error',
          );
        }
      }
    },
    async willSendResponse({ response, contextValue, operationName, request }) {
      const { summary } = contextValue.request;
      summary.operationName = operationName ?? request.operationName ?? null;
      if (response.body.kind !== 'single') return;
      for (const error of response.body.singleResult.errors ?? []) {
        summary.errorCodes.push(String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
        if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
          (error.extensions as Record<string, unknown>).requestId = contextValue.request.requestId;
        }
      }
    },
  };
  return { requestDidStart: async () => listener };
}

export interface App {
  /** The request listener of every path: /graphql, GraphiQL, the explorer, health checks (`listen` serves it). */
  readonly handler: RequestListener;
  readonly apollo: ApolloServer<Context>;
  /** GET /metrics and what feeds it, when METRICS_PORT is set (main.ts serves it on that port). */
  readonly metrics: Metrics | null;
  /** Builds a request's context as HTTP requests get it (tests call it to run operations without HTTP). */
  contextFor(request: ContextRequest): Promise<Context>;
  /** The HTTP server's `upgrade` listener: GraphQL subscriptions over WebSocket at /graphql. */
  readonly upgrade: UpgradeListener;
  /** What pushes committed changes to subscriptions. */
  readonly feed: ChangeFeed;
  /** Resolves when the app can serve; call before `listen`. */
  start(): Promise<void>;
  /**
   * From now on /readyz answers 503, so load balancers stop sending requests, and WebSocket clients
   * are closed with 1001 (going away) to reconnect elsewhere (shutdown).
   */
  markDraining(): void;
  stop(): Promise<void>;
}

export async function createApp({
  dataSource,
  config,
  logger,
  loaderOptions,
}: AppOptions): Promise<App> {
  const schema = await getSchema();
  const apollo = new ApolloServer<Context>({
    // Apollo parses, validates and runs its plugins; graphql-jit executes (see jit-executor.ts).
    gateway: jitGateway(schema),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts drains the HTTP server first on SIGTERM/SIGINT: Apollo stopping on its own would fail
    // the requests in flight, then kill the process before they are answered.
    stopOnTerminationSignals: false,
    formatError,
    validationRules: [queryLimitsRule()],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Only for federated subgraphs; otherwise it is one more hook on every request.
      ApolloServerPluginInlineTraceDisabled(),
      errorReportingPlugin(logger),
      dataIsOkPlugin(),
      // Cache-Control per operation (public for anonymous GET queries), decided once per document.
      cachePolicyPlugin<Context>(config.cacheMaxAge),
    ],
  });

  const writeLimiter = new WriteRateLimiter(config.writeRateLimit);
  /** The context of one request: its loaders, and who sent it (from the Authorization header). */
  const contextFor = async ({ tracked, authorization, live }: ContextRequest) => {
    // Built first: the API key lookup is one of the request's counted statements.
    const reader = readerFor(dataSource, tracked.sqlTally);
    const { viewer, rejection } = await authenticate(reader, authorization);
    return createContext(dataSource, {
      tracked,
      reader,
      loaderOptions,
      viewer,
      authRejection: rejection,
      writeLimiter,
      live,
    });
  };

  const feed = new ChangeFeed(dataSource, {
    maxQueued: config.subscriptions.maxQueued,
    stallMs: config.subscriptions.stallMs,
    logger,
    // On the primary: a replica may not have replayed the change just announced.
    loaders: () =>
      createLoaders(readerFor(dataSource, { statements: 0 }, { primary: true }), loaderOptions),
  });
  const subscriptions = createSubscriptionServer({
    schema,
    feed,
    limits: config.subscriptions,
    originAllowed: corsOriginRule(config),
    contextFor,
    logger,
    draining: () => draining,
  });

  // Nothing is measured when METRICS_PORT is off: the router gets no observer.
  const metrics = config.metricsPort === null ? null : createMetrics(dataSource);
  let draining = false;
  let started = false;
  const graphiql = createGraphiql(GRAPHIQL_DIR);
  const handler = createRouter(
    [
      {
        path: '/graphql',
        handle: createGraphqlHandler({
          apollo,
          originAllowed: corsOriginRule(config),
          contextFor,
          browserPage: { wants: wantsGraphiql, serve: graphiql.page },
          draining: () => draining,
        }),
      },
      {
        path: '/',
        methods: ['GET'],
        handle: (_req, res) => {
          res.writeHead(302, { location: '/graphql', 'content-length': 0 }).end();
        },
      },
      ...healthRoutes(async () => {
        if (draining || !dataSource.isInitialized) return false;
        await dataSource.query('SELECT 1');
        return true;
      }),
      ...graphiql.routes,
      ...explorerRoutes(EXPLORER_DIR),
    ],
    { logger, draining: () => draining, observer: metrics?.observeRequest },
  );

  return {
    handler,
    apollo,
    metrics,
    contextFor,
    upgrade: subscriptions.upgrade,
    feed,
    async start() {
      await apollo.start();
      await feed.start();
      started = true;
    },
    markDraining() {
      draining = true;
      subscriptions.closeAll();
    },
    async stop() {
      draining = true;
      await subscriptions.stop();
      await feed.stop();
      if (started) await apollo.stop();
    },
  };
}
