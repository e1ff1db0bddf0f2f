import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { authenticate } from './auth/api-keys';
import type { LoaderOptions } from './common/batching';
import { formatError } from './common/format-error';
import type { Logger } from './common/logger';
import type { AppConfig } from './config';
import { createContext, type Context } from './context';
import { ErrorCode } from './errors';
import { getSchema } from './schema';

export const BODY_LIMIT = '100kb';

export interface AppOptions {
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly loaderOptions?: LoaderOptions;
}

/** Logs unexpected errors with the request id, and puts the request id on masked errors. */
function errorReportingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error(
                { requestId: contextValue.requestId, operationName, err: error.originalError ?? error, path: error.path },
                'unexpected error',
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}

export interface App {
  readonly app: Express;
  readonly apollo: ApolloServer<Context>;
  /** Resolves when the app can serve; call before `listen`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp({ dataSource, config, logger, loaderOptions }: AppOptions): Promise<App> {
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      errorReportingPlugin(logger),
    ],
  });

  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const header = req.get('x-request-id');
    const requestId = header && /^[A-Za-z0-9._-]{1,100}$/.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      if (!dataSource.isInitialized) throw new Error('database closed');
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.get('/', (_req, res) => res.redirect(302, '/graphql'));

  let started = false;
  return {
    app,
    apollo,
    async start() {
      await apollo.start();
      started = true;
      const corsOptions = cors({
        origin: (origin, callback) =>
          callback(
            null,
            origin === undefined ||
              config.corsOrigins.includes('*') ||
              config.corsOrigins.includes(origin) ||
              (config.nodeEnv === 'development' && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)),
          ),
      });
      app.use(
        '/graphql',
        corsOptions,
        express.json({ limit: BODY_LIMIT }),
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            const { viewer, rejection } = await authenticate(dataSource, req.get('authorization'));
            return createContext(dataSource, {
              requestId: String(res.locals.requestId),
              loaderOptions,
              viewer,
              authRejection: rejection,
            });
          },
        }),
      );
    },
    async stop() {
      if (started) await apollo.stop();
    },
  };
}

/** Listens on `port` (0 = any free port) and resolves with the server and the port it got. */
export function listen(app: Express, port: number, host?: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host ?? '::', () => {
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
    server.once('error', reject);
  });
}

