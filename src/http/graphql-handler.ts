import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { readJsonBody } from './body';
import { answerIfFresh } from './cache-policy';
import { handleCors } from './cors';
import { sendHttpError } from './respond';
import type { TrackedRequest } from '../graphql/request';
import type { ContextRequest } from './request-log';
import type { RouteHandler } from './server';

export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  /** Whether a browser on `origin` may read the answers. */
  readonly originAllowed: (origin: string) => boolean;
  /** The context of a request, which records its SQL statements and summary in `tracked`'s. */
  readonly contextFor: (request: ContextRequest) => Promise<TContext>;
  /** A browser's GET /graphql (Accept prefers HTML) gets this page instead of Apollo. */
  readonly browserPage?: { wants(req: IncomingMessage): boolean; serve: RouteHandler };
  /** While true, answers ask clients to close their connection (the server is draining). */
  readonly draining?: () => boolean;
}

/**
 * The one handler of /graphql, as Apollo's own standalone server is: node:http into Apollo's
 * `executeHTTPGraphQLRequest`. Before Apollo it does what HTTP asks of it: CORS (and preflights), the
 * body (JSON, its limit, compression), and every refusal as a GraphQL-format error with a code. Apollo
 * then applies its CSRF rules, parses, validates and runs the operation.
 */
export function createGraphqlHandler<TContext extends BaseContext>(
  options: GraphqlHandlerOptions<TContext>,
): RouteHandler {
  const { apollo, originAllowed, contextFor, browserPage, draining } = options;

  const execute = async (
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
    // A request that began before the drain ends after it: its connection must not be reused.
    if (draining?.()) res.setHeader('connection', 'close');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // A public answer gets its ETag, and a 304 when the client has it already (cache-policy.ts).
      if (answerIfFresh(req, res, response.body.string)) return;
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return async (req, res, tracked, path) => {
    if (browserPage?.wants(req)) return browserPage.serve(req, res, tracked, path);
    const cors = handleCors(req, res, originAllowed);
    if (cors === 'answered') return;
    if (cors === 'refused') {
      const message = `The origin ${req.headers.origin} may not send requests to this API.`;
      return sendHttpError(res, 403, message, tracked.requestId);
    }
    if (req.method !== 'POST') return execute(req, res, tracked, undefined);
    const read = await readJsonBody(req);
    if (!read.ok) return sendHttpError(res, read.status, read.message, tracked.requestId);
    return execute(req, res, tracked, read.body);
  };
}
