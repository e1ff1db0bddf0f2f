/**
 * The only reader of `process.env`. Parses and validates every setting once; a bad value stops start-up
 * with one line naming the variable.
 */

export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly path: string }
  | { readonly type: 'postgres'; readonly url: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly corsOrigins: readonly string[];
  readonly logLevel: LogLevel;
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** Writes (mutations) one API key may make per minute on one server. */
  readonly writeRateLimit: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS = ['development', 'production', 'test'] as const;

export const DEFAULT_DATABASE_URL = 'sqlite:data/franchise-graph.sqlite';

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError('PORT', `expected a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const url = raw === undefined || raw === '' ? DEFAULT_DATABASE_URL : raw;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:data/db.sqlite');
    return { type: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', 'not a valid postgres:// URL');
    }
    return { type: 'postgres', url };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `expected sqlite:<path> or postgres://user:pass@host:5432/db, got "${url.replace(/:[^:@/]*@/, ':***@')}"`,
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
      throw new ConfigError('CORS_ORIGINS', `"${trimmed}" is not an origin like https://example.com`);
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
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new ConfigError(variable, `expected a whole number above 0, got "${raw}"`);
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = parseOneOf('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development');
  return Object.freeze({
    port: parsePort(env.PORT),
    database: Object.freeze(parseDatabaseUrl(env.DATABASE_URL)),
    corsOrigins: Object.freeze(parseCorsOrigins(env.CORS_ORIGINS)),
    logLevel: parseOneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    nodeEnv,
    writeRateLimit: parsePositiveInt('WRITE_RATE_LIMIT', env.WRITE_RATE_LIMIT, 300),
  });
}
