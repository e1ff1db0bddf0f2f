import { createHash } from 'node:crypto';
import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';
import { newApiKey } from '../support/editor';
import { loadConfig } from '../../src/config';
import { publicCacheControl } from '../../src/http/cache-policy';

/**
 * HTTP caching of public reads (src/http/cache-policy.ts): anonymous GET queries, persisted queries
 * sent by their hash among them, are public with an ETag and answer 304 to a matching If-None-Match;
 * requests with an Authorization header, POSTs, mutations and errors are `private, no-store`.
 */

let server: TestServer;
let url: string;
let key: string;
beforeAll(async () => {
  server = await createTestServer({ env: { CACHE_MAX_AGE: '120' } });
  url = `${await server.listen()}/graphql`;
  key = await newApiKey(server.dataSource, 'cache-policy-editor');
});
afterAll(() => server.close());

const FILM_TITLE = 'query FilmTitle($slug: String!) { film(slug: $slug) { title } }';
const VARIABLES = { slug: SEED.films.extraction2 };
/** Apollo's CSRF prevention wants a header a browser form cannot send on a GET. */
const GET_HEADERS = { accept: 'application/json', 'apollo-require-preflight': 'true' };

function getUrl(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return `${url}?${search}`;
}

const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(getUrl(params), { headers: { ...GET_HEADERS, ...headers } });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Cache-Control, ETag and 304', () => {
  test('an anonymous GET query is public for CACHE_MAX_AGE seconds, with an ETag', async () => {
    const response = await get({ query: FILM_TITLE, variables: VARIABLES });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { film: { title: 'Extraction 2' } } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.headers.get('vary')).toMatch(/Authorization/);
  });

  test('the same GET with the ETag in If-None-Match is answered 304 without a body', async () => {
    const first = await get({ query: FILM_TITLE, variables: VARIABLES });
    const etag = first.headers.get('etag')!;
    const again = await get({ query: FILM_TITLE, variables: VARIABLES }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=120');
    // A list of tags, a weak one among them, matches too; another tag does not.
    const listed = await get(
      { query: FILM_TITLE, variables: VARIABLES },
      { 'if-none-match': `"other", W/${etag}` },
    );
    expect(listed.status).toBe(304);
    const stale = await get(
      { query: FILM_TITLE, variables: VARIABLES },
      { 'if-none-match': '"x"' },
    );
    expect(stale.status).toBe(200);
    expect(await stale.json()).toEqual({ data: { film: { title: 'Extraction 2' } } });
  });

  test('another answer has another ETag', async () => {
    const one = await get({ query: FILM_TITLE, variables: VARIABLES });
    const other = await get({ query: FILM_TITLE, variables: { slug: SEED.films.extraction } });
    expect(other.status).toBe(200);
    expect(one.headers.get('etag')).not.toBe(other.headers.get('etag'));
  });

  test('the same query with an Authorization header is private, no-store, without an ETag', async () => {
    const response = await get(
      { query: FILM_TITLE, variables: VARIABLES },
      { authorization: `Bearer ${key}` },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { film: { title: 'Extraction 2' } } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  test('a POSTed query is private, no-store', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FILM_TITLE, variables: VARIABLES }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  test('a mutation is private, no-store, POSTed with a key or refused over GET', async () => {
    // `__typename` on the mutation root: a mutation whatever the mutations' payloads look like.
    const mutation = 'mutation Nothing { __typename }';
    const posted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: mutation }),
    });
    expect(await posted.json()).toEqual({ data: { __typename: 'Mutation' } });
    expect(posted.headers.get('cache-control')).toBe('private, no-store');
    const viaGet = await get({ query: mutation });
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get('cache-control')).toBe('private, no-store');
    expect(viaGet.headers.get('etag')).toBeNull();
  });

  test('an answer with errors is private, no-store', async () => {
    const invalid = await get({ query: '{ film(slug: "x") { noSuchField } }' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('cache-control')).toBe('private, no-store');
    // Valid, but a resolver refuses the id: data with an error.
    const failing = await get({ query: '{ node(id: "not-a-global-id") { id } }' });
    const body = (await failing.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(failing.headers.get('cache-control')).toBe('private, no-store');
    expect(failing.headers.get('etag')).toBeNull();
  });
});

describe('automatic persisted queries over GET', () => {
  const query = 'query PersistedTitle($slug: String!) { film(slug: $slug) { title releaseDate } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };

  test('by hash: unknown first (no-store), then registered, then public and cacheable', async () => {
    const unknown = await get({ extensions, variables: VARIABLES });
    const unknownBody = (await unknown.json()) as { errors: { extensions: { code: string } }[] };
    expect(unknownBody.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('private, no-store');

    const registered = await get({ query, extensions, variables: VARIABLES });
    expect(registered.status).toBe(200);
    expect(registered.headers.get('cache-control')).toBe('public, max-age=120');

    const byHash = await get({ extensions, variables: VARIABLES });
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toEqual({
      data: { film: { title: 'Extraction 2', releaseDate: expect.any(String) } },
    });
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=120');
    const etag = byHash.headers.get('etag');
    expect(etag).toBe(registered.headers.get('etag'));

    const revalidated = await get({ extensions, variables: VARIABLES }, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);

    const withKey = await get(
      { extensions, variables: VARIABLES },
      { authorization: `Bearer ${key}` },
    );
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get('cache-control')).toBe('private, no-store');
    expect(withKey.headers.get('etag')).toBeNull();
  });
});

describe('CACHE_MAX_AGE', () => {
  test('defaults to 60 s; 0 makes public answers revalidate every time', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).cacheMaxAge).toBe(60);
    expect(loadConfig({ NODE_ENV: 'test', CACHE_MAX_AGE: '0' }).cacheMaxAge).toBe(0);
    expect(() => loadConfig({ NODE_ENV: 'test', CACHE_MAX_AGE: '-1' })).toThrow(/CACHE_MAX_AGE/);
    expect(() => loadConfig({ NODE_ENV: 'test', CACHE_MAX_AGE: 'soon' })).toThrow(/CACHE_MAX_AGE/);
    expect(publicCacheControl(0)).toBe('public, no-cache');
  });
});
