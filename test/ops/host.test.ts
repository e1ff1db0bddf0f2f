import { defaultHost, loadConfig } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// Real processes (`npm test` builds dist/ first); every address tried is on the loopback range.
let database: TestDatabase;
const servers: ServerProcess[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await database?.drop();
});

async function start(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const server = await startServerProcess({ DATABASE_URL: database.url, ...env });
  servers.push(server);
  return server;
}

/** The HTTP status of GET /healthz at `host`, or the connection error's code (ECONNREFUSED). */
async function reach(host: string, port: string): Promise<number | string> {
  try {
    return (await fetch(`http://${host}:${port}/healthz`)).status;
  } catch (error) {
    return String((error as { cause?: { code?: string } }).cause?.code ?? error);
  }
}

const portOf = (server: ServerProcess) => new URL(server.url).port;

test('HOST defaults to loopback, and to every interface only in production', () => {
  expect(loadConfig({}).host).toBe('127.0.0.1');
  expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
  expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
  expect(defaultHost('development')).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  expect(loadConfig({ HOST: 'api.internal' }).host).toBe('api.internal');
  expect(() => loadConfig({ HOST: 'http://0.0.0.0' })).toThrow(
    'HOST: expected an IP address (127.0.0.1, 0.0.0.0, ::) or a host name, got "http://0.0.0.0"',
  );
});

test('the server listens only on HOST and prints that address', async () => {
  const server = await start({ HOST: '127.0.0.2', NODE_ENV: 'production' });
  const port = portOf(server);
  expect(server.output()).toContain(
    `franchise-graph is serving GraphiQL at http://127.0.0.2:${port}/graphql and the explorer at http://127.0.0.2:${port}/explore\n`,
  );
  expect(await reach('127.0.0.2', port)).toBe(200);
  expect(await reach('127.0.0.1', port)).toBe('ECONNREFUSED');
});

test('by default (not production) the server is reachable on 127.0.0.1 only', async () => {
  const server = await start({ NODE_ENV: 'development' });
  const port = portOf(server);
  expect(server.output()).toContain(`at http://127.0.0.1:${port}/explore\n`);
  expect(await reach('127.0.0.1', port)).toBe(200);
  expect(await reach('127.0.0.2', port)).toBe('ECONNREFUSED');
});

test('METRICS_PORT serves /metrics on its own port, on HOST, and the public port does not', async () => {
  const server = await start({ HOST: '127.0.0.1', METRICS_PORT: '0' });
  const match = / metrics at http:\/\/127\.0\.0\.1:(\d+)\/metrics\n/.exec(server.output());
  expect(match).not.toBeNull();
  await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query HostFilm { film(slug: "extraction") { title } }' }),
  });
  const metrics = await fetch(`http://127.0.0.1:${match![1]}/metrics`);
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toMatch(
    /^franchise_graph_request_duration_seconds_count\{operation="HostFilm",outcome="ok"\} 1$/m,
  );
  expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
});
