import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants as osConstants, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { encodeCursor } from '../src/graphql/relay/connection';
import { toGlobalId } from '../src/graphql/relay/global-id';
import { parseDatabaseUrl } from '../src/config';
import { MIGRATIONS } from '../src/db/migrations';
import { buildSyntheticDatabase, SYNTHETIC_VERSION } from '../seeds/synthetic';
import { createEditorKey } from './editor-key';
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
  q5Input,
  READ_QUERIES,
  type BenchQuery,
  type QueryId,
  type ReportedCredit,
} from './queries';

/**
 * `npm run bench [-- --quick] [--scale 1] [--connections 10] [--duration 5] [--rounds 5] [--db sqlite|postgres]`
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
  /** Seconds of warm-up before a server's first timed run of a query (later rounds need none). */
  warmup: number;
  /** Seconds of each timed run. */
  duration: number;
  /** Rounds of timed runs: every server runs each query once per round, interleaved (A B C A B C …). */
  rounds: number;
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
    warmup: option('warmup') ?? (quick ? 0.5 : 2),
    duration: option('duration') ?? (quick ? 1.25 : 5),
    rounds: Math.max(3, option('rounds') ?? (quick ? 3 : 5)),
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
      Q3: spread(deep(matching), count).map((id) => ({
        after: encodeCursor('attachments:FIRST_RECORDED', [id]),
      })),
      Q4: spread(deep(films), count).map((film) => ({
        after: encodeCursor('films:RELEASE_DATE', [film.releaseDate ?? '9999-12-31', film.id]),
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

type ServerKind =
  'franchise-graph' | 'n+1' | 'peer' | 'peer on Apollo' | 'hello' | 'bare Apollo' | 'floor';

/**
 * Pinning: where `taskset` exists and there are at least two CPUs, every server runs on the last CPU
 * and the bench itself (autocannon, the load generator) on the others, so the two never take turns on
 * one CPU. `PINNING.note` says what was done, for the results.
 */
const PINNING = (() => {
  const count = cpus().length;
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));
  if (!taskset || count < 2) {
    return { taskset: null, serverCpu: null, note: 'not pinned (no taskset, or one CPU)' };
  }
  const serverCpu = count - 1;
  const others = count === 2 ? '0' : `0-${count - 2}`;
  const pinned = spawnSync(taskset, ['-cp', others, String(process.pid)]);
  if (pinned.status !== 0) {
    return {
      taskset: null,
      serverCpu: null,
      note: `not pinned (taskset failed: ${pinned.stderr})`,
    };
  }
  return {
    taskset,
    serverCpu,
    note: `servers pinned to CPU ${serverCpu}, the load generator to CPU ${others} (taskset)`,
  };
})();

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
    'peer on Apollo': 'bench/apollo-peer-server.js',
    hello: 'bench/hello-server.js',
    'bare Apollo': 'bench/bare-apollo-server.js',
    floor: 'bench/floor-server.js',
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
  const command = [process.execPath, ...SERVER_NODE_FLAGS, join(DIST, script)];
  if (PINNING.taskset) command.unshift(PINNING.taskset, '-c', String(PINNING.serverCpu));
  const child: ChildProcess = spawn(command[0], command.slice(1), {
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

/** One timed run of one query on one server. */
interface Run {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
}

/** A server's query over every round: medians, with each round's rate. */
interface Measurement {
  server: string;
  query: QueryId;
  connections: number;
  /** The median over the rounds. */
  requestsPerSecond: number;
  /** Each round's rate, in round order. */
  rounds: number[];
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
/** The same in a `--quick` run (which must stay under 3 minutes). */
const QUICK_COUNTED_REQUESTS = 20;

/** The queries on which the peer on Apollo is run: the ceiling of their targets against the peer. */
const CEILING_QUERIES = [Q2, Q3, Q4];

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
  count = COUNTED_REQUESTS,
): Promise<number[]> {
  const picked = spread(inputs, count);
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
 * One timed run (after a warm-up of `warmup` seconds, if any); every request takes the next set of
 * variables. The rate is the requests answered over the run's real duration.
 */
async function timedRun(
  server: Server,
  query: BenchQuery,
  inputs: readonly Variables[],
  settings: Settings,
  warmup: number,
  connections = settings.connections,
  headers: Record<string, string> = {},
): Promise<Run> {
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
  if (warmup > 0) await run(warmup);
  failures = 0;
  const result = await run(settings.duration);
  return {
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: failures + result.errors + result.timeouts + result.non2xx,
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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

/** Q5's variables: a new report on an existing credit each time (so each request really writes). */
function writeInputs(path: string, count: number): Variables[] {
  const db = new Database(path, { readonly: true });
  try {
    const credits = db
      // Credits without a character: film, person and role name them (a CAST credit with a character
      // would need the character too, or the report would create another credit).
      .prepare(
        'SELECT "filmId", "personId", role FROM credit WHERE "characterId" IS NULL ORDER BY id LIMIT ?',
      )
      .all(count) as ReportedCredit[];
    const stamp = Date.now();
    return credits.map((credit, i) => ({
      input: q5Input(credit, {
        url: `https://bench.example/${stamp}/${i}`,
        title: `Bench report ${i}`,
      }),
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

/** A server's timed runs of one query, one per round. */
interface Series {
  readonly server: Server;
  readonly query: BenchQuery;
  readonly connections: number;
  /** The variables of a round (Q5 takes new reports each round). */
  readonly inputs: (round: number) => readonly Variables[];
  readonly headers?: Record<string, string>;
  readonly runs: Run[];
}

async function runBench(settings: Settings, plan: BenchPlan): Promise<void> {
  const { path, otherPath, otherScale, appUrl, inputs, postgres, started, load } = plan;
  const readInputs = (query: BenchQuery) => inputs[query.id as Exclude<QueryId, 'Q5'>];
  const answersMatch: Record<string, boolean> = {};
  /** SQL statements per request, by `${server} ${query}`, from the counting passes. */
  const sql = new Map<string, SqlPerRequest | null>();
  let reference: Map<string, unknown> | undefined;
  const countedRequests = settings.quick ? QUICK_COUNTED_REQUESTS : COUNTED_REQUESTS;
  // The peer on Apollo is reported, not judged: a --quick run leaves it out to stay under 3 minutes.
  const ceiling = !settings.quick;

  // First a counting pass per server, on a server that logs each request: the same answers as
  // franchise-graph's (or the comparison means nothing; on PostgreSQL this also checks the copy), and
  // the SQL statements of each request.
  const counted: [ServerKind, readonly BenchQuery[]][] = [
    ['franchise-graph', READ_QUERIES],
    ['n+1', READ_QUERIES],
    ['peer', READ_QUERIES],
    ...(ceiling
      ? [['peer on Apollo', CEILING_QUERIES] as [ServerKind, readonly BenchQuery[]]]
      : []),
    ['floor', [Q1]],
  ];
  for (const [kind, queries] of counted) {
    const server = await startServer(kind, path, appUrl.get(path), { logRequests: true });
    try {
      const answers = new Map<string, unknown>();
      for (const query of queries) {
        for (const variables of readInputs(query).slice(0, 3)) {
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
      for (const query of queries) {
        const counts = await countStatements(
          server,
          query,
          readInputs(query),
          settings.connections,
          {},
          countedRequests,
        );
        sql.set(`${kind} ${query.id}`, summarize(counts));
      }
    } finally {
      await server.stop();
    }
  }

  // Q5 writes: franchise-graph and the peer each on a copy of the database (the cached synthetic one
  // stays as generated), with an editor key made for the run, each request a new report (its own
  // source URL) on an existing credit. On PostgreSQL franchise-graph's copy is a database made from the
  // read one as a template; the peer's is a SQLite file, as always.
  const writePath = `${path}.q5.sqlite`;
  const peerWritePath = `${path}.q5-peer.sqlite`;
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
  copyFileSync(path, peerWritePath);

  const servers: Server[] = [];
  try {
    const authorization = {
      'franchise-graph': {
        authorization: `Bearer ${await createEditorKey(parseDatabaseUrl(writeUrl), 'bench')}`,
      },
      peer: {
        authorization: `Bearer ${await createEditorKey(parseDatabaseUrl(`sqlite:${peerWritePath}`), 'bench')}`,
      },
    };
    let writes = false;
    for (const [kind, file, url] of [
      ['franchise-graph', writePath, writeUrl],
      ['peer', peerWritePath, `sqlite:${peerWritePath}`],
    ] as const) {
      const counting = await startServer(kind, file, url, { logRequests: true });
      try {
        if (kind === 'franchise-graph') writes = await hasRecordAttachment(counting.port);
        if (!writes) break;
        log(`${kind} Q5: counting SQL statements …`);
        const reports = writeInputs(path, countedRequests);
        const counts = await countStatements(
          counting,
          Q5,
          reports,
          settings.connections,
          authorization[kind],
          countedRequests,
        );
        sql.set(`${kind} Q5`, summarize(counts));
      } finally {
        await counting.stop();
      }
    }

    // Then the timed runs, on servers that log nothing, all started now and measured in turns.
    const start = async (kind: ServerKind, file = path, url = appUrl.get(path)) => {
      const server = await startServer(kind, file, url);
      servers.push(server);
      return server;
    };
    const fg = await start('franchise-graph');
    const nPlusOne = await start('n+1');
    const peer = await start('peer');
    const peerOnApollo = ceiling ? await start('peer on Apollo') : null;
    const hello = await start('hello');
    const bare = await start('bare Apollo');
    const floor = await start('floor');
    const series: Series[] = [];
    const add = (
      server: Server,
      query: BenchQuery,
      connections = settings.connections,
      extra: Partial<Pick<Series, 'inputs' | 'headers'>> = {},
    ) =>
      series.push({
        server,
        query,
        connections,
        inputs: () => readInputs(query),
        runs: [],
        ...extra,
      });
    for (const server of [fg, bare, peer, nPlusOne, hello]) add(server, Q0);
    for (const server of [fg, peer, nPlusOne]) add(server, Q1);
    for (const query of CEILING_QUERIES)
      for (const server of [fg, peer, peerOnApollo, nPlusOne]) if (server) add(server, query);
    for (const server of [fg, floor]) add(server, Q1, 1);
    if (writes) {
      const fgWrites = await start('franchise-graph', writePath, writeUrl);
      const peerWrites = await start('peer', peerWritePath, `sqlite:${peerWritePath}`);
      // New reports every round (writeInputs stamps each call's source URLs), never the counted ones.
      for (const [server, kind] of [
        [fgWrites, 'franchise-graph'],
        [peerWrites, 'peer'],
      ] as const) {
        add(server, Q5, settings.connections, {
          inputs: () => writeInputs(path, 20_000),
          headers: authorization[kind],
        });
      }
    }

    for (let round = 0; round < settings.rounds; round++) {
      log(`round ${round + 1} of ${settings.rounds} (load ${loadavg()[0].toFixed(2)}) …`);
      for (const one of series) {
        one.runs.push(
          await timedRun(
            one.server,
            one.query,
            one.inputs(round),
            settings,
            round === 0 ? settings.warmup : 0,
            one.connections,
            one.headers,
          ),
        );
      }
    }

    const peaks: Record<string, number> = {};
    for (const server of servers)
      peaks[server.name] = Math.max(peaks[server.name] ?? 0, peakRssMb(server.pid));
    const measurements = series.map((one): Measurement => {
      const rates = one.runs.map((run) => run.requestsPerSecond);
      return {
        server: one.server.name,
        query: one.query.id,
        connections: one.connections,
        requestsPerSecond: Math.round(median(rates)),
        rounds: rates.map((rate) => Math.round(rate)),
        p50Ms: median(one.runs.map((run) => run.p50Ms)),
        p99Ms: median(one.runs.map((run) => run.p99Ms)),
        sqlPerRequest: sql.get(`${one.server.name} ${one.query.id}`) ?? null,
        requests: one.runs.reduce((total, run) => total + run.requests, 0),
        failures: one.runs.reduce((total, run) => total + run.failures, 0),
        peakRssMb: peakRssMb(one.server.pid),
      };
    });
    for (const server of servers.splice(0)) await server.stop();

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
        loadAverageAtEnd: loadavg()[0],
        pinning: PINNING.note,
      },
      ...(postgres && {
        postgres: {
          ...postgres,
          note: 'franchise-graph and n+1 read PostgreSQL; peer and floor read the SQLite file with the same rows',
        },
      }),
      seconds: Math.round((Date.now() - started) / 1000),
      answersMatch,
      peakRssMb: peaks,
      q1StatementsByScale: q1Statements,
      q5: writes ? 'measured' : 'n/a (no recordAttachment)',
      measurements,
      targets,
      // Other figures of the run (a fan-out figure, bench/fanout.ts) join the results here.
    };
    const file = settings.db === 'sqlite' ? 'results.json' : `results-${settings.db}.json`;
    writeFileSync(join(ROOT, 'bench', file), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(
      `${renderTable(results.measurements, peaks, targets, settings, results.machine, postgres)}\n`,
    );
    log(`done in ${results.seconds} s; wrote bench/${file}`);
  } finally {
    for (const server of servers) await server.stop();
    for (const file of [writePath, peerWritePath])
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

/** A ratio between two series, round by round: its median and its spread. */
interface Ratio {
  median: number;
  min: number;
  max: number;
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
  /** `a` over `b` in each round (they ran in the same round, minutes apart at most). */
  const ratio = (a: Measurement | undefined, b: Measurement | undefined): Ratio | null => {
    if (!a || !b) return null;
    const perRound = a.rounds.map((rate, i) => rate / b.rounds[i]);
    if (perRound.some((value) => !Number.isFinite(value) || value === 0)) return null;
    return { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) };
  };
  const fg = 'franchise-graph';
  const oneConnection = find(fg, 'Q1', 1);
  const maxSql = (query: QueryId) => find(fg, query)?.sqlPerRequest?.max ?? NaN;
  const q1Counts = Object.values(q1Statements).flat();
  // Against the peer and the floor (SQLite only), a PostgreSQL run compares two databases as much as
  // two servers: shown, not judged.
  const acrossDatabases = settings.db !== 'sqlite';
  const vsPeer = (query: QueryId, min: number, connections = settings.connections) => ({
    target: `${query} ≥ ${min}× the peer`,
    ratio: ratio(find(fg, query, connections), find('peer', query, connections)),
    min,
    acrossDatabases,
  });
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
    {
      target: 'Q5 SQL statements ≤ 8',
      value: String(maxSql('Q5')),
      met: Number.isFinite(maxSql('Q5')) ? maxSql('Q5') <= 8 : null,
      ...(Number.isFinite(maxSql('Q5')) ? {} : { why: 'not measured' }),
    },
    vsPeer('Q2', 0.8),
    vsPeer('Q3', 0.8),
    vsPeer('Q4', 0.8),
    // What Apollo alone leaves of the peer's rate: the ceiling of the three targets above.
    ...CEILING_QUERIES.map(({ id }) => id)
      .filter((query) => find('peer on Apollo', query))
      .map((query) => ({
        target: `${query}: the peer on Apollo against the peer (reported, not judged: the most an Apollo server doing the peer's work reaches)`,
        ratio: ratio(find('peer on Apollo', query), find('peer', query)),
        notJudged: 'reported only',
      })),
    vsPeer('Q1', 1.3),
    {
      target: 'Q1 (1 connection) ≥ 0.4× the single-statement floor',
      ratio: ratio(oneConnection, find('floor', 'Q1', 1)),
      min: 0.4,
      acrossDatabases,
    },
    {
      target: 'Q0 ≥ 0.9× bare Apollo Server',
      ratio: ratio(find(fg, 'Q0'), find('bare Apollo', 'Q0')),
      min: 0.9,
    },
    {
      target: 'Q0 against the peer’s Q0 (reported, not judged)',
      ratio: ratio(find(fg, 'Q0'), find('peer', 'Q0')),
      notJudged: 'reported only',
    },
    { ...vsPeer('Q5', 0.6), target: 'Q5 (write) ≥ 0.6× the peer’s same write by hand' },
    { target: 'Q1 ≥ 2× the N+1 baseline', ratio: ratio(find(fg, 'Q1'), find('n+1', 'Q1')), min: 2 },
    { target: 'Q3 ≥ 0.5× Q2', ratio: ratio(find(fg, 'Q3'), find(fg, 'Q2')), min: 0.5 },
    { target: 'Q4 ≥ 0.5× Q2', ratio: ratio(find(fg, 'Q4'), find(fg, 'Q2')), min: 0.5 },
    {
      target: 'Q1 p99 ≤ 2.5× p50 at 1 connection (median p99 / median p50)',
      ratio: oneConnection ? single(oneConnection.p99Ms / oneConnection.p50Ms) : null,
      max: 2.5,
    },
    { target: 'peak RSS ≤ 300 MB', ratio: single(peaks[fg]), max: 300, unit: 'MB' },
  ];
  return rows.map((row): Target => {
    if ('met' in row) return row;
    const value = row.ratio;
    // A run in which no request finished (N+1's Q1 on PostgreSQL in a short run) has no rate.
    if (value === null || !Number.isFinite(value.median) || value.median === 0) {
      return {
        target: row.target,
        value: 'not measured',
        met: null,
        why: 'a run finished no request',
      };
    }
    const show = (n: number) => (row.unit ? `${fmt(n)} ${row.unit}` : `${fmt(n, 2)}×`);
    const spread = value.min === value.max ? undefined : `${show(value.min)}–${show(value.max)}`;
    const base = { target: row.target, value: show(value.median), ...(spread && { spread }) };
    if (row.notJudged) return { ...base, met: null, why: row.notJudged };
    if (row.acrossDatabases) return { ...base, met: null, why: 'peer and floor on SQLite' };
    const met = row.min !== undefined ? value.median >= row.min : value.median <= row.max!;
    return { ...base, met };
  });
}

/** A quantity measured once (no rounds): its own median and spread. */
const single = (value: number): Ratio => ({ median: value, min: value, max: value });

/** A target judged on a ratio's median (or a quantity with a unit) against a minimum or a maximum. */
interface RatioTarget {
  target: string;
  ratio: Ratio | null;
  min?: number;
  max?: number;
  unit?: string;
  /** Compares servers on different databases (the peer on SQLite in a PostgreSQL run). */
  acrossDatabases?: boolean;
  /** Shown but not judged, for this reason. */
  notJudged?: string;
}

interface Target {
  target: string;
  /** The median (of the per-round ratios, for a ratio). */
  value: string;
  /** The per-round ratios' min–max, when they differ. */
  spread?: string;
  /** `null`: shown but not judged, for the reason in `why`. */
  met: boolean | null;
  why?: string;
}

/** The results as Markdown tables (pasted into the README as they are). */
export function renderTable(
  measurements: readonly Measurement[],
  peaks: Record<string, number>,
  targets: readonly Target[],
  settings: Settings,
  machine: { loadAverageAtStart: number; loadAverageAtEnd: number; pinning: string },
  postgres?: PostgresRun,
): string {
  const titles = new Map([Q0, Q1, Q2, Q3, Q4, Q5].map((q) => [q.id, q.title]));
  const onSqlite = new Set(['peer', 'floor']);
  const label = (server: string) =>
    postgres && onSqlite.has(server) ? `${server} (SQLite)` : server;
  const lines = [
    `scale ${settings.scale}, ${settings.connections} connections (unless noted), ${settings.rounds} interleaved rounds of ` +
      `${settings.duration} s per run (${settings.warmup} s warm-up before each first run); ${machine.pinning}; ` +
      `load average ${machine.loadAverageAtStart.toFixed(2)} at the start, ${machine.loadAverageAtEnd.toFixed(2)} at the end`,
    '',
  ];
  if (postgres) {
    const { version, fsync, synchronousCommit } = postgres.server;
    lines.push(
      `franchise-graph and n+1 on PostgreSQL ${version.split(' ')[0]} (fsync ${fsync}, synchronous_commit ${synchronousCommit}), ` +
        `loaded from the SQLite file in ${postgres.loadSeconds[String(settings.scale)]} s; ` +
        'peer and floor (SQLite) read the SQLite file with the same rows, so their rows and the ratios against them compare ' +
        'two databases as much as two servers. Peak RSS is the Node process only, not the PostgreSQL server.',
      '',
    );
  }
  lines.push(
    '| server | query | conns | req/s (median) | rounds min–max | p50 ms | p99 ms | SQL/request | failures | peak RSS MB |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  );
  for (const m of measurements) {
    const sqlText =
      m.sqlPerRequest == null
        ? '–'
        : m.sqlPerRequest.min === m.sqlPerRequest.max
          ? String(m.sqlPerRequest.max)
          : `${m.sqlPerRequest.min}–${m.sqlPerRequest.max} (mean ${m.sqlPerRequest.mean})`;
    // No request finished in the run: autocannon's latencies are zeros, not measurements.
    const latency = (value: number) => (m.requests === 0 ? '–' : fmt(value, 1));
    const spread = `${fmt(Math.min(...m.rounds))}–${fmt(Math.max(...m.rounds))}`;
    lines.push(
      `| ${label(m.server)} | ${m.query} ${titles.get(m.query)} | ${m.connections} | ${fmt(m.requestsPerSecond)} | ${spread} | ${latency(m.p50Ms)} | ${latency(m.p99Ms)} | ${sqlText} | ${m.failures} | ${m.peakRssMb} |`,
    );
  }
  lines.push(
    '',
    `Peak RSS per server (MB): ${Object.entries(peaks)
      .map(([k, v]) => `${label(k)} ${v}`)
      .join(', ')}`,
    '',
  );
  lines.push('| target | median | spread (min–max over rounds) | met |', '|---|---|---|---|');
  for (const t of targets) {
    const met = t.met === null ? `n/a (${t.why})` : t.met ? 'met' : 'NOT met';
    lines.push(`| ${t.target} | ${t.value} | ${t.spread ?? '–'} | ${met} |`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
