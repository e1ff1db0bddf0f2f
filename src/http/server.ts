import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../lib/logger';
import { sendHttpError } from './respond';
import type { TrackedRequest } from '../graphql/request';
import { trackRequest, type RequestObserver } from './request-log';

/** Serves one request; `path` is the URL path without the query string. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  tracked: TrackedRequest,
  path: string,
) => void | Promise<void>;

export interface Route {
  /** An exact path, or `/prefix/*`: the prefix itself and every path below it. */
  readonly path: string;
  /** The methods it answers (another gets 405); none: every method. GET routes answer HEAD too. */
  readonly methods?: readonly string[];
  readonly handle: RouteHandler;
}

export interface RouterOptions {
  readonly logger: Logger;
  /** While true, answers ask clients to close their connection (the server is draining). */
  readonly draining?: () => boolean;
  /** Told of every finished request (the metrics), when METRICS_PORT is on. */
  readonly observer?: RequestObserver;
}

/**
 * The one request listener: starts each request's bookkeeping (x-request-id, its log line), picks the
 * route by path, and answers in GraphQL's error format what no route serves (404, 405) or what a route
 * failed with (a masked 500, logged with the request id).
 */
export function createRouter(routes: readonly Route[], options: RouterOptions): RequestListener {
  const { logger, draining, observer } = options;
  const exact = new Map<string, Route>();
  const prefixes: { prefix: string; route: Route }[] = [];
  for (const route of routes) {
    if (route.path.endsWith('/*')) prefixes.push({ prefix: route.path.slice(0, -2), route });
    else exact.set(route.path, route);
  }
  const find = (path: string) =>
    exact.get(path) ??
    prefixes.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))?.route;

  return (req, res) => {
    const tracked = trackRequest(logger, req, res, observer);
    if (draining?.()) res.setHeader('connection', 'close');
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const route = find(path);
    const method = req.method ?? 'GET';
    if (route === undefined) {
      sendHttpError(res, 404, `Nothing is served at ${path}.`, tracked.requestId);
      return;
    }
    const { methods } = route;
    if (methods && !methods.includes(method) && !(method === 'HEAD' && methods.includes('GET'))) {
      res.setHeader('allow', methods.join(', '));
      sendHttpError(res, 405, `${path} does not answer ${method}.`, tracked.requestId);
      return;
    }
    const fail = (error: unknown) => {
      logger.error({ requestId: tracked.requestId, err: error }, 'unhandled error');
      if (!res.headersSent) sendHttpError(res, 500, 'Internal server error', tracked.requestId);
      else res.destroy();
    };
    try {
      const done = route.handle(req, res, tracked, path);
      if (done) done.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** Takes over a connection that asks to upgrade (a WebSocket). */
export type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Listens on `host` and `port` (0 = any free port) and resolves with the server and the address and
 * port it got. Without `host`, every interface (tests pass one; main.ts passes the config's HOST).
 * Without `upgrade`, upgrade requests are refused (node:http closes them).
 */
export function listen(
  handler: RequestListener,
  port: number,
  host?: string,
  upgrade?: UpgradeListener,
): Promise<{ server: Server; port: number; address: string }> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    if (upgrade) server.on('upgrade', upgrade);
    server.listen(port, host ?? '::', () => {
      // A client that trickles its request in cannot hold a connection for long.
      server.headersTimeout = 10_000;
      server.requestTimeout = 30_000;
      const bound = server.address() as AddressInfo;
      resolve({ server, port: bound.port, address: bound.address });
    });
    server.once('error', reject);
  });
}

/** `http://address:port`, with an IPv6 address in brackets. */
export function urlOf(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
