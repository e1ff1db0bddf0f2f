import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import path from 'node:path';

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
 * True for a GET (or HEAD) whose Accept header prefers text/html over the GraphQL
 * response media types, i.e. a browser navigating to the endpoint. `Accept: *\/*`,
 * a missing Accept header or `application/json` give false (the request is for Apollo).
 */
export function wantsGraphiql(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!req.headers.accept) return false;
  return req.accepts([...GRAPHQL_MEDIA_TYPES, 'text/html']) === 'text/html';
}

export interface GraphiqlRouterOptions {
  /**
   * Path of the GraphQL endpoint on which a browser GET (see `wantsGraphiql`) gets the GraphiQL page.
   * Default '/graphql'. Pass `false` to serve the page under /graphiql/ only.
   */
  graphqlPath?: string | false;
}

/**
 * Serves the built GraphiQL page (see scripts/build-graphiql.mjs):
 * - GET /graphiql, /graphiql/ and /graphiql/index.html: the page (no-cache, with a CSP);
 * - GET /graphiql/assets/*, /graphiql/workers/*: content-hashed files, cached for a year (immutable);
 * - GET /graphql with `Accept: text/html` preferred: the page; every other request falls through to Apollo.
 * Mount it on the app root, before the Apollo middleware: `app.use(createGraphiqlRouter(dir))`.
 *
 * @param assetsDir the build output directory, e.g. path.resolve(__dirname, '../../dist/graphiql').
 */
export function createGraphiqlRouter(
  assetsDir: string,
  options: GraphiqlRouterOptions = {},
): Router {
  const root = path.resolve(assetsDir);
  const indexHtml = path.join(root, 'index.html');
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const router = express.Router();

  const sendPage = (req: Request, res: Response, next: NextFunction): void => {
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': GRAPHIQL_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      Vary: 'Accept',
    });
    res.sendFile(indexHtml, (err?: Error) => {
      if (!err) return;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !res.headersSent) {
        res
          .status(503)
          .type('text/plain')
          .send('GraphiQL is not built: run `npm run build:graphiql`.\n');
        return;
      }
      next(err);
    });
  };

  if (graphqlPath !== false) {
    router.get(graphqlPath, (req, res, next) => {
      if (wantsGraphiql(req)) sendPage(req, res, next);
      else next();
    });
  }

  router.get(
    [GRAPHIQL_PUBLIC_PATH, `${GRAPHIQL_PUBLIC_PATH}/`, `${GRAPHIQL_PUBLIC_PATH}/index.html`],
    sendPage,
  );

  router.use(
    GRAPHIQL_PUBLIC_PATH,
    express.static(root, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders(res, filePath) {
        res.setHeader('X-Content-Type-Options', 'nosniff');
        const rel = path.relative(root, filePath).split(path.sep).join('/');
        if (rel.startsWith('assets/') || rel.startsWith('workers/')) {
          // File names carry a content hash (esbuild [hash]).
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } else {
          res.setHeader('Cache-Control', 'no-cache');
        }
      },
    }),
  );

  return router;
}
