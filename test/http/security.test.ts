import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let baseUrl: string;
beforeAll(async () => {
  server = await createTestServer();
  baseUrl = await server.listen();
});
afterAll(() => server.close());

interface Hostile {
  name: string;
  /** Path and query string after the base URL (default /graphql). */
  path?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const json = { 'content-type': 'application/json' };
const post = (name: string, payload: unknown): Hostile => ({
  name,
  method: 'POST',
  headers: json,
  body: JSON.stringify(payload),
});
const nest = (depth: number) =>
  `${'{ franchise(slug: "extraction") { children '.repeat(1)}${'{ children '.repeat(depth)}{ name }${' }'.repeat(depth)} } }`;
const manyAliases = (n: number, field: string) =>
  `query Aliases { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const circularIntrospection = `query Circular { __schema { types { fields { type { fields { type { fields { type {
  fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } } } } } }`;

const HOSTILE: Hostile[] = [
  post('depth 50', { query: nest(50) }),
  post('101 aliases', { query: manyAliases(101, 'film(slug: "extraction") { title }') }),
  post('101 __typename aliases', { query: manyAliases(101, '__typename') }),
  post('20 directives', {
    query: `query D { ${Array.from({ length: 20 }, () => '__typename @include(if: true)').join(' ')} }`,
  }),
  post('a 5,000-token document', { query: `query T { ${'__typename '.repeat(5000)} }` }),
  {
    name: 'a 1 MB body',
    method: 'POST',
    headers: json,
    body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(1_000_000) }),
  },
  post('first: 1000000 as a literal', {
    query: 'query P { films(first: 1000000) { totalCount } }',
  }),
  post('first: 1000000 as a variable', {
    query: 'query P($n: Int) { films(first: $n) { totalCount } }',
    variables: { n: 1_000_000 },
  }),
  post('first: -1', { query: 'query P { people(first: -1) { totalCount } }' }),
  {
    name: 'a 10-operation batch',
    method: 'POST',
    headers: json,
    body: JSON.stringify(Array.from({ length: 10 }, () => ({ query: '{ __typename }' }))),
  },
  {
    name: 'GET without the preflight header',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ __typename }')}`,
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
    body: 'query=%7B__typename%7D',
  },
  {
    name: 'a text/plain POST',
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{"query":"{ __typename }"}',
  },
  { name: 'malformed JSON', method: 'POST', headers: json, body: '{"query": "{ __typename }"' },
  post('wrong variable types', {
    query: 'query W($slug: String!) { film(slug: $slug) { title } }',
    variables: { slug: { $gt: '' } },
  }),
  post('a 1 MB string variable', {
    query: 'query S($t: String!) { search(text: $t) { __typename } }',
    variables: { t: 'a'.repeat(1_000_000) },
  }),
  post('an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }),
  post('a syntax error', { query: 'query { film(slug: "x" { title } }' }),
  post('circular introspection', { query: circularIntrospection }),
  post('a fragment cycle', {
    query:
      'query C { film(slug: "extraction") { ...A } } fragment A on Film { follows { from { ...B } } } fragment B on Film { ...A }',
  }),
  post('an unknown field', { query: 'query U { film(slug: "extraction") { password } }' }),
  post('an integer too large for Int', {
    query: 'query I { films(first: 99999999999999) { totalCount } }',
  }),
  post('a malformed global id', { query: 'query N { node(id: "not-an-id") { id } }' }),
  post('a forged cursor', {
    query: 'query C { films(after: "eyJkcm9wIjoidGFibGUifQ") { totalCount } }',
  }),
  post('101 ids to nodes', {
    query: 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: { ids: Array.from({ length: 101 }, () => 'RmlsbToxMDE') },
  }),
  post('a missing query', { variables: {} }),
  post('a query that is a number', { query: 42 }),
  post('variables that are a string', { query: '{ __typename }', variables: 'yes' }),
  post('an unknown enum value', { query: 'query E { films(orderBy: RANDOM) { totalCount } }' }),
  post('a bad date', { query: 'query D { attachments(asOf: "2021-02-29") { totalCount } }' }),
  post('a cost bomb within the depth limit', {
    query: `query Bomb { people(first: 100) { edges { node { credits { film { credits { person { credits {
      film { credits { person { name } } } } } } } } } } } }`,
  }),
];

async function send(request: Hostile): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${request.path ?? '/graphql'}`, {
    method: request.method ?? 'POST',
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/** Every answer: a 4xx, JSON with an error code, and nothing from the inside of the server. */
function expectClientError(name: string, { status, text }: { status: number; text: string }): void {
  const problems: string[] = [];
  if (status < 400 || status >= 500) problems.push(`status ${status}`);
  let body: { errors?: { extensions?: { code?: unknown } }[] } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push('not JSON');
  }
  if (!body?.errors?.length || typeof body.errors[0].extensions?.code !== 'string')
    problems.push('no error code');
  if (/\n\s+at |stacktrace|node_modules|SQLITE|SELECT |INSERT |QueryFailedError/i.test(text))
    problems.push('internals leaked');
  expect({ name, problems, text: problems.length ? text.slice(0, 300) : '' }).toEqual({
    name,
    problems: [],
    text: '',
  });
}

test('at least 25 kinds of hostile request are covered', () => {
  expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
});

test.each(HOSTILE.map((h) => [h.name, h] as const))(
  '%s gets a 4xx with an error code and no internals',
  async (name, request) => {
    expectClientError(name, await send(request));
  },
);

test('all hostile requests 20 times at once still get 4xx answers, and the server answers afterwards', async () => {
  const rounds = await Promise.all(
    Array.from({ length: 20 }, () =>
      Promise.all(HOSTILE.map(async (h) => [h.name, await send(h)] as const)),
    ),
  );
  for (const round of rounds) for (const [name, answer] of round) expectClientError(name, answer);
  const after = await send(
    post('after', { query: 'query After { film(slug: "extraction") { title } }' }),
  );
  expect(after.status).toBe(200);
  expect(JSON.parse(after.text)).toEqual({ data: { film: { title: 'Extraction' } } });
});

test('a legitimate deep franchise graph query stays within the limits', async () => {
  const { status, text } = await send(
    post('deep', {
      query: `query Deep { franchise(slug: "extraction") { films(first: 20) { edges { node { credits { status
        person { credits { film { title } } } } } } } } }`,
    }),
  );
  expect(status).toBe(200);
  expect(JSON.parse(text).errors).toBeUndefined();
});

test('SQL in a filter is only text to search for', async () => {
  const { status, text } = await send(
    post('sql', {
      query: `query S { films(filter: { titleContains: "'; DROP TABLE film; --" }) { totalCount } }`,
    }),
  );
  expect(status).toBe(200);
  expect(JSON.parse(text)).toEqual({ data: { films: { totalCount: 0 } } });
  const after = await send(post('count', { query: 'query Count { films { totalCount } }' }));
  expect(JSON.parse(after.text)).toEqual({ data: { films: { totalCount: 7 } } });
});

test('the body limit and its message are the same on both HTTP paths (sized and chunked bodies)', async () => {
  const oversized = JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(110 * 1024) });
  const sized = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: oversized,
  });
  // A streamed body has no content-length: it is sent chunked, which express reads.
  const chunked = await fetch(`${baseUrl}/graphql`, {
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
