/**
 * The only reader of `process.env`. Parses and validates every setting once; a bad value stops start-up
 * with one line naming the variable.
 */
import { isIP } from 'node:net';
import { resolve as resolvePath } from 'node:path';

export interface SqliteConfig {
  readonly type: 'sqlite';
  readonly path: string;
}

export interface PostgresConfig {
  readonly type: 'postgres';
  /** The primary: every write, and every read unless replicas are configured. */
  readonly url: string;
  /** Read replicas (`DATABASE_REPLICA_URLS`): queries outside transactions are spread over them. */
  readonly replicaUrls: readonly string[];
  /** Connections per pool (`DATABASE_POOL_SIZE`); each replica gets a pool of its own. */
  readonly poolSize: number;
  /** A statement running longer is cancelled by the server (`DATABASE_STATEMENT_TIMEOUT_MS`; 0 = never). */
  readonly statementTimeoutMs: number;
  /** A transaction left idle longer is ended by the server (`DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS`; 0 = never). */
  readonly idleInTransactionTimeoutMs: number;
}

export type DatabaseConfig = SqliteConfig | PostgresConfig;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  readonly port: number;
  /** The address the server binds to (`HOST`). */
  readonly host: string;
  /** The port of the separate /metrics server (`METRICS_PORT`); null: no metrics at all. */
  readonly metricsPort: number | null;
  readonly database: DatabaseConfig;
  readonly corsOrigins: readonly string[];
  readonly logLevel: LogLevel;
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** Writes (mutations) one API key may make per minute on one server. */
  readonly writeRateLimit: number;
  /**
   * Seconds a shared cache (a CDN, a reverse proxy) may keep an anonymous GET query's answer
   * (`CACHE_MAX_AGE`); 0 makes those answers `no-cache` (stored, but revalidated with their ETag).
   */
  readonly cacheMaxAge: number;
  readonly subscriptions: SubscriptionLimits;
}

/** The limits of GraphQL subscriptions over WebSocket, per server. */
export interface SubscriptionLimits {
  /** Open WebSocket connections (`WS_MAX_CONNECTIONS`); one more is refused with 503. */
  readonly maxConnections: number;
  /** Subscriptions one connection may run at once (`WS_MAX_SUBSCRIPTIONS`). */
  readonly maxSubscriptions: number;
  /** How long a new connection may take to send `connection_init` (`WS_INIT_TIMEOUT_MS`). */
  readonly initTimeoutMs: number;
  /** The interval of WebSocket pings; a client that misses one is disconnected (`WS_KEEPALIVE_MS`). */
  readonly keepAliveMs: number;
  /** Changes read ahead for one subscription (`WS_MAX_QUEUED`). */
  readonly maxQueued: number;
  /** A subscription whose client takes nothing for this long while changes wait is closed (`WS_STALL_MS`). */
  readonly stallMs: number;
}

export const SUBSCRIPTION_DEFAULTS: SubscriptionLimits = {
  maxConnections: 2_000,
  maxSubscriptions: 20,
  initTimeoutMs: 5_000,
  keepAliveMs: 15_000,
  maxQueued: 200,
  stallMs: 10_000,
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];
const NODE_ENVS = ['development', 'production', 'test'] as const;

export const DEFAULT_DATABASE_URL = 'sqlite:data/franchise-graph.sqlite';

/** PostgreSQL defaults: pg's own pool size, and timeouts far above any legitimate request of this API. */
export const POSTGRES_DEFAULTS = {
  poolSize: 10,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
} as const;

function parsePort(variable: string, raw: string | undefined, fallback: number): number;
function parsePort(variable: string, raw: string | undefined, fallback: null): number | null;
function parsePort(variable: string, raw: string | undefined, fallback: number | null) {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(variable, `expected a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Loopback unless told otherwise, so a laptop never serves its network by accident; in production
 * (a container, behind a load balancer) every interface, which is what a container's port mapping needs.
 */
export function defaultHost(nodeEnv: AppConfig['nodeEnv']): string {
  return nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1';
}

function parseHost(raw: string | undefined, nodeEnv: AppConfig['nodeEnv']): string {
  if (raw === undefined || raw.trim() === '') return defaultHost(nodeEnv);
  const host = raw.trim();
  const hostname =
    /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
  if (isIP(host) === 0 && !hostname.test(host)) {
    throw new ConfigError(
      'HOST',
      `expected an IP address (127.0.0.1, 0.0.0.0, ::) or a host name, got "${raw}"`,
    );
  }
  return host;
}

/**
 * Which database a command works on, for people: the SQLite file's full path, or the PostgreSQL host,
 * port and database (never the user or the password).
 */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.type === 'sqlite') return `SQLite database ${resolvePath(database.path)}`;
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  return `PostgreSQL database ${name} on ${url.hostname || 'localhost'}:${url.port || '5432'}`;
}

/** A URL as it may appear in an error message: without its password. */
function redacted(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

function parsePostgresUrl(variable: string, url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      variable,
      `expected postgres://user:pass@host:5432/db, got "${redacted(url)}"`,
    );
  }
  try {
    new URL(url);
  } catch {
    throw new ConfigError(variable, 'not a valid postgres:// URL');
  }
  return url;
}

/** A whole number in [min, max], or `fallback` when the variable is unset. */
function parseInteger(
  variable: string,
  raw: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(variable, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseDatabaseUrl(
  raw: string | undefined,
  env: NodeJS.ProcessEnv = {},
): DatabaseConfig {
  const url = raw === undefined || raw === '' ? DEFAULT_DATABASE_URL : raw;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new ConfigError(
        'DATABASE_URL',
        'sqlite: needs a file path, e.g. sqlite:data/db.sqlite',
      );
    return { type: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const replicas = env.DATABASE_REPLICA_URLS?.trim() ?? '';
    const day = 24 * 60 * 60 * 1000;
    return {
      type: 'postgres',
      url: parsePostgresUrl('DATABASE_URL', url),
      replicaUrls: Object.freeze(
        replicas === ''
          ? []
          : replicas
              .split(',')
              .map((replica) => parsePostgresUrl('DATABASE_REPLICA_URLS', replica.trim())),
      ),
      poolSize: parseInteger(
        'DATABASE_POOL_SIZE',
        env.DATABASE_POOL_SIZE,
        1,
        1000,
        POSTGRES_DEFAULTS.poolSize,
      ),
      statementTimeoutMs: parseInteger(
        'DATABASE_STATEMENT_TIMEOUT_MS',
        env.DATABASE_STATEMENT_TIMEOUT_MS,
        0,
        day,
        POSTGRES_DEFAULTS.statementTimeoutMs,
      ),
      idleInTransactionTimeoutMs: parseInteger(
        'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        0,
        day,
        POSTGRES_DEFAULTS.idleInTransactionTimeoutMs,
      ),
    };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `expected sqlite:<path> or postgres://user:pass@host:5432/db, got "${redacted(url)}"`,
  );
}

function parseCorsOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    if (trimmed === '*') return trimmed;
    try {
      const parsed = new URL(trimmed);
      if (parsed.origin !== trimmed.replace(/\/$/, '')) throw new Error('not an origin');
      return parsed.origin;
    } catch {
      throw new ConfigError(
        'CORS_ORIGINS',
        `"${trimmed}" is not an origin like https://example.com`,
      );
    }
  });
}

function parseOneOf<T extends string>(
  variable: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(variable, `expected one of ${allowed.join(', ')}, got "${raw}"`);
}

function parsePositiveInt(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new ConfigError(variable, `expected a whole number above 0, got "${raw}"`);
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = parseOneOf('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development');
  return Object.freeze({
    port: parsePort('PORT', env.PORT, 4000),
    host: parseHost(env.HOST, nodeEnv),
    metricsPort: parsePort('METRICS_PORT', env.METRICS_PORT, null),
    database: Object.freeze(parseDatabaseUrl(env.DATABASE_URL, env)),
    corsOrigins: Object.freeze(parseCorsOrigins(env.CORS_ORIGINS)),
    logLevel: parseOneOf(
      'LOG_LEVEL',
      env.LOG_LEVEL,
      LOG_LEVELS,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    nodeEnv,
    writeRateLimit: parsePositiveInt('WRITE_RATE_LIMIT', env.WRITE_RATE_LIMIT, 300),
    cacheMaxAge: parseInteger('CACHE_MAX_AGE', env.CACHE_MAX_AGE, 0, 31_536_000, 60),
    subscriptions: Object.freeze(parseSubscriptionLimits(env)),
  });
}

function parseSubscriptionLimits(env: NodeJS.ProcessEnv): SubscriptionLimits {
  const d = SUBSCRIPTION_DEFAULTS;
  const hour = 60 * 60 * 1000;
  return {
    maxConnections: parseInteger(
      'WS_MAX_CONNECTIONS',
      env.WS_MAX_CONNECTIONS,
      0,
      1_000_000,
      d.maxConnections,
    ),
    maxSubscriptions: parseInteger(
      'WS_MAX_SUBSCRIPTIONS',
      env.WS_MAX_SUBSCRIPTIONS,
      1,
      1000,
      d.maxSubscriptions,
    ),
    initTimeoutMs: parseInteger(
      'WS_INIT_TIMEOUT_MS',
      env.WS_INIT_TIMEOUT_MS,
      100,
      hour,
      d.initTimeoutMs,
    ),
    keepAliveMs: parseInteger('WS_KEEPALIVE_MS', env.WS_KEEPALIVE_MS, 100, hour, d.keepAliveMs),
    maxQueued: parseInteger('WS_MAX_QUEUED', env.WS_MAX_QUEUED, 1, 100_000, d.maxQueued),
    stallMs: parseInteger('WS_STALL_MS', env.WS_STALL_MS, 100, hour, d.stallMs),
  };
}
