import path from 'node:path';
import { sendHttpError } from '../http/respond';
import type { Route, RouteHandler } from '../http/server';
import { fileUnder, sendFile } from '../http/static';

/** Where the explorer is served; its bundle is under `${EXPLORER_PUBLIC_PATH}/assets/` (build-explorer.mjs). */
export const EXPLORER_PUBLIC_PATH = '/explore';

/**
 * Content-Security-Policy of the explorer: everything same-origin. Stricter than GraphiQL's: no
 * inline styles (React sets styles through the CSSOM, which CSP allows) and no workers.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join('; ');

/** The page's own paths (the browser app routes them): /explore, a franchise, a film, a person. */
const PAGE_PATH = /^(?:\/?|\/(?:franchises|films|people)\/[^/]+\/?)$/;

const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy': EXPLORER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const ASSET_HEADERS = {
  'x-content-type-options': 'nosniff',
  // Their names carry a content hash (build-explorer.mjs).
  'cache-control': 'public, max-age=31536000, immutable',
};

/**
 * GET /explore and its page paths answer the built page (index.html, with the CSP); files under
 * /explore/assets/ are the bundle. Anything else under /explore is a 404.
 *
 * @param assetsDir the build output directory, e.g. dist/explorer.
 */
export function explorerRoutes(assetsDir: string): Route[] {
  const root = path.resolve(assetsDir);
  const handle: RouteHandler = async (req, res, tracked, urlPath) => {
    const below = urlPath.slice(EXPLORER_PUBLIC_PATH.length);
    if (PAGE_PATH.test(below)) {
      if (await sendFile(req, res, path.join(root, 'index.html'), PAGE_HEADERS)) return;
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('The explorer is not built: run `npm run build:explorer`.\n');
      return;
    }
    const file = below.startsWith('/assets/') ? fileUnder(root, below) : undefined;
    if (file !== undefined && (await sendFile(req, res, file, ASSET_HEADERS))) return;
    sendHttpError(res, 404, `Nothing is served at ${urlPath}.`, tracked.requestId);
  };
  return [{ path: `${EXPLORER_PUBLIC_PATH}/*`, methods: ['GET'], handle }];
}
