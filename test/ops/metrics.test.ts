import type { Server } from 'node:http';
import { listen } from '../../src/http/server';
import { newApiKey } from '../support/editor';
import { TEST_DATABASE_TYPE } from '../support/test-database';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let baseUrl: string;
let metricsServer: Server;
let metricsUrl: string;
let key: string;

beforeAll(async () => {
  server = await createTestServer({ env: { METRICS_PORT: '0' } });
  baseUrl = await server.listen();
  const started = await listen(server.app.metrics!.handler, 0, '127.0.0.1');
  metricsServer = started.server;
  metricsUrl = `http://127.0.0.1:${started.port}/metrics`;
  key = await newApiKey(server.dataSource, 'metrics-test');
});
afterAll(async () => {
  metricsServer?.close();
  await server?.close();
});

// Named as clients name them (`operationName` too: a document that fails validation is not executed).
const post = (query: string, variables?: Record<string, unknown>, apiKey?: string) =>
  fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: JSON.stringify({ query, variables, operationName: /^\w+ (\w+)/.exec(query)?.[1] }),
  });

async function scrape(): Promise<string> {
  const response = await fetch(metricsUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample line, `name{labels} value`; 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

const FILM = 'query MetricsFilm { film(slug: "extraction-2") { title credits { role } } }';
const CREATE =
  'mutation MetricsCreate($input: CreateCharacterInput!) { createCharacter(input: $input) { character { name } } }';

test('GET /metrics counts requests by operation and outcome, error codes, SQL statements and writes', async () => {
  const before = await scrape();
  const okSeries =
    'franchise_graph_request_duration_seconds_count{operation="MetricsFilm",outcome="ok"}';
  const badInput = 'franchise_graph_errors_total{code="BAD_USER_INPUT"}';
  const unauthenticated = 'franchise_graph_errors_total{code="UNAUTHENTICATED"}';
  const sqlCount = 'franchise_graph_sql_statements_per_request_count{operation="MetricsFilm"}';
  const sqlSum = 'franchise_graph_sql_statements_per_request_sum{operation="MetricsFilm"}';
  const committed = 'franchise_graph_write_transactions_total{committed="true"}';
  expect(sample(before, okSeries)).toBe(0);

  for (let i = 0; i < 3; i++) expect((await post(FILM)).status).toBe(200);
  await post(
    'query MetricsBad { film(slug: "extraction-2") { credits(asOf: "yesterday") { role } } }',
  );
  await post(CREATE, { input: { name: 'Metrics Anonymous' } });
  expect((await post(CREATE, { input: { name: 'Metrics Editor' } }, key)).status).toBe(200);

  const after = await scrape();
  expect(sample(after, okSeries)).toBe(3);
  expect(
    sample(
      after,
      'franchise_graph_request_duration_seconds_count{operation="MetricsBad",outcome="rejected"}',
    ),
  ).toBe(1);
  expect(sample(after, badInput) - sample(before, badInput)).toBe(1);
  expect(sample(after, unauthenticated) - sample(before, unauthenticated)).toBe(1);
  expect(sample(after, sqlCount)).toBe(3);
  // The same statements a request's log line reports: at least the film and its credits, each time.
  expect(sample(after, sqlSum)).toBeGreaterThanOrEqual(6);
  expect(sample(after, committed) - sample(before, committed)).toBe(1);
  if (TEST_DATABASE_TYPE === 'sqlite') {
    expect(sample(after, 'franchise_graph_sqlite_writer_wait_seconds_count')).toBeGreaterThan(
      sample(before, 'franchise_graph_sqlite_writer_wait_seconds_count'),
    );
  } else {
    expect(after).toMatch(
      /^franchise_graph_db_pool_connections\{pool="primary",state="in_use"\} \d+$/m,
    );
    expect(after).toMatch(
      /^franchise_graph_db_pool_connections\{pool="primary",state="waiting"\} 0$/m,
    );
  }
  // Node's default process metrics.
  expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  expect(after).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
});

test('/metrics is not served on the public port, and the metrics port serves nothing else', async () => {
  const onPublicPort = await fetch(`${baseUrl}/metrics`);
  expect(onPublicPort.status).toBe(404);
  expect(await onPublicPort.text()).not.toContain('franchise_graph_');
  expect((await fetch(metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
});

test('without METRICS_PORT nothing is measured', async () => {
  const plain = await createTestServer({ seed: false });
  try {
    expect(plain.config.metricsPort).toBeNull();
    expect(plain.app.metrics).toBeNull();
  } finally {
    await plain.close();
  }
});
