import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { encodeCursor } from '../src/common/connection';
import { toGlobalId } from '../src/common/global-id';
import { createApiKey } from '../src/auth/api-keys';
import { ApiKeyRole } from '../src/auth/roles';
import { closeWriter, withWriteTransaction } from '../src/common/transactions';
import { closeDatabase, createDataSource } from '../src/database';
import { buildSyntheticDatabase, SYNTHETIC_VERSION } from '../seeds/synthetic';
import {
  Q0,
  Q1,
  Q2,
  Q3,
  Q3_FILTER,
  Q4,
  Q5,
  READ_QUERIES,
  type BenchQuery,
  type QueryId,
} from './queries';

/**
 * `npm run bench [-- --quick] [--scale 1] [--connections 10] [--duration 10]`
 *
 * Builds (or reuses) the synthetic database, starts each server as a child process on a loopback port,
 * and runs autocannon against it: a warm-up, then a measured run, with requests that rotate through
 * many ids, slugs and cursors so no answer can come from a cache. Prints a table and writes
 * bench/results.json.
 */

const ROOT = resolve(__dirname, '..', '..'); // dist/bench → project root
/**
 * V8 flags of every server the bench starts, the same as `npm start` uses: a 16 MB semi-space (the
 * default is 8 MB on this machine) halves the scavenges of a deep query's short-lived objects; 64 MB
 * was no faster and cost 50 MB more resident memory.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];
const DIST = resolve(__dirname, '..');

interface Settings {
  quick: boolean;
  scale: number;
  connections: number;
  warmup: number;
  duration: number;
}

function parseArgs(argv: readonly string[]): Settings {
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    scale: option('scale') ?? (quick ? 0.1 : 1),
    connections: option('connections') ?? 10,
    warmup: option('warmup') ?? (quick ? 1 : 3),
    duration: option('duration') ?? (quick ? 3 : 10),
  };
}

/** The synthetic database for a scale, rebuilt only when missing or made by another generator version. */
async function ensureDatabase(scale: number): Promise<string> {
  const path = join(ROOT, 'data', `synthetic-${scale}.sqlite`);
  const stamp = `${path}.json`;
  const wanted = { version: SYNTHETIC_VERSION, scale };
  if (existsSync(path) && existsSync(stamp)) {
    const found = JSON.parse(readFileSync(stamp, 'utf8')) as { version: number; scale: number };
    if (found.version === wanted.version && found.scale === wanted.scale) return path;
  }
  const started = Date.now();
  const counts = await buildSyntheticDatabase(path, scale);
  log(
    `built ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s (${counts.credits} credits)`,
  );
  writeFileSync(stamp, JSON.stringify({ ...wanted, counts }, null, 2));
  return path;
}

type Variables = Record<string, unknown>;

/** Spreads `count` picks evenly over `items`. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** The variables each query rotates through, read straight from the database. */
function pickInputs(path: string, count = 200): Record<Exclude<QueryId, 'Q5'>, Variables[]> {
  const db = new Database(path, { readonly: true });
  try {
    const slugs = db
      .prepare(
        `SELECT f.slug FROM franchise f WHERE f.kind != 'SHARED_UNIVERSE'
         AND (SELECT COUNT(*) FROM franchise_membership m WHERE m."franchiseId" = f.id) >= 10 ORDER BY f.id`,
      )
      .pluck()
      .all() as string[];
    const people = db
      .prepare(
        `SELECT "personId" FROM credit GROUP BY "personId" HAVING COUNT(*) BETWEEN 5 AND 40 ORDER BY 1`,
      )
      .pluck()
      .all() as number[];
    // Q3: credits that match the filter now; cursors from 40% to 90% down the list.
    const matching = db
      .prepare(
        `SELECT c.id FROM credit c WHERE c.role IN (SELECT value FROM json_each(?))
         AND (SELECT e.status FROM attachment_event e WHERE e."creditId" = c.id AND e.retracted = 0
              ORDER BY e."effectiveDate" DESC, e."recordedAt" DESC, e.id DESC LIMIT 1)
             IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
      )
      .pluck()
      .all(JSON.stringify(Q3_FILTER.roles), JSON.stringify(Q3_FILTER.statuses)) as number[];
    const deep = <T>(items: readonly T[]) =>
      items.slice(Math.floor(items.length * 0.4), Math.floor(items.length * 0.9));
    const films = db
      .prepare(
        `SELECT id, "releaseDate" FROM film ORDER BY "releaseDate" IS NULL, "releaseDate", id`,
      )
      .all() as { id: number; releaseDate: string | null }[];
    return {
      Q0: [{}],
      Q1: spread(slugs, count).map((slug) => ({ slug })),
      Q2: spread(people, count).map((id) => ({ id: toGlobalId('Person', id) })),
      Q3: spread(deep(matching), count).map((id) => ({ after: encodeCursor([id]) })),
      Q4: spread(deep(films), count).map((film) => ({
        after: encodeCursor([film.releaseDate ?? '9999-12-31', film.id]),
      })),
    };
  } finally {
    db.close();
  }
}

interface Server {
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

type ServerKind = 'franchise-graph' | 'n+1' | 'peer' | 'hello';

/** Starts a server as a child process; resolves when it prints the port it listens on. */
function startServer(kind: ServerKind, databasePath: string): Promise<Server> {
  const script = {
    'franchise-graph': 'bench/server.js',
    'n+1': 'bench/server.js',
    peer: 'bench/peer-server.js',
    hello: 'bench/hello-server.js',
  }[kind];
  const env = {
    ...process.env,
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `sqlite:${databasePath}`,
    DATABASE_PATH: databasePath,
    BENCH_SQL_HEADER: '1',
    BENCH_BATCH: kind === 'n+1' ? 'off' : 'on',
    // Q5 writes as fast as it can with one key: the documented per-key limit (300/min) would refuse it.
    WRITE_RATE_LIMIT: '999999999',
  };
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(DIST, script)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveServer, reject) => {
    let output = '';
    child.once('exit', (code) =>
      reject(new Error(`${kind} server exited with ${code}: ${output}`)),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      child.removeAllListeners('exit');
      resolveServer({
        name: kind,
        port: Number(match[1]),
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const bodyOf = (query: BenchQuery, variables: Variables) =>
  JSON.stringify({ query: query.query, variables });

async function post(
  port: number,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ json: { data?: unknown; errors?: unknown[] }; statements: number }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  return { json, statements: Number(response.headers.get('x-sql-statements') ?? NaN) };
}

interface Measurement {
  server: string;
  query: QueryId;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  sqlPerRequest: { min: number; max: number; mean: number } | null;
  requests: number;
  failures: number;
  peakRssMb: number;
  note?: string;
}

/** A warm-up, then the measured run; every request takes the next set of variables. */
async function measure(
  server: Server,
  query: BenchQuery,
  inputs: Variables[],
  settings: Settings,
  connections = settings.connections,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  const bodies = inputs.map((variables) => bodyOf(query, variables));
  let next = 0;
  let statements: number[] = [];
  let failures = 0;
  const run = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${server.port}/graphql`,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          onResponse: (status, body, _context, responseHeaders) => {
            if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":['))
              failures += 1;
            const count = responseHeaders['x-sql-statements'];
            if (count !== undefined) statements.push(Number(count));
          },
        },
      ],
    });
  await run(settings.warmup);
  statements = [];
  failures = 0;
  const result = await run(settings.duration);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const count of statements) {
    min = Math.min(min, count);
    max = Math.max(max, count);
    sum += count;
  }
  const sql = statements.length
    ? { min, max, mean: Number((sum / statements.length).toFixed(2)) }
    : null;
  return {
    server: server.name,
    query: query.id,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    sqlPerRequest: server.name === 'hello' ? null : sql,
    requests: result.requests.total,
    failures: failures + result.errors + result.timeouts + result.non2xx,
    peakRssMb: peakRssMb(server.pid),
  };
}

/** Whether the server's schema has the mutation Q5 needs (issue 3 adds it). */
async function hasRecordAttachment(port: number): Promise<boolean> {
  const { json } = await post(
    port,
    JSON.stringify({ query: '{ __schema { mutationType { fields { name } } } }' }),
  );
  const data = json.data as
    { __schema: { mutationType: { fields: { name: string }[] } | null } } | undefined;
  return (
    data?.__schema.mutationType?.fields.some((field) => field.name === 'recordAttachment') ?? false
  );
}

/** An editor API key in the database at `path`, as `npm run apikey -- create` makes one. */
async function createEditorKey(path: string): Promise<string> {
  const dataSource = createDataSource({ type: 'sqlite', path });
  await dataSource.initialize();
  try {
    const { key } = await withWriteTransaction(dataSource, (manager) =>
      createApiKey(manager, `bench-${Date.now()}`, ApiKeyRole.EDITOR),
    );
    return key;
  } finally {
    await closeWriter(dataSource);
    await closeDatabase(dataSource);
  }
}

/** Q5's variables: a new report on an existing credit each time (so each request really writes). */
function writeInputs(path: string, count: number): Variables[] {
  const db = new Database(path, { readonly: true });
  try {
    const credits = db
      .prepare('SELECT "filmId", "personId", role FROM credit ORDER BY id LIMIT ?')
      .all(count) as {
      filmId: number;
      personId: number;
      role: string;
    }[];
    const stamp = Date.now();
    return credits.map((credit, i) => ({
      input: {
        film: toGlobalId('Film', credit.filmId),
        person: toGlobalId('Person', credit.personId),
        role: credit.role,
        status: 'IN_TALKS',
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-01-01',
        source: { url: `https://bench.example/${stamp}/${i}`, title: `Bench report ${i}` },
      },
    }));
  } finally {
    db.close();
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const load = loadavg()[0];
  log(
    `scale ${settings.scale}, ${settings.connections} connections, ${settings.warmup}+${settings.duration} s per run, load ${load.toFixed(2)} on ${cpus().length} CPUs`,
  );
  const path = await ensureDatabase(settings.scale);
  const otherScale = settings.scale === 1 ? 0.1 : 1;
  const otherPath = await ensureDatabase(otherScale);
  const inputs = pickInputs(path);

  const measurements: Measurement[] = [];
  const peaks: Record<string, number> = {};
  const answersMatch: Record<string, boolean> = {};
  let reference: Map<string, unknown> | undefined;
  let q5: string | Measurement = 'n/a';

  for (const kind of ['franchise-graph', 'n+1', 'peer', 'hello'] as const) {
    const server = await startServer(kind, path);
    try {
      const queries = kind === 'hello' ? [Q0] : READ_QUERIES;
      if (kind !== 'hello') {
        // The same answers, or the comparison means nothing.
        const answers = new Map<string, unknown>();
        for (const query of READ_QUERIES) {
          for (const variables of inputs[query.id as Exclude<QueryId, 'Q5'>].slice(0, 3)) {
            const { json } = await post(server.port, bodyOf(query, variables));
            if (json.errors)
              throw new Error(`${kind} ${query.id} failed: ${JSON.stringify(json.errors)}`);
            answers.set(`${query.id} ${JSON.stringify(variables)}`, json.data);
          }
        }
        reference ??= answers;
        answersMatch[kind] = [...answers].every(([key, data]) =>
          isDeepStrictEqual(reference!.get(key), data),
        );
        if (!answersMatch[kind]) log(`WARNING: ${kind} answers differ from franchise-graph's`);
      }
      for (const query of queries) {
        log(`${kind} ${query.id} …`);
        measurements.push(
          await measure(server, query, inputs[query.id as Exclude<QueryId, 'Q5'>], settings),
        );
      }
      if (kind === 'franchise-graph') {
        log(`${kind} Q1 at 1 connection …`);
        measurements.push(await measure(server, Q1, inputs.Q1, settings, 1));
      }
      peaks[kind] = peakRssMb(server.pid);
    } finally {
      await server.stop();
    }
  }

  // Q5 writes: on a copy of the database (the cached synthetic one stays as generated), with an editor
  // key made for this run, each request a new report (its own source URL) on an existing credit.
  const writePath = `${path}.q5.sqlite`;
  copyFileSync(path, writePath);
  try {
    const key = await createEditorKey(writePath);
    const server = await startServer('franchise-graph', writePath);
    try {
      if (await hasRecordAttachment(server.port)) {
        log('franchise-graph Q5 …');
        q5 = await measure(
          server,
          Q5,
          writeInputs(writePath, 20_000),
          settings,
          settings.connections,
          {
            authorization: `Bearer ${key}`,
          },
        );
        measurements.push(q5);
      }
    } finally {
      await server.stop();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${writePath}${suffix}`, { force: true });
  }

  // Q1's statement count must not depend on how much data there is.
  const q1Statements: Record<string, number[]> = {};
  for (const [scale, dbPath] of [
    [settings.scale, path],
    [otherScale, otherPath],
  ] as const) {
    const server = await startServer('franchise-graph', dbPath);
    try {
      const counts = new Set<number>();
      for (const variables of spread(pickInputs(dbPath, 20).Q1, 10)) {
        counts.add((await post(server.port, bodyOf(Q1, variables))).statements);
      }
      q1Statements[String(scale)] = [...counts].sort((a, b) => a - b);
    } finally {
      await server.stop();
    }
  }

  const find = (server: string, query: QueryId, connections = settings.connections) =>
    measurements.find(
      (m) => m.server === server && m.query === query && m.connections === connections,
    );
  const rps = (server: string, query: QueryId) => find(server, query)?.requestsPerSecond ?? NaN;
  const fg = 'franchise-graph';
  const oneConnection = find(fg, 'Q1', 1)!;
  const maxSql = (query: QueryId) => find(fg, query)?.sqlPerRequest?.max ?? NaN;
  const q1Counts = Object.values(q1Statements).flat();
  const targets = [
    {
      target: `Q1 SQL statements ≤ depth + 2 (${Q1.depth + 2}), same at scale 0.1 and 1`,
      value: `${JSON.stringify(q1Statements)}`,
      met: q1Counts.every((n) => n <= Q1.depth + 2) && new Set(q1Counts).size === 1,
    },
    ...(['Q2', 'Q3', 'Q4'] as const).map((query) => ({
      target: `${query} SQL statements ≤ 4`,
      value: String(maxSql(query)),
      met: maxSql(query) <= 4,
    })),
    { target: 'Q1 ≥ 2× the N+1 baseline', ratio: rps(fg, 'Q1') / rps('n+1', 'Q1'), min: 2 },
    { target: 'Q1 ≥ 0.7× the graphql-js peer', ratio: rps(fg, 'Q1') / rps('peer', 'Q1'), min: 0.7 },
    { target: 'Q0 ≥ 0.4× the peer’s Q0', ratio: rps(fg, 'Q0') / rps('peer', 'Q0'), min: 0.4 },
    { target: 'Q3 ≥ 0.5× Q2', ratio: rps(fg, 'Q3') / rps(fg, 'Q2'), min: 0.5 },
    { target: 'Q4 ≥ 0.5× Q2', ratio: rps(fg, 'Q4') / rps(fg, 'Q2'), min: 0.5 },
    {
      target: 'Q1 p99 ≤ 2.5× p50 at 1 connection',
      ratio: oneConnection.p99Ms / oneConnection.p50Ms,
      max: 2.5,
    },
    { target: 'peak RSS ≤ 300 MB', ratio: peaks[fg], max: 300, unit: 'MB' },
  ].map((row) => {
    if ('met' in row) return row;
    const value = row.ratio;
    const met = 'min' in row ? value >= row.min! : value <= row.max!;
    return {
      target: row.target,
      value: row.unit ? `${fmt(value)} ${row.unit}` : `${fmt(value, 2)}×`,
      met,
    };
  });

  const results = {
    date: new Date().toISOString(),
    settings,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      loadAverageAtStart: load,
    },
    seconds: Math.round((Date.now() - started) / 1000),
    answersMatch,
    peakRssMb: peaks,
    q1StatementsByScale: q1Statements,
    q5: typeof q5 === 'string' ? q5 : 'measured',
    measurements,
    targets,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderTable(results.measurements, q5, peaks, targets, settings)}\n`);
  log(`done in ${results.seconds} s; wrote bench/results.json`);
}

/** The results as Markdown tables (pasted into the README as they are). */
export function renderTable(
  measurements: readonly Measurement[],
  q5: string | Measurement,
  peaks: Record<string, number>,
  targets: readonly { target: string; value: string; met: boolean }[],
  settings: Settings,
): string {
  const titles = new Map([Q0, Q1, Q2, Q3, Q4, Q5].map((q) => [q.id, q.title]));
  const lines = [
    `scale ${settings.scale}, ${settings.connections} connections (unless noted), ${settings.duration} s per run after ${settings.warmup} s warm-up`,
    '',
    '| server | query | conns | req/s | p50 ms | p99 ms | SQL/request | failures | peak RSS MB |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const m of measurements) {
    const sql =
      m.sqlPerRequest == null
        ? '–'
        : m.sqlPerRequest.min === m.sqlPerRequest.max
          ? String(m.sqlPerRequest.max)
          : `${m.sqlPerRequest.min}–${m.sqlPerRequest.max} (mean ${m.sqlPerRequest.mean})`;
    lines.push(
      `| ${m.server} | ${m.query} ${titles.get(m.query)} | ${m.connections} | ${fmt(m.requestsPerSecond)} | ${fmt(m.p50Ms, 1)} | ${fmt(m.p99Ms, 1)} | ${sql} | ${m.failures} | ${m.peakRssMb} |`,
    );
  }
  if (typeof q5 === 'string')
    lines.push(`| franchise-graph | Q5 ${titles.get('Q5')} | | ${q5} | | | | | |`);
  lines.push(
    '',
    `Peak RSS per server (MB): ${Object.entries(peaks)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  );
  lines.push('| target | measured | met |', '|---|---|---|');
  for (const t of targets) lines.push(`| ${t.target} | ${t.value} | ${t.met ? 'yes' : 'NO'} |`);
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
