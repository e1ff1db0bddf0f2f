import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { preferredMediaType } from '../http/accept';
import { sendHttpError } from '../http/respond';
import type { Route, RouteHandler } from '../http/server';
import { fileUnder, sendFile } from '../http/static';

/** URL prefix under which the built GraphiQL assets are served (must match scripts/build-graphiql.mjs). */
export const GRAPHIQL_PUBLIC_PATH = '/graphiql';

/**
 * Content-Security-Policy for the GraphiQL page: everything same-origin.
 * - style-src 'unsafe-inline': Monaco and React set inline styles / inject <style> elements.
 * - font-src/img-src data: fonts (codicons, GraphiQL's fonts) and icons are inlined as data: URLs.
 * - worker-src 'self': the Monaco web workers are served from /graphiql/workers/.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join('; ');

/** The media types Apollo Server answers on GET besides HTML. */
const GRAPHQL_MEDIA_TYPES = [
  'application/json',
  'application/graphql-response+json',
  'multipart/mixed',
];

/**
 * True for a GET (or HEAD) whose Accept header prefers text/html over the GraphQL response media
 * types, i.e. a browser navigating to the endpoint. `Accept: *\/*`, a missing Accept header or
 * `application/json` give false (the request is for Apollo).
 */
export function wantsGraphiql(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept;
  if (!accept) return false;
  return preferredMediaType(accept, [...GRAPHQL_MEDIA_TYPES, 'text/html']) === 'text/html';
}

const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy': GRAPHIQL_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  vary: 'Accept',
};

/**
 * The built GraphiQL page (see scripts/build-graphiql.mjs):
 * - `page`: the page itself (no-cache, with a CSP), also what a browser's GET /graphql gets;
 * - `routes`: GET /graphiql, /graphiql/ and /graphiql/index.html (the page), and the files under
 *   /graphiql/assets/ and /graphiql/workers/, whose names carry a content hash: cached for a year.
 *
 * @param assetsDir the build output directory, e.g. path.resolve(__dirname, '../../dist/graphiql').
 */
export function createGraphiql(assetsDir: string): { page: RouteHandler; routes: Route[] } {
  const root = path.resolve(assetsDir);
  const indexHtml = path.join(root, 'index.html');

  const page: RouteHandler = async (req, res) => {
    if (await sendFile(req, res, indexHtml, PAGE_HEADERS)) return;
    res.statusCode = 503;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('GraphiQL is not built: run `npm run build:graphiql`.\n');
  };

  const files: RouteHandler = async (req, res, tracked, urlPath) => {
    const below = urlPath.slice(GRAPHIQL_PUBLIC_PATH.length);
    if (below === '' || below === '/' || below === '/index.html')
      return page(req, res, tracked, urlPath);
    const file = fileUnder(root, below);
    const hashed = below.startsWith('/assets/') || below.startsWith('/workers/');
    const headers = {
      'x-content-type-options': 'nosniff',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (file !== undefined && (await sendFile(req, res, file, headers))) return;
    sendHttpError(res, 404, `Nothing is served at ${urlPath}.`, tracked.requestId);
  };

  return { page, routes: [{ path: `${GRAPHIQL_PUBLIC_PATH}/*`, methods: ['GET'], handle: files }] };
}
