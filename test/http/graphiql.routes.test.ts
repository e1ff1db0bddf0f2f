/**
 * HTTP-level checks of the GraphiQL routes / wantsGraphiql (no browser).
 * Needs `npm run build:graphiql` first (reads dist/graphiql/index.html).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPHIQL_DIR } from '../../src/app';
import { startGraphiqlTestServer, type GraphiqlTestServer } from '../support/graphiql-test-server';

/** The page's Content-Security-Policy, written out: everything same-origin, nothing from a CDN. */
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
  "img-src 'self' data:; worker-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'self'; object-src 'none'";

const TYPENAME = 'query Typename { __typename }';

const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GraphiQL routes', () => {
  let server: GraphiqlTestServer;
  beforeAll(async () => {
    server = await startGraphiqlTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  test.each(['/graphql', '/graphiql', '/graphiql/', '/graphiql/index.html'])(
    'GET %s from a browser gets the page',
    async (p) => {
      const res = await fetch(`${server.baseUrl}${p}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY);
      const html = await res.text();
      expect(html).toContain('<div id="graphiql">');
      // Only absolute same-origin asset URLs.
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThanOrEqual(2);
      for (const url of urls) expect(url).toMatch(/^(\/graphiql\/|data:)/);
    },
  );

  test.each([
    ['*/*'],
    ['application/json'],
    ['application/graphql-response+json, application/json;q=0.9'],
    ['application/json, text/html'],
  ])('GET /graphql with Accept %p is left to the GraphQL server', async (accept) => {
    // Apollo answers (a GET query needs the CSRF-preflight header).
    const res = await fetch(`${server.baseUrl}/graphql?query=${encodeURIComponent(TYPENAME)}`, {
      headers: { accept, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('POST /graphql is never the page', async () => {
    const res = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: JSON.stringify({ query: TYPENAME }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('hashed assets are served with long-lived immutable caching', async () => {
    const html = readFileSync(path.join(GRAPHIQL_DIR, 'index.html'), 'utf8');
    const js = /src="(\/graphiql\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const css = /href="(\/graphiql\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    for (const [url, type] of [
      [js, /javascript/],
      [css, /text\/css/],
    ] as const) {
      expect(url).toBeDefined();
      const res = await fetch(`${server.baseUrl}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await res.arrayBuffer();
    }
  });

  test('unknown asset is a 404', async () => {
    const res = await fetch(`${server.baseUrl}/graphiql/assets/nope.js`);
    expect(res.status).toBe(404);
  });

  test.each([
    '/graphiql/..%2f..%2fpackage.json',
    '/graphiql/assets/..%2f..%2f..%2fpackage.json',
    '/graphiql/.x',
  ])('%s is a 404: nothing outside the build or hidden is served', async (p) => {
    const res = await fetch(`${server.baseUrl}${p}`);
    expect(res.status).toBe(404);
  });

  test('an asset the client holds is answered 304 by its ETag', async () => {
    const html = readFileSync(path.join(GRAPHIQL_DIR, 'index.html'), 'utf8');
    const css = /href="(\/graphiql\/assets\/[^"]+\.css)"/.exec(html)![1];
    const first = await fetch(`${server.baseUrl}${css}`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.baseUrl}${css}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
