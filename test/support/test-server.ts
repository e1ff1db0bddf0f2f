import type { Server } from 'node:http';
import { Kind, parse, type GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { prepareDatabase } from '../../src/db/bootstrap';
import { seed } from '../../seeds/seed';
import type { LoaderOptions } from '../../src/db/batching';
import { createLogger, type Logger } from '../../src/lib/logger';
import { newTrackedRequest, type TrackedRequest } from '../../src/graphql/request';
import { closeWriter } from '../../src/db/transactions';
import { loadConfig, type AppConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createApp, type App } from '../../src/app';
import { listen } from '../../src/http/server';
import { createTestDatabase } from './test-database';

export interface OperationResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface TestServer {
  readonly dataSource: DataSource;
  readonly app: App;
  readonly config: AppConfig;
  /**
   * Runs an operation through Apollo (no HTTP), with a fresh context as a request would get; with
   * `apiKey`, as if it was sent as `Authorization: Bearer <apiKey>`.
   */
  execute<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<OperationResult<TData>>;
  /** Runs an operation and counts the SQL statements it ran. */
  executeCounted<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: ExecuteOptions,
  ): Promise<{ result: OperationResult<TData>; statements: number }>;
  /** Starts real HTTP on port 0; resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface ExecuteOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
  /** The raw Authorization header (wins over `apiKey`). */
  readonly authorization?: string;
}

export interface TestServerOptions {
  /** Load the real seed data (default true). */
  readonly seed?: boolean;
  readonly loaderOptions?: LoaderOptions;
  /** More settings; as a function, of the new database's DATABASE_URL. */
  readonly env?: NodeJS.ProcessEnv | ((databaseUrl: string) => NodeJS.ProcessEnv);
  readonly logger?: Logger;
}

/**
 * A fresh database, migrated and seeded, behind the real app: a SQLite file in a temporary folder, or,
 * when DATABASE_URL names a PostgreSQL server, a new database on it. Each test file makes its own;
 * `close()` removes everything.
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    ...(typeof options.env === 'function' ? options.env(database.url) : options.env),
  });
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  if (options.seed === false) await dataSource.runMigrations();
  else await prepareDatabase(dataSource, seed);

  const logger = options.logger ?? createLogger('silent');
  const app = await createApp({ dataSource, config, logger, loaderOptions: options.loaderOptions });
  await app.start();
  let server: Server | undefined;
  let requestCounter = 0;

  const execute = async <TData>(
    query: string,
    variables?: Record<string, unknown>,
    auth: ExecuteOptions = {},
    tracked: TrackedRequest = newTrackedRequest(`test-${++requestCounter}`),
  ) => {
    expectNamedOperations(query);
    const contextValue = await app.contextFor({
      tracked,
      authorization:
        auth.authorization ?? (auth.apiKey === undefined ? undefined : `Bearer ${auth.apiKey}`),
    });
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as OperationResult<TData>;
  };

  return {
    dataSource,
    app,
    config,
    execute,
    async executeCounted<TData>(
      query: string,
      variables?: Record<string, unknown>,
      auth?: ExecuteOptions,
    ) {
      const tracked = newTrackedRequest(`test-${++requestCounter}`);
      const result = await execute<TData>(query, variables, auth, tracked);
      return { result, statements: tracked.sqlTally.statements };
    },
    async listen() {
      const started = await listen(app.handler, 0, '127.0.0.1', app.upgrade);
      server = started.server;
      return `http://127.0.0.1:${started.port}`;
    },
    async close() {
      if (server) {
        server.closeAllConnections();
        const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
        // Upgraded (WebSocket) connections are not the HTTP server's to close: the app ends them.
        await app.stop();
        await closed;
      } else await app.stop();
      await closeWriter(dataSource);
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}

/**
 * Tests send named operations (`query FilmBySlug { … }`), as the log and the traces of a real client
 * name them. A document that does not parse is left to Apollo: some tests send one on purpose.
 */
function expectNamedOperations(query: string): void {
  let definitions;
  try {
    definitions = parse(query).definitions;
  } catch {
    return;
  }
  for (const definition of definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && !definition.name) {
      throw new Error(`name the operation: ${query.replace(/\s+/g, ' ').slice(0, 80)}`);
    }
  }
}
