import { SEED } from '../../seeds/seed';
import { captureLogs } from '../support/log-capture';
import { createTestServer, type TestServer } from '../support/test-server';

/** What the server reports about each request: its id, its log line, its health and readiness. */

/** Log lines the server wrote, parsed. */
const { logger, lines: logLines } = captureLogs();

let server: TestServer;
let baseUrl: string;
beforeAll(async () => {
  server = await createTestServer({ logger });
  baseUrl = await server.listen();
});
afterAll(() => server.close());

const TYPENAME = 'query Typename { __typename }';
const FILM_TITLE = 'query FilmTitle($slug: String!) { film(slug: $slug) { title } }';

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('/healthz says the process is alive', async () => {
  const response = await fetch(`${baseUrl}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('/readyz says the database answers', async () => {
  const response = await fetch(`${baseUrl}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ready' });
});

test('every response carries a request id, and a sensible one sent by the client is kept', async () => {
  const generated = await postJson({ query: TYPENAME });
  expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const kept = await postJson({ query: TYPENAME }, { 'x-request-id': 'lb-1234' });
  expect(kept.headers.get('x-request-id')).toBe('lb-1234');
  const replaced = await postJson({ query: TYPENAME }, { 'x-request-id': 'bad id <script>' });
  expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

test('a well-formed x-request-id sent by the client is echoed back', async () => {
  const response = await postJson(
    { query: FILM_TITLE, variables: { slug: SEED.films.extraction } },
    { 'x-request-id': 'abc-123' },
  );
  expect(response.headers.get('x-request-id')).toBe('abc-123');
});

test('each request writes one log line with its id, operation, duration, outcome and SQL count', async () => {
  const response = await postJson(
    { query: 'query FilmForLog { film(slug: "extraction") { title } }' },
    { 'x-request-id': 'log-test-1' },
  );
  expect(response.status).toBe(200);
  const lines = logLines.filter((line) => line.requestId === 'log-test-1');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toEqual({
    level: 30,
    time: expect.any(String),
    msg: 'request',
    requestId: 'log-test-1',
    method: 'POST',
    path: '/graphql',
    status: 200,
    durationMs: expect.any(Number),
    operationName: 'FilmForLog',
    outcome: 'ok',
    sqlStatements: 1,
  });
});

test('a rejected operation is logged with its error codes', async () => {
  await postJson(
    { query: 'query BadFirst { films(first: 1000) { totalCount } }' },
    { 'x-request-id': 'log-test-2' },
  );
  const [line] = logLines.filter((l) => l.requestId === 'log-test-2');
  expect(line).toMatchObject({
    operationName: 'BadFirst',
    outcome: 'rejected',
    errorCodes: ['BAD_USER_INPUT'],
  });
});

test('/readyz answers 503 once the database is closed, while /healthz stays up', async () => {
  const other = await createTestServer({ seed: false });
  const url = await other.listen();
  try {
    await other.dataSource.destroy();
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  } finally {
    await other.close();
  }
});

test('/readyz answers 503 while the server drains for shutdown', async () => {
  const other = await createTestServer({ seed: false });
  const url = await other.listen();
  try {
    other.app.markDraining();
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  } finally {
    await other.close();
  }
});

test('a request refused before GraphQL and an unknown path are logged too, with their status', async () => {
  const refused = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'log-test-3' },
    body: JSON.stringify({ query: TYPENAME, pad: 'x'.repeat(110 * 1024) }),
  });
  expect(refused.status).toBe(413);
  const missing = await fetch(`${baseUrl}/nowhere?x=1`, {
    headers: { 'x-request-id': 'log-test-4' },
  });
  expect(missing.status).toBe(404);
  expect(logLines.filter((l) => l.requestId === 'log-test-3')).toEqual([
    expect.objectContaining({
      path: '/graphql',
      status: 413,
      outcome: 'rejected',
      sqlStatements: 0,
    }),
  ]);
  expect(logLines.filter((l) => l.requestId === 'log-test-4')).toEqual([
    expect.objectContaining({ method: 'GET', path: '/nowhere', status: 404, outcome: 'rejected' }),
  ]);
});
