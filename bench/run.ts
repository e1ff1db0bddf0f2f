import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants as osConstants, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { encodeCursor } from '../src/graphql/relay/connection';
import { toGlobalId } from '../src/graphql/relay/global-id';
import { createApiKey } from '../src/auth/api-keys';
import { ApiKeyRole } from '../src/auth/roles';
import { closeWriter, withWriteTransaction } from '../src/db/transactions';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config';
import { closeDatabase, createDataSource } from '../src/db/data-source';
import { MIGRATIONS } from '../src/db/migrations';
import { buildSyntheticDatabase, SYNTHETIC_VERSION } from '../seeds/synthetic';
import { formatFanout, measureFanout } from './fanout';
import {
  copySqliteToPostgres,
  createDatabase,
  isPostgresUrl,
  serverSettings,
  type BenchDatabase,
  type ServerSettings,
} from './postgres';
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
 * `npm run bench [-- --quick] [--scale 1] [--connections 10] [--duration 10] [--db sqlite|postgres]`
 *
 * Builds (or reuses) the synthetic database, starts each server as a child process on a loopback port,
 * and runs autocannon against it: a warm-up, then a measured run, with requests that rotate through
 * many ids, slugs and cursors so no answer can come from a cache. Prints a table and writes
 * bench/results.json. The SQL statements per request come from a counting pass before the timed runs,
 * on a server started with LOG_LEVEL=info: each request's log line (`sqlStatements`), as the product
 * reports it; the timed runs' servers log nothing.
 *
 * With `--db postgres`, franchise-graph and its N+1 variant read a PostgreSQL copy of the same synthetic
 * data, on the server of DATABASE_URL when it is a postgres:// URL (in fresh databases the bench creates
 * and drops), else on a throw-away cluster of scripts/with-postgres.sh. The peer reads SQLite only, so it
 * runs on the SQLite file as before, and the table says so. Results go to bench/results-postgres.json.
 */

const ROOT = resolve(__dirname, '..', '..'); // dist/bench → project root
/**
 * V8 flags of every server the bench starts, the same as `npm start` uses (package.json): a 16 MB
 * semi-space (the default is 8 MB on this machine) halves the scavenges of a deep query's short-lived
 * objects (64 MB was no faster and cost 50 MB more); a 512 MB old-space limit makes V8 collect before the
 * heap grows to several times its ~30 MB live set (Q1 peak RSS 260 → 172 MB at the same speed), while
 * leaving far more room than the query limits let any set of requests need.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=512'];
const DIST = resolve(__dirname, '..');

type BenchDb = 'sqlite' | 'postgres';

interface Settings {
  db: BenchDb;
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
  const db = argv.includes('--db') ? argv[argv.indexOf('--db') + 1] : 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres') {
    throw new Error(`--db takes sqlite or postgres, got ${JSON.stringify(db)}`);
  }
  return {
    db,
    quick,
    scale: option('scale') ?? (quick ? 0.1 : 1),
    connections: option('connections') ?? 10,
    warmup: option('warmup') ?? (quick ? 1 : 3),
    duration: option('duration') ?? (quick ? 3 : 10),
  };
}

/**
 * The synthetic database for a scale, rebuilt only when missing or made by another generator version or
 * another set of migrations (an old file's schema may not be what the migrations expect).
 */
async function ensureDatabase(scale: number): Promise<string> {
  const path = join(ROOT, 'data', `synthetic-${scale}.sqlite`);
  const stamp = `${path}.json`;
  const wanted = {
    version: SYNTHETIC_VERSION,
    scale,
    migrations: MIGRATIONS.map((migration) => migration.name),
  };
  if (existsSync(path) && existsSync(stamp)) {
    const { counts: _counts, ...found } = JSON.parse(readFileSync(stamp, 'utf8')) as Record<
      string,
      unknown
    >;
    if (isDeepStrictEqual(found, wanted)) return path;
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
  /**
   * The SQL statements of the request sent with `x-request-id: requestId`, from its request log line
   * (servers started with `logRequests` only).
   */
  statementsOf(requestId: string): Promise<number>;
  stop(): Promise<void>;
}

type ServerKind = 'franchise-graph' | 'n+1' | 'peer' | 'hello';

/** The server processes running now, stopped by `stopEverything` if the bench is interrupted. */
const running = new Set<ChildProcess>();

/**
 * Starts a server as a child process; resolves when it prints the port it listens on. franchise-graph
 * reads `databaseUrl` (the SQLite file by default); the peer reads the SQLite file whatever it is.
 * With `logRequests`, it writes its request log lines (LOG_LEVEL=info), which `statementsOf` reads;
 * without, it logs nothing, so timed runs do not pay for logging.
 */
function startServer(
  kind: ServerKind,
  databasePath: string,
  databaseUrl = `sqlite:${databasePath}`,
  { logRequests = false } = {},
): Promise<Server> {
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
    LOG_LEVEL: logRequests ? 'info' : 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_PATH: databasePath,
    BENCH_BATCH: kind === 'n+1' ? 'off' : 'on',
    // Q5 writes as fast as it can with one key: the documented per-key limit (300/min) would refuse it.
    WRITE_RATE_LIMIT: '999999999',
  };
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(DIST, script)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
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
      child.removeAllListeners('exit');
      const log = logRequests ? requestLog(child) : undefined;
      if (!log) child.stdout!.resume();
      resolveServer({
        name: kind,
        port: Number(match[1]),
        pid: child.pid!,
        statementsOf: (requestId) =>
          log ? log(requestId) : Promise.reject(new Error(`${kind} was started without logs`)),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * Reads a server's request log lines from its stdout (pino JSON, one per line): resolves the SQL
 * statements of a request id once its line has arrived (it may come after the response).
 */
function requestLog(child: ChildProcess): (requestId: string) => Promise<number> {
  const seen = new Map<string, number>();
  const waiting = new Map<string, (statements: number) => void>();
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as {
        msg?: string;
        requestId?: unknown;
        sqlStatements?: unknown;
      };
      if (entry.msg !== 'request' || typeof entry.requestId !== 'string') continue;
      const statements = Number(entry.sqlStatements);
      const waiter = waiting.get(entry.requestId);
      if (waiter) {
        waiting.delete(entry.requestId);
        waiter(statements);
      } else seen.set(entry.requestId, statements);
    }
  });
  return (requestId) => {
    const statements = seen.get(requestId);
    if (statements !== undefined) {
      seen.delete(requestId);
      return Promise.resolve(statements);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(requestId);
        reject(new Error(`no request log line for ${requestId}`));
      }, 10_000);
      waiting.set(requestId, (count) => {
        clearTimeout(timer);
        resolve(count);
      });
    });
  };
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
): Promise<{ json: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  return { json };
}

/** The SQL statements per request of a query on a server, over the requests of its counting pass. */
interface SqlPerRequest {
  min: number;
  max: number;
  mean: number;
}

interface Measurement {
  server: string;
  query: QueryId;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  sqlPerRequest: SqlPerRequest | null;
  requests: number;
  failures: number;
  peakRssMb: number;
  note?: string;
}

/** Requests per query in a counting pass: its inputs, spread, up to this many (Q1 is slow on N+1). */
const COUNTED_REQUESTS = 50;

/**
 * The SQL statements of a query's requests, read from the request log of a server started with
 * `logRequests`: up to COUNTED_REQUESTS of its inputs, `connections` requests at a time, each with its
 * own x-request-id to find its log line by.
 */
async function countStatements(
  server: Server,
  query: BenchQuery,
  inputs: readonly Variables[],
  connections: number,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const picked = spread(inputs, COUNTED_REQUESTS);
  const counts: number[] = [];
  let next = 0;
  const sender = async () => {
    while (next < picked.length) {
      const requestId = `bench-${query.id}-${next}`;
      const body = bodyOf(query, picked[next++]);
      const { json } = await post(server.port, body, { ...headers, 'x-request-id': requestId });
      if (json.errors)
        throw new Error(`${server.name} ${query.id} failed: ${JSON.stringify(json.errors)}`);
      counts.push(await server.statementsOf(requestId));
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, picked.length) }, sender));
  return counts;
}

function summarize(counts: readonly number[]): SqlPerRequest | null {
  if (counts.length === 0) return null;
  const sum = counts.reduce((total, count) => total + count, 0);
  return {
    min: Math.min(...counts),
    max: Math.max(...counts),
    mean: Number((sum / counts.length).toFixed(2)),
  };
}

/**
 * A warm-up, then the measured run; every request takes the next set of variables. `sql` is what the
 * counting pass found for the query on this server (the timed server logs nothing).
 */
async function measure(
  server: Server,
  query: BenchQuery,
  inputs: Variables[],
  settings: Settings,
  sql: SqlPerRequest | null,
  connections = settings.connections,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  const bodies = inputs.map((variables) => bodyOf(query, variables));
  let next = 0;
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
          onResponse: (status, body) => {
            if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":['))
              failures += 1;
          },
        },
      ],
    });
  await run(settings.warmup);
  failures = 0;
  const result = await run(settings.duration);
  return {
    server: server.name,
    query: query.id,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    sqlPerRequest: sql,
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

/** An editor API key in the database, as `npm run apikey -- create` makes one. */
async function createEditorKey(database: DatabaseConfig): Promise<string> {
  const dataSource = createDataSource(database);
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

/**
 * Runs this bench again under scripts/with-postgres.sh, which starts a throw-away PostgreSQL cluster,
 * exports its DATABASE_URL, and stops and deletes the cluster when the bench ends, however it ends.
 */
function underThrowAwayPostgres(argv: readonly string[]): Promise<number> {
  log(
    'DATABASE_URL is not a postgres:// URL: starting a throw-away cluster (scripts/with-postgres.sh)',
  );
  // A process group of its own, so that an interruption reaches the script (whose exit trap deletes
  // the cluster), the bench under it and the bench's servers: forwarded to the whole group below.
  const child = spawn(
    join(ROOT, 'scripts', 'with-postgres.sh'),
    [process.execPath, __filename, ...argv],
    { cwd: ROOT, stdio: 'inherit', detached: true },
  );
  const forward = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward);
  return new Promise((resolveCode, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      resolveCode(code ?? 128 + (signal ? osConstants.signals[signal] : 1)),
    );
  });
}

/** The PostgreSQL side of a `--db postgres` run. */
interface PostgresRun {
  readonly server: ServerSettings;
  /** Seconds to create, migrate, fill and analyze the database of each scale. */
  readonly loadSeconds: Record<string, number>;
}

/** A database of one scale on the PostgreSQL server, filled from the SQLite file at `path`. */
async function loadPostgres(serverUrl: string, scale: number, path: string) {
  const started = Date.now();
  const database = await createDatabase(serverUrl, `fg_bench_${process.pid}_${scaleName(scale)}`);
  try {
    const report = await copySqliteToPostgres(path, database.url);
    const seconds = (Date.now() - started) / 1000;
    log(
      `loaded scale ${scale} into PostgreSQL database ${database.name} in ${seconds.toFixed(1)} s ` +
        `(${report.rows} rows in ${report.tables} tables: migrations ${ms(report.migrateMs)}, ` +
        `copy ${ms(report.copyMs)}, ANALYZE ${ms(report.analyzeMs)})`,
    );
    return { database, seconds };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

const scaleName = (scale: number) => String(scale).replace(/\W/g, '_');
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const settings = parseArgs(argv);
  if (settings.db === 'postgres' && !isPostgresUrl(process.env.DATABASE_URL)) {
    process.exitCode = await underThrowAwayPostgres(argv);
    return;
  }
  const started = Date.now();
  const load = loadavg()[0];
  log(
    `${settings.db}, scale ${settings.scale}, ${settings.connections} connections, ${settings.warmup}+${settings.duration} s per run, load ${load.toFixed(2)} on ${cpus().length} CPUs`,
  );
  const path = await ensureDatabase(settings.scale);
  const otherScale = settings.scale === 1 ? 0.1 : 1;
  const otherPath = await ensureDatabase(otherScale);
  const inputs = pickInputs(path);

  // The databases this run creates on a PostgreSQL server, dropped at the end or on an interruption.
  const created: BenchDatabase[] = [];
  const dropCreated = () =>
    Promise.allSettled(created.splice(0).map((database) => database.drop())).then((outcomes) => {
      for (const outcome of outcomes)
        if (outcome.status === 'rejected')
          log(`could not drop a bench database: ${outcome.reason}`);
    });
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the servers${created.length ? ', dropping the bench databases' : ''}`);
    for (const child of running) child.kill('SIGTERM');
    void dropCreated().finally(() => process.exit(128 + osConstants.signals[signal]));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    // Where franchise-graph reads, per SQLite file: the file itself, or its PostgreSQL copy.
    const appUrl = new Map([path, otherPath].map((p) => [p, `sqlite:${p}`]));
    let postgres: PostgresRun | undefined;
    if (settings.db === 'postgres') {
      const serverUrl = process.env.DATABASE_URL!;
      const loadSeconds: Record<string, number> = {};
      for (const [scale, sqlitePath] of [
        [settings.scale, path],
        [otherScale, otherPath],
      ] as const) {
        const { database, seconds } = await loadPostgres(serverUrl, scale, sqlitePath);
        created.push(database);
        appUrl.set(sqlitePath, database.url);
        loadSeconds[String(scale)] = Number(seconds.toFixed(1));
      }
      postgres = { server: await serverSettings(serverUrl), loadSeconds };
    }
    await runBench(settings, {
      path,
      otherPath,
      otherScale,
      appUrl,
      inputs,
      postgres,
      created,
      started,
      load,
    });
    // Subscriptions: its own server and table (bench/fanout.ts).
    log(`fan-out:\n${formatFanout(await measureFanout(settings.quick ? { writes: 10 } : {}))}`);
  } finally {
    await dropCreated();
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

interface BenchPlan {
  readonly path: string;
  readonly otherPath: string;
  readonly otherScale: number;
  readonly appUrl: ReadonlyMap<string, string>;
  readonly inputs: ReturnType<typeof pickInputs>;
  readonly postgres: PostgresRun | undefined;
  /** Databases made on the PostgreSQL server; the Q5 copy joins them. */
  readonly created: BenchDatabase[];
  readonly started: number;
  readonly load: number;
}

async function runBench(settings: Settings, plan: BenchPlan): Promise<void> {
  const { path, otherPath, otherScale, appUrl, inputs, postgres, started, load } = plan;
  const measurements: Measurement[] = [];
  const peaks: Record<string, number> = {};
  const answersMatch: Record<string, boolean> = {};
  let reference: Map<string, unknown> | undefined;
  let q5: string | Measurement = 'n/a';

  for (const kind of ['franchise-graph', 'n+1', 'peer', 'hello'] as const) {
    const queries = kind === 'hello' ? [Q0] : READ_QUERIES;
    const inputsOf = (query: BenchQuery) => inputs[query.id as Exclude<QueryId, 'Q5'>];
    // First a counting pass on a server that logs each request: its answers, its SQL statements.
    const sql = new Map<QueryId, SqlPerRequest | null>();
    if (kind !== 'hello') {
      const server = await startServer(kind, path, appUrl.get(path), { logRequests: true });
      try {
        // The same answers, or the comparison means nothing (on PostgreSQL this also checks the copy).
        const answers = new Map<string, unknown>();
        for (const query of READ_QUERIES) {
          for (const variables of inputsOf(query).slice(0, 3)) {
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
        log(`${kind}: counting SQL statements …`);
        for (const query of READ_QUERIES) {
          const counts = await countStatements(
            server,
            query,
            inputsOf(query),
            settings.connections,
          );
          sql.set(query.id, summarize(counts));
        }
      } finally {
        await server.stop();
      }
    }
    // Then the timed runs, on a server that logs nothing.
    const server = await startServer(kind, path, appUrl.get(path));
    try {
      for (const query of queries) {
        log(`${kind} ${query.id} …`);
        measurements.push(
          await measure(server, query, inputsOf(query), settings, sql.get(query.id) ?? null),
        );
      }
      if (kind === 'franchise-graph') {
        log(`${kind} Q1 at 1 connection …`);
        measurements.push(await measure(server, Q1, inputs.Q1, settings, sql.get('Q1') ?? null, 1));
      }
      peaks[kind] = peakRssMb(server.pid);
    } finally {
      await server.stop();
    }
  }

  // Q5 writes: on a copy of the database (the cached synthetic one stays as generated), with an editor
  // key made for this run, each request a new report (its own source URL) on an existing credit. On
  // PostgreSQL the copy is a database made from the read one as a template.
  const writePath = `${path}.q5.sqlite`;
  let writeUrl = `sqlite:${writePath}`;
  if (postgres) {
    const template = plan.created[0];
    const copy = await createDatabase(
      process.env.DATABASE_URL!,
      `${template.name}_q5`,
      template.name,
    );
    plan.created.push(copy);
    writeUrl = copy.url;
  } else {
    copyFileSync(path, writePath);
  }
  try {
    const key = await createEditorKey(parseDatabaseUrl(writeUrl));
    const authorization = { authorization: `Bearer ${key}` };
    let sql: SqlPerRequest | null | undefined;
    const counting = await startServer('franchise-graph', writePath, writeUrl, {
      logRequests: true,
    });
    try {
      if (await hasRecordAttachment(counting.port)) {
        log('franchise-graph Q5: counting SQL statements …');
        const reports = writeInputs(path, COUNTED_REQUESTS);
        const counts = await countStatements(
          counting,
          Q5,
          reports,
          settings.connections,
          authorization,
        );
        sql = summarize(counts);
      }
    } finally {
      await counting.stop();
    }
    if (sql !== undefined) {
      const server = await startServer('franchise-graph', writePath, writeUrl);
      try {
        log('franchise-graph Q5 …');
        // New reports (writeInputs stamps each call's source URLs), not the counted ones again.
        const reports = writeInputs(path, 20_000);
        q5 = await measure(server, Q5, reports, settings, sql, settings.connections, authorization);
        measurements.push(q5);
      } finally {
        await server.stop();
      }
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
    const server = await startServer('franchise-graph', dbPath, appUrl.get(dbPath), {
      logRequests: true,
    });
    try {
      const picked = spread(pickInputs(dbPath, 20).Q1, 10);
      const counts = new Set(await countStatements(server, Q1, picked, settings.connections));
      q1Statements[String(scale)] = [...counts].sort((a, b) => a - b);
    } finally {
      await server.stop();
    }
  }

  const targets = judge(measurements, peaks, q1Statements, settings);

  const results = {
    date: new Date().toISOString(),
    settings,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      loadAverageAtStart: load,
    },
    ...(postgres && {
      postgres: {
        ...postgres,
        note: 'franchise-graph and n+1 read PostgreSQL; peer reads the SQLite file with the same rows',
      },
    }),
    seconds: Math.round((Date.now() - started) / 1000),
    answersMatch,
    peakRssMb: peaks,
    q1StatementsByScale: q1Statements,
    q5: typeof q5 === 'string' ? q5 : 'measured',
    measurements,
    targets,
  };
  const file = settings.db === 'sqlite' ? 'results.json' : `results-${settings.db}.json`;
  writeFileSync(join(ROOT, 'bench', file), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `${renderTable(results.measurements, q5, peaks, targets, settings, postgres)}\n`,
  );
  log(`done in ${results.seconds} s; wrote bench/${file}`);
}

/** The targets of the performance section, judged on a run's measurements. */
export function judge(
  measurements: readonly Measurement[],
  peaks: Record<string, number>,
  q1Statements: Record<string, number[]>,
  settings: Settings,
): Target[] {
  const find = (server: string, query: QueryId, connections = settings.connections) =>
    measurements.find(
      (m) => m.server === server && m.query === query && m.connections === connections,
    );
  const rps = (server: string, query: QueryId) => find(server, query)?.requestsPerSecond ?? NaN;
  const fg = 'franchise-graph';
  const oneConnection = find(fg, 'Q1', 1)!;
  const maxSql = (query: QueryId) => find(fg, query)?.sqlPerRequest?.max ?? NaN;
  const q1Counts = Object.values(q1Statements).flat();
  // Against the peer, a PostgreSQL run compares two databases as much as two servers: shown, not judged.
  const acrossDatabases = settings.db !== 'sqlite';
  const rows: (Target | RatioTarget)[] = [
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
    {
      target: 'Q1 ≥ 0.7× the graphql-js peer',
      ratio: rps(fg, 'Q1') / rps('peer', 'Q1'),
      min: 0.7,
      acrossDatabases,
    },
    {
      target: 'Q0 ≥ 0.4× the peer’s Q0',
      ratio: rps(fg, 'Q0') / rps('peer', 'Q0'),
      min: 0.4,
      acrossDatabases,
    },
    { target: 'Q3 ≥ 0.5× Q2', ratio: rps(fg, 'Q3') / rps(fg, 'Q2'), min: 0.5 },
    { target: 'Q4 ≥ 0.5× Q2', ratio: rps(fg, 'Q4') / rps(fg, 'Q2'), min: 0.5 },
    {
      target: 'Q1 p99 ≤ 2.5× p50 at 1 connection',
      ratio: oneConnection.p99Ms / oneConnection.p50Ms,
      max: 2.5,
    },
    { target: 'peak RSS ≤ 300 MB', ratio: peaks[fg], max: 300, unit: 'MB' },
  ];
  return rows.map((row): Target => {
    if ('met' in row) return row;
    const value = row.ratio;
    // A run in which no request finished (N+1's Q1 on PostgreSQL in a 3 s --quick run) has no rate.
    if (!Number.isFinite(value) || value === 0) {
      return {
        target: row.target,
        value: 'not measured',
        met: null,
        why: 'a run finished no request',
      };
    }
    const met = row.min !== undefined ? value >= row.min : value <= row.max!;
    return {
      target: row.target,
      value: row.unit ? `${fmt(value)} ${row.unit}` : `${fmt(value, 2)}×`,
      ...(row.acrossDatabases ? { met: null, why: 'peer on SQLite' } : { met }),
    };
  });
}

/** A target judged on a ratio (or a quantity with a unit) against a minimum or a maximum. */
interface RatioTarget {
  target: string;
  ratio: number;
  min?: number;
  max?: number;
  unit?: string;
  /** Compares servers on different databases (the peer on SQLite in a PostgreSQL run). */
  acrossDatabases?: boolean;
}

interface Target {
  target: string;
  value: string;
  /** `null`: shown but not judged, for the reason in `why`. */
  met: boolean | null;
  why?: string;
}

/** The results as Markdown tables (pasted into the README as they are). */
export function renderTable(
  measurements: readonly Measurement[],
  q5: string | Measurement,
  peaks: Record<string, number>,
  targets: readonly Target[],
  settings: Settings,
  postgres?: PostgresRun,
): string {
  const titles = new Map([Q0, Q1, Q2, Q3, Q4, Q5].map((q) => [q.id, q.title]));
  const label = (server: string) => (postgres && server === 'peer' ? 'peer (SQLite)' : server);
  const lines = [
    `scale ${settings.scale}, ${settings.connections} connections (unless noted), ${settings.duration} s per run after ${settings.warmup} s warm-up`,
    '',
  ];
  if (postgres) {
    const { version, fsync, synchronousCommit } = postgres.server;
    lines.push(
      `franchise-graph and n+1 on PostgreSQL ${version.split(' ')[0]} (fsync ${fsync}, synchronous_commit ${synchronousCommit}), ` +
        `loaded from the SQLite file in ${postgres.loadSeconds[String(settings.scale)]} s; ` +
        'peer (SQLite) reads the SQLite file with the same rows, so its rows and the ratios against it compare ' +
        'two databases as much as two servers. Peak RSS is the Node process only, not the PostgreSQL server.',
      '',
    );
  }
  lines.push(
    '| server | query | conns | req/s | p50 ms | p99 ms | SQL/request | failures | peak RSS MB |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const m of measurements) {
    const sql =
      m.sqlPerRequest == null
        ? '–'
        : m.sqlPerRequest.min === m.sqlPerRequest.max
          ? String(m.sqlPerRequest.max)
          : `${m.sqlPerRequest.min}–${m.sqlPerRequest.max} (mean ${m.sqlPerRequest.mean})`;
    // No request finished in the run: autocannon's latencies are zeros, not measurements.
    const latency = (value: number) => (m.requests === 0 ? '–' : fmt(value, 1));
    lines.push(
      `| ${label(m.server)} | ${m.query} ${titles.get(m.query)} | ${m.connections} | ${fmt(m.requestsPerSecond)} | ${latency(m.p50Ms)} | ${latency(m.p99Ms)} | ${sql} | ${m.failures} | ${m.peakRssMb} |`,
    );
  }
  if (typeof q5 === 'string')
    lines.push(`| franchise-graph | Q5 ${titles.get('Q5')} | | ${q5} | | | | | |`);
  lines.push(
    '',
    `Peak RSS per server (MB): ${Object.entries(peaks)
      .map(([k, v]) => `${label(k)} ${v}`)
      .join(', ')}`,
    '',
  );
  lines.push('| target | measured | met |', '|---|---|---|');
  for (const t of targets) {
    const met = t.met === null ? `n/a (${t.why})` : t.met ? 'yes' : 'NO';
    lines.push(`| ${t.target} | ${t.value} | ${met} |`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
