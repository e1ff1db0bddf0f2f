import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SubscriptionLimits } from '../config';
import { ErrorCode } from '../errors';
import type { ChangeFeed } from '../events/change-feed';
import type { Context, LiveConnection } from '../graphql/context';
import { formatError } from '../graphql/format-error';
import { QUERY_LIMITS, queryLimitsRule } from '../graphql/query-limits';
import { newTrackedRequest } from '../graphql/request';
import type { Logger } from '../lib/logger';
import { requestIdOf, type ContextRequest } from './request-log';

export interface SubscriptionServerOptions {
  readonly schema: GraphQLSchema;
  readonly feed: ChangeFeed;
  readonly limits: SubscriptionLimits;
  /** Whether a browser on `origin` may connect (CORS_ORIGINS, as for /graphql over HTTP). */
  readonly originAllowed: (origin: string) => boolean;
  readonly contextFor: (request: ContextRequest) => Promise<Context>;
  readonly logger: Logger;
  /** While true, new connections are refused (the server is draining). */
  readonly draining: () => boolean;
}

export interface SubscriptionServer {
  /** The `upgrade` listener of the HTTP server: WebSocket connections to /graphql. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection with 1001 "going away" (shutdown): clients reconnect elsewhere. */
  closeAll(): void;
  /** Open WebSocket connections. */
  readonly connections: number;
  stop(): Promise<void>;
}

/** The WebSocket path, the same as GraphQL over HTTP's. */
const PATH = '/graphql';

/** The largest message a client may send (a subscription document with its variables). */
const MAX_MESSAGE_BYTES = 100_000;

/** After a close frame, how long a client that does not answer keeps its socket. */
const CLOSE_GRACE_MS = 2_000;

const OPERATION_RULES = [...specifiedRules, queryLimitsRule()];

/** An error as `formatError` writes it for HTTP, as a GraphQLError for graphql-ws to send. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: error.extensions.code ?? code },
  });
}

/** Refuses an upgrade with an HTTP status, before any WebSocket exists. */
function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol), on the HTTP server's port and path.
 * Only subscriptions are served here (queries and mutations go over HTTP, through the one handler); they
 * are public reads, validated with the same query limits as HTTP, with limits on connections per server
 * and subscriptions per connection. Each subscription logs its start and end with its request id.
 */
export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, feed, limits, originAllowed, contextFor, logger, draining } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  /** The request id of each running subscription, by socket and subscription id, for its end line. */
  let stopping: Promise<void> | null = null;
  /** Upgrades accepted and not yet connected, which count towards the limit too. */
  let opening = 0;
  const running = new WeakMap<WebSocket, Map<string, { requestId: string; started: number }>>();

  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      connectionInitWaitTimeout: limits.initTimeoutMs,
      isProd: true,
      onSubscribe: async (ctx, id, payload) => {
        const socket = ctx.extra.socket;
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptions) {
          return [
            new GraphQLError(
              `Too many subscriptions on one connection: at most ${limits.maxSubscriptions}.`,
              { extensions: { code: ErrorCode.RATE_LIMITED } },
            ),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, OPERATION_RULES);
        if (errors.length > 0)
          return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [
            new GraphQLError('Name the operation to run (operationName).', {
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
            }),
          ];
        }
        if (operation.operation !== 'subscription') {
          return [
            new GraphQLError(
              `Only subscriptions are served over WebSocket; send ${operation.operation === 'query' ? 'queries' : 'mutations'} to /graphql over HTTP.`,
              { extensions: { code: 'BAD_REQUEST' } },
            ),
          ];
        }
        const tracked = newTrackedRequest(requestIdOf(undefined));
        tracked.summary.operationName = operation.name?.value ?? null;
        const live: LiveConnection = {
          feed,
          close: (code, reason) => {
            logger.warn({ requestId: tracked.requestId, code }, reason);
            socket.close(code, reason);
            setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
          },
        };
        const contextValue = await contextFor({ tracked, live });
        let subscriptions = running.get(socket);
        if (!subscriptions) running.set(socket, (subscriptions = new Map()));
        subscriptions.set(id, { requestId: tracked.requestId, started: performance.now() });
        logger.info(
          {
            requestId: tracked.requestId,
            operationName: tracked.summary.operationName,
            variables: payload.variables ?? null,
          },
          'subscription started',
        );
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const requestId = running.get(ctx.extra.socket)?.get(id)?.requestId;
        for (const error of result.errors) {
          if (!error.extensions?.code || error.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR)
            logger.error({ requestId, err: error.originalError ?? error }, 'unexpected error');
        }
        return {
          ...result,
          errors: result.errors.map((error) => formatError(error.toJSON(), error)),
        };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => formatError(error.toJSON(), error)),
      onComplete: (ctx, id) => {
        const subscription = running.get(ctx.extra.socket)?.get(id);
        if (!subscription) return;
        running.get(ctx.extra.socket)?.delete(id);
        logger.info(
          {
            requestId: subscription.requestId,
            durationMs: Math.round(performance.now() - subscription.started),
          },
          'subscription ended',
        );
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    upgrade(req, socket, head) {
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      if ((query < 0 ? url : url.slice(0, query)) !== PATH) {
        refuse(socket, 404, 'Not Found', `WebSocket connections are served at ${PATH} only.`);
        return;
      }
      // Browsers send Origin with every WebSocket and apply no CORS to it: the server decides. A page
      // of this server (GraphiQL) is always allowed; other origins as CORS_ORIGINS says.
      const origin = req.headers.origin;
      const sameOrigin =
        origin !== undefined && origin.replace(/^https?:\/\//, '') === req.headers.host;
      if (origin !== undefined && !sameOrigin && !originAllowed(origin)) {
        refuse(socket, 403, 'Forbidden', `Origin ${origin} is not allowed (CORS_ORIGINS).`);
        return;
      }
      if (draining()) {
        refuse(socket, 503, 'Service Unavailable', 'The server is shutting down.');
        return;
      }
      if (wss.clients.size + opening >= limits.maxConnections) {
        refuse(
          socket,
          503,
          'Service Unavailable',
          `Too many WebSocket connections on this server (at most ${limits.maxConnections}).`,
        );
        return;
      }
      opening += 1;
      socket.once('close', () => (opening = Math.max(0, opening - 1)));
      wss.handleUpgrade(req, socket, head, (ws) => {
        opening = Math.max(0, opening - 1);
        wss.emit('connection', ws, req);
      });
    },
    closeAll() {
      for (const client of wss.clients) {
        client.close(1001, 'Server shutting down: reconnect with your last cursor');
        setTimeout(() => client.terminate(), CLOSE_GRACE_MS).unref();
      }
    },
    get connections() {
      return wss.clients.size;
    },
    stop() {
      // Idempotent: the app may be stopped twice (a drain, then a test's close).
      stopping ??= (async () => {
        for (const client of wss.clients) client.terminate();
        await disposable.dispose();
      })();
      return stopping;
    },
  };
}
