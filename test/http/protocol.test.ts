import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { SEED } from '../../seeds/seed';
import { BODY_LIMIT_MESSAGE } from '../../src/http/body';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * GraphQL over HTTP on the one /graphql handler: the protocol (POST, GET, errors), request bodies
 * (JSON, limits, compression), CORS, the other paths, and hostile requests.
 */

let server: TestServer;
let baseUrl: string;
let url: string;
beforeAll(async () => {
  server = await createTestServer({ env: { CORS_ORIGINS: 'https://newsroom.example.com' } });
  baseUrl = await server.listen();
  url = `${baseUrl}/graphql`;
});
afterAll(() => server.close());

const FILM_TITLE = 'query FilmTitle($slug: String!) { film(slug: $slug) { title } }';
const TYPENAME = 'query Typename { __typename }';

/** What no response may contain: a stack frame, or SQL. */
const LEAKS = /\bat [^\s]+ \(|\.ts:\d+|\.js:\d+|stacktrace|SELECT |FROM "|QueryFailedError|SQLITE/i;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A POST of raw bytes with these headers (a compressed body, for one). */
const postBytes = (body: Uint8Array, headers: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: new Uint8Array(body),
  });

describe('GraphQL over HTTP', () => {
  test('a POSTed query answers its data as JSON, with an x-request-id header', async () => {
    const response = await post({ query: FILM_TITLE, variables: { slug: SEED.films.extraction2 } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{1,100}$/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ data: { film: { title: 'Extraction 2' } } });
    expect(text).not.toMatch(LEAKS);
  });

  test('an answer carries its length in bytes (Content-Length, which node:http sets on `end`), not chunked', async () => {
    // These descriptions hold a typographic apostrophe: more bytes than characters.
    const response = await post({
      query:
        'query PayloadText { __type(name: "RecordAttachmentPayload") { fields { description } } }',
    });
    const text = await response.text();
    expect(text).toContain('’');
    expect(JSON.parse(text).data.__type.fields.length).toBeGreaterThan(0);
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  });

  test('a query can be sent with GET and a query string', async () => {
    const params = new URLSearchParams({
      query: FILM_TITLE,
      variables: JSON.stringify({ slug: SEED.films.extraction }),
      operationName: 'FilmTitle',
    });
    const response = await fetch(`${url}?${params}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual({ data: { film: { title: 'Extraction' } } });
  });

  test('a syntax error is a 400 with GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const response = await post({ query: 'query Broken { film(slug: "extraction") { title }' });
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(text).not.toMatch(LEAKS);
  });

  test('a validation error is a 400 with GRAPHQL_VALIDATION_FAILED and no stack trace', async () => {
    const response = await post({
      query: 'query NoSuchField { film(slug: "extraction") { boxOfficeRank } }',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(LEAKS);
  });

  test('a bad variable is BAD_USER_INPUT naming the argument, with no stack trace', async () => {
    const response = await post({
      query:
        'query StatusOn($slug: String!, $asOf: Date) { film(slug: $slug) { status(asOf: $asOf) } }',
      variables: { slug: SEED.films.extraction2, asOf: '2021-02-29' },
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'asOf',
    });
    expect(text).not.toMatch(LEAKS);
  });

  test('a partial response is 200 with its data, whatever the codes of its errors', async () => {
    const response = await post({
      query:
        'query Partial { a: film(slug: "extraction") { title } b: film(id: "garbage") { title } }',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { a: { title: 'Extraction' }, b: null },
      errors: [
        expect.objectContaining({
          path: ['b'],
          extensions: { code: 'BAD_USER_INPUT', field: 'id' },
        }),
      ],
    });
  });

  test('a field error that nulls the whole data is still 200: execution ran', async () => {
    const response = await post({ query: 'query P { people(first: -1) { totalCount } }' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test("application/graphql-response+json is served when asked for, with the spec's statuses", async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const ok = await post(
      { query: FILM_TITLE, variables: { slug: SEED.films.extraction } },
      accept,
    );
    expect([ok.status, ok.headers.get('content-type')]).toEqual([
      200,
      'application/graphql-response+json; charset=utf-8',
    ]);
    expect(await ok.json()).toEqual({ data: { film: { title: 'Extraction' } } });
    const partial = await post({ query: 'query B { film(id: "garbage") { title } }' }, accept);
    expect(partial.status).toBe(200);
    expect((await partial.json()).data).toEqual({ film: null });
    for (const query of ['query { film(slug: "x" { title } }', 'query U { nothing }']) {
      const refused = await post({ query }, accept);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toBe(
        'application/graphql-response+json; charset=utf-8',
      );
      expect(await refused.json()).not.toHaveProperty('data');
    }
  });

  test('a body that is not JSON is a 400 with no stack trace', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(LEAKS);
  });
});

describe('request bodies', () => {
  test('a body over 100 kB gets 413 with the limit in its message, sized or chunked', async () => {
    const oversized = JSON.stringify({ query: TYPENAME, pad: 'x'.repeat(110 * 1024) });
    const sized = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: oversized,
    });
    // A streamed body has no content-length: it is sent chunked, and counted as it arrives.
    const chunked = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([oversized]).stream(),
      duplex: 'half',
    } as RequestInit);
    for (const response of [sized, chunked]) {
      expect(response.status).toBe(413);
      const body = await response.json();
      expect(body.errors[0].message).toBe('The request body is larger than 100 kB.');
      expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a %s-compressed POST is answered', async (encoding, compress) => {
    const body = JSON.stringify({ query: FILM_TITLE, variables: { slug: SEED.films.extraction2 } });
    const response = await postBytes(compress(body), { 'content-encoding': encoding });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { film: { title: 'Extraction 2' } } });
  });

  test('a small compressed body that inflates past 100 kB gets 413', async () => {
    const bomb = gzipSync(JSON.stringify({ query: TYPENAME, pad: 'x'.repeat(1_000_000) }));
    expect(bomb.length).toBeLessThan(10 * 1024);
    const response = await postBytes(bomb, { 'content-encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toEqual({
      message: BODY_LIMIT_MESSAGE,
      extensions: { code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) },
    });
  });

  test('an unknown content-encoding gets 415 as a GraphQL error', async () => {
    const response = await postBytes(
      new TextEncoder().encode(JSON.stringify({ query: TYPENAME })),
      {
        'content-encoding': 'compress',
      },
    );
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.errors[0].message).toContain('"compress"');
  });

  test('a body that is not valid gzip is a 400 as a GraphQL error', async () => {
    const response = await postBytes(new TextEncoder().encode('not gzip'), {
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('JSON in a charset other than UTF gets 415 as a GraphQL error', async () => {
    const response = await post(
      { query: TYPENAME },
      { 'content-type': 'application/json; charset=latin1' },
    );
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('CORS', () => {
  const postJson = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  test('CORS allows a configured origin', async () => {
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://newsroom.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(
      'https://newsroom.example.com',
    );
    const response = await postJson(
      { query: TYPENAME },
      { origin: 'https://newsroom.example.com' },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe(
      'https://newsroom.example.com',
    );
  });

  test('CORS refuses a foreign origin', async () => {
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const response = await postJson({ query: TYPENAME }, { origin: 'https://evil.example.net' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a preflight from an allowed origin gets the methods and the headers it asked for', async () => {
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://newsroom.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'content-type,authorization',
    );
    expect(preflight.headers.get('vary')).toMatch(/Origin/);
    expect(await preflight.text()).toBe('');
  });

  test('a preflight from a refused origin gets 403 as a GraphQL error, and no CORS headers', async () => {
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    expect((await preflight.json()).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('other paths', () => {
  test('GET / redirects to the GraphiQL page at /graphql', async () => {
    const response = await fetch(`${baseUrl}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });

  test('an unknown path gets a JSON 404 with a request id', async () => {
    const response = await fetch(`${baseUrl}/graphql/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.errors[0].extensions).toEqual({
      code: 'NOT_FOUND',
      requestId: response.headers.get('x-request-id'),
    });
  });

  test('a method a path does not answer gets a JSON 405 naming the allowed ones', async () => {
    const response = await fetch(`${baseUrl}/healthz`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await response.json()).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  });
});

interface Hostile {
  name: string;
  /** The status, the error code and what the message must say (for a limit: the limit itself). */
  refusal?: [status: number, code: string, message: RegExp];
  /** Path and query string after the base URL (default /graphql). */
  path?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const json = { 'content-type': 'application/json' };
const hostile = (name: string, payload: unknown): Hostile => ({
  name,
  method: 'POST',
  headers: json,
  body: JSON.stringify(payload),
});
const nest = (depth: number) =>
  `query Deep { franchise(slug: "extraction") { children ${'{ children '.repeat(depth)}{ name }${' }'.repeat(depth)} } }`;
const manyAliases = (n: number, field: string) =>
  `query Aliases { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const circularIntrospection = `query Circular { __schema { types { ${'fields { type { '.repeat(8)}name${' } }'.repeat(8)} } } }`;

const HOSTILE: Hostile[] = [
  hostile('depth 50', { query: nest(50) }),
  hostile('101 aliases', { query: manyAliases(101, 'film(slug: "extraction") { title }') }),
  hostile('101 __typename aliases', { query: manyAliases(101, '__typename') }),
  hostile('20 directives', {
    query: `query D { ${Array.from({ length: 20 }, () => '__typename @include(if: true)').join(' ')} }`,
  }),
  hostile('a 5,000-token document', { query: `query T { ${'__typename '.repeat(5000)} }` }),
  {
    name: 'a 1 MB body',
    method: 'POST',
    headers: json,
    body: JSON.stringify({ query: TYPENAME, pad: 'x'.repeat(1_000_000) }),
  },
  hostile('first: 1000000 as a literal', {
    query: 'query P { films(first: 1000000) { totalCount } }',
  }),
  hostile('first: 1000000 as a variable', {
    query: 'query P($n: Int) { films(first: $n) { totalCount } }',
    variables: { n: 1_000_000 },
  }),
  hostile('first: -1', { query: 'query P { people(first: -1) { totalCount } }' }),
  {
    name: 'a 10-operation batch',
    method: 'POST',
    headers: json,
    body: JSON.stringify(Array.from({ length: 10 }, () => ({ query: TYPENAME }))),
  },
  {
    name: 'GET without the preflight header',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(TYPENAME)}`,
  },
  {
    name: 'a GET mutation',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation M { __typename }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'a form-encoded POST',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `query=${encodeURIComponent(TYPENAME)}`,
  },
  {
    name: 'a text/plain POST',
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ query: TYPENAME }),
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    headers: json,
    body: '{"query": "query Typename { __typename }"',
  },
  hostile('wrong variable types', {
    query: 'query W($slug: String!) { film(slug: $slug) { title } }',
    variables: { slug: { $gt: '' } },
  }),
  hostile('a 1 MB string variable', {
    query: 'query S($t: String!) { search(text: $t) { totalCount } }',
    variables: { t: 'a'.repeat(1_000_000) },
  }),
  hostile('an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }),
  hostile('a syntax error', { query: 'query { film(slug: "x" { title } }' }),
  hostile('circular introspection', { query: circularIntrospection }),
  hostile('a fragment cycle', {
    query:
      'query C { film(slug: "extraction") { ...A } } fragment A on Film { follows { from { ...B } } } fragment B on Film { ...A }',
  }),
  hostile('an unknown field', { query: 'query U { film(slug: "extraction") { password } }' }),
  hostile('an integer too large for Int', {
    query: 'query I { films(first: 99999999999999) { totalCount } }',
  }),
  hostile('a malformed global id', { query: 'query N { node(id: "not-an-id") { id } }' }),
  hostile('a forged cursor', {
    query: 'query C { films(after: "eyJkcm9wIjoidGFibGUifQ") { totalCount } }',
  }),
  hostile('101 ids to nodes', {
    query: 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: { ids: Array.from({ length: 101 }, () => 'RmlsbToxMDE') },
  }),
  hostile('a missing query', { variables: {} }),
  hostile('a query that is a number', { query: 42 }),
  hostile('variables that are a string', { query: TYPENAME, variables: 'yes' }),
  hostile('an unknown enum value', { query: 'query E { films(orderBy: RANDOM) { totalCount } }' }),
  hostile('a bad date', { query: 'query D { attachments(asOf: "2021-02-29") { totalCount } }' }),
  hostile('a cost bomb within the depth limit', {
    query: `query Bomb { people(first: 100) { edges { node { credits { film { credits { person { credits {
      film { credits { person { name } } } } } } } } } } } }`,
  }),
];

/**
 * How each hostile request must be refused: its status, code, and what the message says. Refused
 * before execution: 4xx and no `data`. Refused by a field during execution: 200 with `data` (GraphQL
 * over HTTP), whatever the error's code.
 */
const REFUSALS: Record<string, NonNullable<Hostile['refusal']>> = {
  'depth 50': [400, 'GRAPHQL_VALIDATION_FAILED', /^Query is too deep: more than 12 levels\./],
  '101 aliases': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Too many aliases: 101; at most 30 per operation\./,
  ],
  '101 __typename aliases': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Too many aliases: 101; at most 30 per operation\./,
  ],
  '20 directives': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Too many directives: 20; at most 5 per operation\./,
  ],
  'a 5,000-token document': [400, 'GRAPHQL_PARSE_FAILED', /more that 3000 tokens/],
  'a 1 MB body': [413, 'PAYLOAD_TOO_LARGE', /larger than 100 kB/],
  'first: 1000000 as a literal': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Query is too expensive: estimated cost 1000001 exceeds 50000\./,
  ],
  'first: 1000000 as a variable': [
    200,
    'BAD_USER_INPUT',
    /^"first" must be between 0 and 100, got 1000000\./,
  ],
  'first: -1': [200, 'BAD_USER_INPUT', /^"first" must be between 0 and 100, got -1\./],
  'a 10-operation batch': [400, 'BAD_REQUEST', /batching disabled/],
  'GET without the preflight header': [400, 'BAD_REQUEST', /Cross-Site Request Forgery/],
  'a GET mutation': [405, 'BAD_REQUEST', /GET requests only support query operations/],
  'a form-encoded POST': [400, 'BAD_REQUEST', /Cross-Site Request Forgery/],
  'a text/plain POST': [400, 'BAD_REQUEST', /Cross-Site Request Forgery/],
  'malformed JSON': [400, 'BAD_REQUEST', /^The request body is not valid JSON\./],
  'wrong variable types': [400, 'BAD_USER_INPUT', /^Variable "\$slug" got invalid value/],
  'a 1 MB string variable': [413, 'PAYLOAD_TOO_LARGE', /larger than 100 kB/],
  'an unknown operationName': [
    400,
    'OPERATION_RESOLUTION_FAILURE',
    /^Unknown operation named "B"\./,
  ],
  'a syntax error': [400, 'GRAPHQL_PARSE_FAILED', /^Syntax Error/],
  'circular introspection': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Maximum introspection depth exceeded/,
  ],
  'a fragment cycle': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Cannot spread fragment "A" within itself/,
  ],
  'an unknown field': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Cannot query field "password" on type "Film"\./,
  ],
  'an integer too large for Int': [400, 'GRAPHQL_VALIDATION_FAILED', /exceeds 50000\./],
  'a malformed global id': [200, 'BAD_USER_INPUT', /^"id" is not a valid id\./],
  'a forged cursor': [200, 'BAD_USER_INPUT', /^"after" is not a cursor of this connection\./],
  '101 ids to nodes': [200, 'BAD_USER_INPUT', /^"ids" may hold at most 100 ids, got 101\./],
  'a missing query': [400, 'BAD_REQUEST', /non-empty `query`/],
  'a query that is a number': [400, 'BAD_REQUEST', /must be strings/],
  'variables that are a string': [
    400,
    'BAD_REQUEST',
    /`variables` in a POST body should be provided as an object/,
  ],
  'an unknown enum value': [
    400,
    'BAD_USER_INPUT',
    /^Value "RANDOM" does not exist in "FilmOrder" enum\./,
  ],
  'a bad date': [
    400,
    'BAD_USER_INPUT',
    /^Date must be a calendar day written YYYY-MM-DD, got "2021-02-29"\./,
  ],
  'a cost bomb within the depth limit': [
    400,
    'GRAPHQL_VALIDATION_FAILED',
    /^Query is too expensive: estimated cost \d+ exceeds 50000\./,
  ],
};

async function send(request: Hostile): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${request.path ?? '/graphql'}`, {
    method: request.method ?? 'POST',
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * Every answer: JSON with an error code, nothing from the inside of the server, and either a 4xx
 * without `data` or a 200 with `data`.
 */
function expectClientError(name: string, { status, text }: { status: number; text: string }): void {
  const problems: string[] = [];
  if (status !== 200 && (status < 400 || status >= 500)) problems.push(`status ${status}`);
  let body: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push('not JSON');
  }
  if (!body?.errors?.length || typeof body.errors[0].extensions?.code !== 'string')
    problems.push('no error code');
  if ((status === 200) !== (body !== undefined && 'data' in body))
    problems.push(status === 200 ? '200 without data' : `${status} with data`);
  if (/\n\s+at |stacktrace|node_modules|SQLITE|SELECT |INSERT |QueryFailedError/i.test(text))
    problems.push('internals leaked');
  const refusal = REFUSALS[name];
  if (!refusal) problems.push('no expected refusal written for it');
  else {
    const [expectedStatus, expectedCode, expectedMessage] = refusal;
    const error = body?.errors?.[0];
    if (status !== expectedStatus) problems.push(`status ${status}, not ${expectedStatus}`);
    if (error?.extensions?.code !== expectedCode) problems.push(`code is not ${expectedCode}`);
    if (!expectedMessage.test(String((error as { message?: unknown })?.message)))
      problems.push(`message does not match ${expectedMessage}`);
  }
  expect({ name, problems, text: problems.length ? text.slice(0, 300) : '' }).toEqual({
    name,
    problems: [],
    text: '',
  });
}

describe('hostile requests', () => {
  test.each(HOSTILE.map((h) => [h.name, h] as const))(
    '%s is refused with its own status, code and message (naming the limit), and no internals',
    async (name, request) => {
      expectClientError(name, await send(request));
    },
  );

  test('all hostile requests 20 times at once still get their refusals, and the server answers afterwards', async () => {
    const rounds = await Promise.all(
      Array.from({ length: 20 }, () =>
        Promise.all(HOSTILE.map(async (h) => [h.name, await send(h)] as const)),
      ),
    );
    for (const round of rounds) for (const [name, answer] of round) expectClientError(name, answer);
    const after = await send(
      hostile('after', { query: 'query After { film(slug: "extraction") { title } }' }),
    );
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toEqual({ data: { film: { title: 'Extraction' } } });
  });

  test('a legitimate deep franchise graph query stays within the limits', async () => {
    const { status, text } = await send(
      hostile('deep', {
        query: `query Deep { franchise(slug: "extraction") { films(first: 20) { edges { node { credits { status
          person { credits { film { title } } } } } } } } }`,
      }),
    );
    expect(status).toBe(200);
    expect(JSON.parse(text).errors).toBeUndefined();
  });

  test('SQL in a filter is only text to search for', async () => {
    const { status, text } = await send(
      hostile('sql', {
        query: `query S { films(filter: { titleContains: "'; DROP TABLE film; --" }) { totalCount } }`,
      }),
    );
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { films: { totalCount: 0 } } });
    const after = await send(hostile('count', { query: 'query Count { films { totalCount } }' }));
    expect(JSON.parse(after.text)).toEqual({ data: { films: { totalCount: 7 } } });
  });
});
