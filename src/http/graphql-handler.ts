import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../lib/logger';
import {
  BODY_LIMIT_BYTES,
  BODY_LIMIT_MESSAGE,
  sendHttpError,
  trackRequest,
  type ContextRequest,
  type TrackedRequest,
} from './request-log';

export interface FastPathOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly logger: Logger;
  /** Whether a browser on `origin` may read the answers (the same rule the express path's cors uses). */
  readonly originAllowed: (origin: string) => boolean;
  /** The context of a request, which records its SQL statements and summary in `tracked`'s. */
  readonly contextFor: (request: ContextRequest) => Promise<TContext>;
  /** When set, GraphQL responses tell the request's SQL statement count in this header. */
  readonly sqlStatementsHeader?: string;
}

/** application/json, optionally with charset=utf-8: the body this path parses itself. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/**
 * Which requests the fast path takes: GraphQL requests on /graphql that need nothing of express. A POST
 * of plain, uncompressed JSON, or a GET that does not ask for HTML (a browser's GET gets GraphiQL).
 * Everything else (preflights, other content types and encodings, other paths) goes to express, whose
 * middleware answers it as before.
 */
export function takesFastPath(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  if (!(url === '/graphql' || url.startsWith('/graphql?'))) return false;
  if (req.method === 'POST') {
    const type = req.headers['content-type'];
    const encoding = req.headers['content-encoding'];
    return (
      type !== undefined &&
      PLAIN_JSON.test(type) &&
      (encoding === undefined || encoding === 'identity') &&
      req.headers['transfer-encoding'] === undefined
    );
  }
  // A GET whose Accept names no text/ type cannot prefer GraphiQL's text/html.
  return req.method === 'GET' && !req.headers.accept?.includes('text/');
}

/**
 * Serves GraphQL requests straight from `node:http` with Apollo's `executeHTTPGraphQLRequest`: express's
 * router, body-parser and response helpers cost more than twice the time of a small operation. It keeps
 * everything the express path does for such requests: x-request-id, CORS headers, the body limit (413),
 * malformed JSON (400), Apollo's CSRF rules, the SQL tally and the request log line.
 */
export function createGraphqlFastPath<TContext extends BaseContext>(
  options: FastPathOptions<TContext>,
) {
  const { apollo, logger, originAllowed, contextFor, sqlStatementsHeader } = options;

  const respond = async (
    req: IncomingMessage,
    res: ServerResponse,
    tracked: TrackedRequest,
    body: unknown,
  ) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method ?? 'GET',
        headers,
        search: query < 0 ? '' : url.slice(query),
        body,
      },
      context: () => contextFor({ tracked, authorization: req.headers.authorization }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (sqlStatementsHeader)
      res.setHeader(sqlStatementsHeader, String(tracked.sqlTally.statements));
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    const tracked = trackRequest(logger, req, res);
    const { requestId } = tracked;
    const origin = req.headers.origin;
    if (origin === undefined || originAllowed(origin)) {
      res.setHeader('vary', 'Origin');
      if (origin !== undefined) res.setHeader('access-control-allow-origin', origin);
    }
    const fail = (error: unknown) => {
      logger.error({ requestId, err: error }, 'unhandled error');
      if (!res.headersSent) sendHttpError(res, 500, 'Internal server error', requestId);
      else res.destroy();
    };
    const run = (body: unknown) => {
      respond(req, res, tracked, body).catch(fail);
    };
    if (req.method !== 'POST') {
      run(undefined);
      return;
    }

    if (Number(req.headers['content-length']) > BODY_LIMIT_BYTES) {
      sendHttpError(res, 413, BODY_LIMIT_MESSAGE, requestId);
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      length += chunk.length;
      if (length > BODY_LIMIT_BYTES) {
        refused = true;
        sendHttpError(res, 413, BODY_LIMIT_MESSAGE, requestId);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      let body: unknown = {};
      // As express.json (strict): an empty body is {}, anything but an object or array is refused.
      if (text.trim() !== '') {
        try {
          body = /^[\s]*[{[]/.test(text) ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        if (body === undefined) {
          sendHttpError(res, 400, 'The request body is not valid JSON.', requestId);
          return;
        }
      }
      run(body);
    });
  };
}
