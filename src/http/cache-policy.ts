import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';

/**
 * HTTP caching of public reads, so that a CDN or a reverse proxy can absorb a frontend's traffic.
 *
 * - An anonymous GET query (no Authorization header), including an automatic persisted query sent by
 *   its hash, answered without errors: `Cache-Control: public, max-age=CACHE_MAX_AGE`, an `ETag` (a hash
 *   of the answer's bytes), and `304 Not Modified` when the request's `If-None-Match` names it.
 * - Everything else (a request with an Authorization header, a POST, a mutation, an answer with errors):
 *   `Cache-Control: private, no-store`.
 *
 * The policy of an operation is worked out once per parsed document and kept with it (a WeakMap keyed
 * by the operation's node in the document Apollo caches), never per resolved field: Apollo's per-field
 * cache-control plugin halved the deep query's rate when it was measured, and stays disabled.
 */

/** The header value every answer that must not be stored gets. */
export const NO_STORE = 'private, no-store';

/** Whether an operation's answer may be shared: worked out once per operation node of a document. */
const shareable = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation may be answered from a shared cache: a query (a mutation changes data, a
 * subscription is a stream). No query field depends on who asks (readers are anonymous, and a key only
 * unlocks mutations), so the operation type decides.
 */
export function operationIsShareable(operation: OperationDefinitionNode): boolean {
  let known = shareable.get(operation);
  if (known === undefined) {
    known = operation.operation === 'query';
    shareable.set(operation, known);
  }
  return known;
}

/** The `Cache-Control` of a public answer kept `maxAge` seconds (0: stored, revalidated each time). */
export function publicCacheControl(maxAge: number): string {
  return maxAge > 0 ? `public, max-age=${maxAge}` : 'public, no-cache';
}

/**
 * Sets every GraphQL answer's `Cache-Control` in Apollo's `willSendResponse` (one shared listener: no
 * closure per request). The handler then adds the ETag and answers `If-None-Match` (`answerIfFresh`).
 */
export function cachePolicyPlugin<TContext extends BaseContext>(
  maxAge: number,
): ApolloServerPlugin<TContext> {
  const shared = publicCacheControl(maxAge);
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ request, response, operation }) {
      const http = request.http;
      const cacheable =
        http !== undefined &&
        http.method === 'GET' &&
        !http.headers.has('authorization') &&
        operation !== undefined &&
        operationIsShareable(operation) &&
        response.body.kind === 'single' &&
        response.body.singleResult.errors === undefined &&
        (response.http.status === undefined || response.http.status === 200);
      response.http.headers.set('cache-control', cacheable ? shared : NO_STORE);
    },
  };
  return { requestDidStart: async () => listener };
}

/** A strong ETag of an answer's bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header names `etag` (or is `*`); weak tags match by their value. */
export function ifNoneMatchHas(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}

/**
 * For an answer `Cache-Control` made public: its ETag, a `Vary` that keeps answers to other Accept,
 * Origin and Authorization headers apart, and — when the request's `If-None-Match` names the ETag — a
 * `304 Not Modified` without a body, sent here (returns true: the caller sends nothing more). Any
 * other answer is left alone (false).
 */
export function answerIfFresh(req: IncomingMessage, res: ServerResponse, body: string): boolean {
  const cacheControl = res.getHeader('cache-control');
  if (typeof cacheControl !== 'string' || !cacheControl.startsWith('public')) return false;
  const etag = etagOf(body);
  res.setHeader('etag', etag);
  res.setHeader('vary', 'Origin, Accept, Authorization');
  if (!ifNoneMatchHas(req.headers['if-none-match'], etag)) return false;
  res.statusCode = 304;
  res.removeHeader('content-type');
  res.removeHeader('content-length');
  res.end();
  return true;
}
