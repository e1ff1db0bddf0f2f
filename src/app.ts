import { basename, resolve } from 'node:path';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { DataSource } from 'typeorm';
import { authenticate } from './auth/api-keys';
import { WriteRateLimiter } from './auth/rate-limit';
import type { LoaderOptions } from './db/batching';
import { formatError } from './graphql/format-error';
import { QUERY_LIMITS, queryLimitsRule } from './graphql/query-limits';
import type { Logger } from './lib/logger';
import { createGraphqlFastPath, takesFastPath } from './http/graphql-handler';
import {
  BODY_LIMIT_BYTES,
  BODY_LIMIT_MESSAGE,
  sendHttpError,
  trackRequest,
  type ContextRequest,
  type TrackedRequest,
} from './http/request-log';
import { readerFor } from './db/sql-tally';
import type { AppConfig } from './config';
import { createContext, type Context } from './graphql/context';
import { ErrorCode } from './errors';
import { createGraphiqlRouter } from './graphiql/graphiql.middleware';
import { getSchema } from './schema';

/** The project root, whether this file runs from src/ (ts-jest) or from dist/src/ (npm start). */
const PROJECT_ROOT = resolve(
  __dirname,
  basename(resolve(__dirname, '..')) === 'dist' ? '../..' : '..',
);

/** Where `npm run build:graphiql` puts the GraphiQL page. */
export const GRAPHIQL_DIR = resolve(PROJECT_ROOT, 'dist', 'graphiql');

export interface AppOptions {
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly loaderOptions?: LoaderOptions;
  /**
   * A response header that tells the SQL statements each GraphQL request ran (the benchmark reads it).
   * Not for production: it tells clients about the database work behind their queries.
   */
  readonly sqlStatementsHeader?: string;
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

/**
 * Express's own error page would be HTML (with a stack trace outside production): answer in GraphQL's
 * error format instead, 4xx for the client's mistakes and a masked 500 for ours.
 */
function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; type?: unknown; message?: unknown }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { requestId } = res.locals.tracked as TrackedRequest;
    const status =
      typeof error.status === 'number' && error.status >= 400 && error.status < 500
        ? error.status
        : 500;
    let message = 'Internal server error';
    if (status === 413) message = BODY_LIMIT_MESSAGE;
    else if (error.type === 'entity.parse.failed') message = 'The request body is not valid JSON.';
    else if (status < 500) message = 'The request could not be read.';
    else logger.error({ requestId, err: error }, 'unhandled error');
    sendHttpError(res, status, message, requestId);
  };
}

export interface App {
  /**
   * The request handler to serve (`listen` does): GraphQL requests on /graphql take a fast path straight
   * to Apollo, everything else goes to `express`.
   */
  readonly app: RequestListener;
  /** Health checks, GraphiQL, CORS preflights and the GraphQL requests the fast path leaves (odd bodies). */
  readonly express: Express;
  readonly apollo: ApolloServer<Context>;
  /** Builds a request's context as HTTP requests get it (tests call it to run operations without HTTP). */
  contextFor(request: ContextRequest): Promise<Context>;
  /** Resolves when the app can serve; call before `listen`. */
  start(): Promise<void>;
  /** From now on /readyz answers 503, so load balancers stop sending requests (shutdown). */
  markDraining(): void;
  stop(): Promise<void>;
}

export async function createApp({
  dataSource,
  config,
  logger,
  loaderOptions,
  sqlStatementsHeader,
}: AppOptions): Promise<App> {
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: [queryLimitsRule()],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Only for federated subgraphs; otherwise it is one more hook on every request.
      ApolloServerPluginInlineTraceDisabled(),
      errorReportingPlugin(logger),
    ],
  });

  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.locals.tracked = trackRequest(logger, req, res);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    try {
      if (draining) throw new Error('shutting down');
      if (!dataSource.isInitialized) throw new Error('database closed');
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  const originAllowed = (origin: string) =>
    config.corsOrigins.includes('*') ||
    config.corsOrigins.includes(origin) ||
    (config.nodeEnv === 'development' &&
      /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin));
  app.use(
    '/graphql',
    cors({
      origin: (origin, callback) => callback(null, origin === undefined || originAllowed(origin)),
    }),
  );
  app.get('/', (_req, res) => res.redirect(302, '/graphql'));
  // A browser's GET /graphql gets the self-hosted GraphiQL page; JSON requests go on to Apollo.
  app.use(createGraphiqlRouter(GRAPHIQL_DIR));

  const writeLimiter = new WriteRateLimiter(config.writeRateLimit);
  /** The context of one request: its loaders, and who sent it (from the Authorization header). */
  const contextFor = async ({ tracked, authorization }: ContextRequest) => {
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
    });
  };

  const fastPath = createGraphqlFastPath({
    apollo,
    logger,
    originAllowed,
    contextFor,
    sqlStatementsHeader,
  });
  let started = false;
  return {
    app: (req, res) => (started && takesFastPath(req) ? fastPath(req, res) : app(req, res)),
    express: app,
    apollo,
    contextFor,
    async start() {
      await apollo.start();
      started = true;
      app.use(
        '/graphql',
        express.json({ limit: BODY_LIMIT_BYTES }),
        expressMiddleware(apollo, {
          context: ({ req, res }) =>
            contextFor({
              tracked: res.locals.tracked as TrackedRequest,
              authorization: req.get('authorization'),
            }),
        }),
      );
      app.use(httpErrorHandler(logger));
    },
    markDraining() {
      draining = true;
    },
    async stop() {
      draining = true;
      if (started) await apollo.stop();
    },
  };
}

/** Listens on `port` (0 = any free port) and resolves with the server and the port it got. */
export function listen(
  handler: RequestListener,
  port: number,
  host?: string,
): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.listen(port, host ?? '::', () => {
      // A client that trickles its request in cannot hold a connection for long.
      server.headersTimeout = 10_000;
      server.requestTimeout = 30_000;
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
    server.once('error', reject);
  });
}
