import type { RequestListener } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { observeWrites } from '../db/transactions';
import type { FinishedRequest, RequestObserver } from './request-log';

/** Operation names are chosen by clients: past this many distinct ones, the rest count as "(other)". */
export const MAX_OPERATION_NAMES = 200;

/** The pg pools TypeORM's PostgreSQL driver keeps (the primary's, and one per replica). */
interface PgPool {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export interface Metrics {
  /** Records a finished request; the router calls it where the request's log line is written. */
  readonly observeRequest: RequestObserver;
  /** Serves GET /metrics in Prometheus' text format (on METRICS_PORT, never on the public port). */
  readonly handler: RequestListener;
  readonly registry: Registry;
}

/**
 * The server's Prometheus metrics, in a registry of its own (one per app, so tests can run several).
 * Request figures are the ones the request log writes; database figures are read when scraped.
 */
export function createMetrics(dataSource: DataSource): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'franchise_graph_request_duration_seconds',
    help: 'HTTP requests by GraphQL operation name ("(none)" off /graphql) and outcome (ok, rejected, failed).',
    labelNames: ['operation', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({
    name: 'franchise_graph_errors_total',
    help: 'GraphQL errors sent, by extensions.code (a request with two errors of one code counts once).',
    labelNames: ['code'],
    registers,
  });
  const statements = new Histogram({
    name: 'franchise_graph_sql_statements_per_request',
    help: 'SQL statements run on behalf of one request, by GraphQL operation name.',
    labelNames: ['operation'],
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89],
    registers,
  });
  const writes = new Counter({
    name: 'franchise_graph_write_transactions_total',
    help: 'Write transactions (mutations, API key changes), by whether they committed.',
    labelNames: ['committed'],
    registers,
  });
  const writerWait = new Histogram({
    name: 'franchise_graph_sqlite_writer_wait_seconds',
    help: "Time a write transaction waited for SQLite's one writer before it began.",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  observeWrites(dataSource, (waitedSeconds, committed) => {
    writes.inc({ committed: String(committed) });
    if (waitedSeconds !== null) writerWait.observe(waitedSeconds);
  });

  if (dataSource.options.type === 'postgres') {
    const driver = dataSource.driver as unknown as { master?: PgPool; slaves?: PgPool[] };
    new Gauge({
      name: 'franchise_graph_db_pool_connections',
      help: 'PostgreSQL pool connections by pool (primary, replica-N) and state (in_use, idle, waiting: requests queued for a connection).',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        this.reset();
        const pools: [string, PgPool | undefined][] = [
          ['primary', driver.master],
          ...(driver.slaves ?? []).map((pool, i): [string, PgPool] => [`replica-${i + 1}`, pool]),
        ];
        for (const [pool, stats] of pools) {
          if (!stats) continue;
          this.set({ pool, state: 'in_use' }, stats.totalCount - stats.idleCount);
          this.set({ pool, state: 'idle' }, stats.idleCount);
          this.set({ pool, state: 'waiting' }, stats.waitingCount);
        }
      },
    });
  }

  const operations = new Set<string>();
  const operationLabel = (request: FinishedRequest): string => {
    const name = request.operationName;
    if (name === null) return request.path === '/graphql' ? '(anonymous)' : '(none)';
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATION_NAMES) return '(other)';
    operations.add(name);
    return name;
  };

  const observeRequest: RequestObserver = (request) => {
    const operation = operationLabel(request);
    duration.observe({ operation, outcome: request.outcome }, request.durationSeconds);
    for (const code of request.errorCodes) errors.inc({ code });
    if (request.path === '/graphql') statements.observe({ operation }, request.sqlStatements);
  };

  const handler: RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('Only GET /metrics is served here.\n');
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  };

  return { observeRequest, handler, registry };
}
