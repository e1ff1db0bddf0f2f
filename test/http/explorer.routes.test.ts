/**
 * HTTP-level checks of the explorer's routes (no browser). Needs `npm run build` first (reads
 * dist/explorer/).
 */
import { startGraphiqlTestServer, type GraphiqlTestServer } from '../support/graphiql-test-server';

/** The page's Content-Security-Policy, written out: everything same-origin, not even inline styles. */
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; " +
  "object-src 'none'";

describe('Explorer routes', () => {
  let server: GraphiqlTestServer;
  beforeAll(async () => {
    server = await startGraphiqlTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  test.each([
    '/explore',
    '/explore/',
    '/explore/franchises/extraction',
    '/explore/films/extraction-2',
    '/explore/people/joe-russo/',
  ])('GET %s answers the page with its CSP', async (p) => {
    const res = await fetch(`${server.baseUrl}${p}?asOf=2020-05-05`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    const html = await res.text();
    expect(html).toContain('<div id="explorer">');
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^(\/explore\/assets\/|data:)/);
  });

  test('the bundle it names is served, cached for a year (its names carry a hash)', async () => {
    const html = await (await fetch(`${server.baseUrl}/explore`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(assets.map((a) => a.replace(/-\w+\./, '-HASH.')).sort()).toEqual([
      '/explore/assets/explorer-HASH.css',
      '/explore/assets/explorer-HASH.js',
    ]);
    for (const asset of assets) {
      const res = await fetch(`${server.baseUrl}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(/^text\/(javascript|css)/);
    }
  });

  test.each([
    '/explore/films',
    '/explore/films/a/b',
    '/explore/unknown/extraction',
    '/explore/assets/missing.js',
    '/explore/assets/%2e%2e/index.html',
    '/explore/index.html',
  ])('GET %s is a 404 in the GraphQL error format', async (p) => {
    const res = await fetch(`${server.baseUrl}${p}`);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  test('POST /explore is refused with 405', async () => {
    const res = await fetch(`${server.baseUrl}/explore`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});
