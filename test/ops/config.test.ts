import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig, POSTGRES_DEFAULTS } from '../../src/config';
import { forMigrations } from '../../src/db/data-source';
import { configRefusal } from '../support/config-refusal';

const PG = 'postgres://fg:secret@db.internal:5432/franchise_graph';

describe('the PostgreSQL settings', () => {
  test('default to a pool of 10, a 30 s statement timeout and a 60 s idle-in-transaction timeout, no replicas', () => {
    expect(loadConfig({ DATABASE_URL: PG }).database).toEqual({
      type: 'postgres',
      url: PG,
      replicaUrls: [],
      ...POSTGRES_DEFAULTS,
    });
    expect(POSTGRES_DEFAULTS).toEqual({
      poolSize: 10,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 60_000,
    });
  });

  test('are read from DATABASE_POOL_SIZE, the two timeout variables and DATABASE_REPLICA_URLS', () => {
    const replicas =
      'postgres://fg:secret@replica-1:5432/franchise_graph, postgresql://replica-2/franchise_graph';
    expect(
      loadConfig({
        DATABASE_URL: PG,
        DATABASE_POOL_SIZE: '25',
        DATABASE_STATEMENT_TIMEOUT_MS: '5000',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
        DATABASE_REPLICA_URLS: replicas,
      }).database,
    ).toEqual({
      type: 'postgres',
      url: PG,
      replicaUrls: [
        'postgres://fg:secret@replica-1:5432/franchise_graph',
        'postgresql://replica-2/franchise_graph',
      ],
      poolSize: 25,
      statementTimeoutMs: 5000,
      idleInTransactionTimeoutMs: 0,
    });
  });

  test('a bad value is one line naming the variable', () => {
    expect(configRefusal({ DATABASE_URL: PG, DATABASE_POOL_SIZE: '0' })).toBe(
      'DATABASE_POOL_SIZE: expected a whole number from 1 to 1000, got "0"',
    );
    expect(configRefusal({ DATABASE_URL: PG, DATABASE_POOL_SIZE: 'ten' })).toBe(
      'DATABASE_POOL_SIZE: expected a whole number from 1 to 1000, got "ten"',
    );
    expect(configRefusal({ DATABASE_URL: PG, DATABASE_STATEMENT_TIMEOUT_MS: '-1' })).toBe(
      'DATABASE_STATEMENT_TIMEOUT_MS: expected a whole number from 0 to 86400000, got "-1"',
    );
    expect(
      configRefusal({ DATABASE_URL: PG, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1.5' }),
    ).toBe(
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: expected a whole number from 0 to 86400000, got "1.5"',
    );
  });

  test('a replica URL that is not postgres:// names DATABASE_REPLICA_URLS and hides the password', () => {
    expect(
      configRefusal({
        DATABASE_URL: PG,
        DATABASE_REPLICA_URLS: 'mysql://fg:secret@replica/franchise_graph',
      }),
    ).toBe(
      'DATABASE_REPLICA_URLS: expected postgres://user:pass@host:5432/db, got "mysql://fg:***@replica/franchise_graph"',
    );
  });

  test('are ignored on SQLite, which has no pool and no server', () => {
    expect(
      loadConfig({ DATABASE_URL: 'sqlite:data/x.sqlite', DATABASE_POOL_SIZE: '5' }).database,
    ).toEqual({
      type: 'sqlite',
      path: 'data/x.sqlite',
    });
  });
});

test('the server refuses to start on a bad database setting with one line on stderr', () => {
  const run = spawnSync(
    process.execPath,
    [resolve(__dirname, '..', '..', 'dist', 'src', 'main.js')],
    {
      env: { ...process.env, DATABASE_URL: PG, DATABASE_POOL_SIZE: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    'franchise-graph cannot start: DATABASE_POOL_SIZE: expected a whole number from 1 to 1000, got "0"\n',
  );
});

test('migrations run on the primary without a statement timeout (an index build may take minutes)', () => {
  const database = loadConfig({
    DATABASE_URL: PG,
    DATABASE_STATEMENT_TIMEOUT_MS: '2000',
    DATABASE_REPLICA_URLS: 'postgres://replica/franchise_graph',
  }).database;
  expect(forMigrations(database)).toEqual({ ...database, replicaUrls: [], statementTimeoutMs: 0 });
  const sqlite = loadConfig({ DATABASE_URL: 'sqlite:data/x.sqlite' }).database;
  expect(forMigrations(sqlite)).toBe(sqlite);
});
