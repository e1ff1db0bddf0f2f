import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let url: string;
beforeAll(async () => {
  server = await createTestServer();
  url = `${await server.listen()}/graphql`;
});
afterAll(() => server.close());

const FILM_TITLE = 'query FilmTitle($slug: String!) { film(slug: $slug) { title } }';

/** What no response may contain: a stack frame, or SQL. */
const LEAKS = /\bat [^\s]+ \(|\.ts:\d+|\.js:\d+|stacktrace|SELECT |FROM "|QueryFailedError|SQLITE/i;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('over real HTTP', () => {
  test('a POSTed query answers its data as JSON, with an x-request-id header', async () => {
    const response = await post({ query: FILM_TITLE, variables: { slug: SEED.films.extraction2 } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{1,100}$/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ data: { film: { title: 'Extraction 2' } } });
    expect(text).not.toMatch(LEAKS);
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

  test('a well-formed x-request-id sent by the client is echoed back', async () => {
    const response = await post(
      { query: FILM_TITLE, variables: { slug: SEED.films.extraction } },
      { 'x-request-id': 'abc-123' },
    );
    expect(response.headers.get('x-request-id')).toBe('abc-123');
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

  test('a body that is not JSON is a 400 with no stack trace', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(LEAKS);
  });
});
