import { captureLogs } from '../support/log-capture';
import { createTestServer, type TestServer } from '../support/test-server';

/** Log lines the server wrote, parsed. */
const { logger, lines: logLines } = captureLogs();

let server: TestServer;
let baseUrl: string;
beforeAll(async () => {
  server = await createTestServer({
    env: { CORS_ORIGINS: 'https://newsroom.example.com' },
    logger,
  });
  baseUrl = await server.listen();
});
afterAll(() => server.close());

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

test('GET / redirects to the GraphiQL page at /graphql', async () => {
  const response = await fetch(`${baseUrl}/`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/graphql');
});

test('every response carries a request id, and a sensible one sent by the client is kept', async () => {
  const generated = await postJson({ query: '{ __typename }' });
  expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const kept = await postJson({ query: '{ __typename }' }, { 'x-request-id': 'lb-1234' });
  expect(kept.headers.get('x-request-id')).toBe('lb-1234');
  const replaced = await postJson(
    { query: '{ __typename }' },
    { 'x-request-id': 'bad id <script>' },
  );
  expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
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

test('CORS allows a configured origin', async () => {
  const preflight = await fetch(`${baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://newsroom.example.com',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('https://newsroom.example.com');
  const response = await postJson(
    { query: '{ __typename }' },
    { origin: 'https://newsroom.example.com' },
  );
  expect(response.headers.get('access-control-allow-origin')).toBe('https://newsroom.example.com');
});

test('CORS refuses a foreign origin', async () => {
  const preflight = await fetch(`${baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
  });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  const response = await postJson(
    { query: '{ __typename }' },
    { origin: 'https://evil.example.net' },
  );
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
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
