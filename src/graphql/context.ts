import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/api-keys';
import type { WriteRateLimiter } from '../auth/rate-limit';
import type { LoaderOptions } from '../db/batching';
import type { OperationSummary, TrackedRequest } from '../http/request-log';
import type { SqlTally } from '../db/sql-tally';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets for one request. */
export interface Context {
  /** For writes (`runInTransaction`); reads go through `reader`, so that they are counted. */
  readonly dataSource: DataSource;
  /** The entity manager the request reads through: its statements count towards `sqlTally`. */
  readonly reader: EntityManager;
  /** The SQL statements the request has run so far (reads and writes). */
  readonly sqlTally: SqlTally;
  /** What the request's log line will say about the operation (filled in by the GraphQL layer). */
  readonly summary: OperationSummary;
  readonly loaders: Loaders;
  readonly requestId: string;
  /** The holder of the API key the request was sent with; null for anonymous requests. */
  readonly viewer: Viewer | null;
  /** Why the API key that was sent is not accepted; only operations that need a role fail because of it. */
  readonly authRejection: string | null;
  /** Counts this viewer's writes; shared by all requests of the process. */
  readonly writeLimiter: WriteRateLimiter | null;
}

export interface ContextOptions {
  /** The request's id, SQL tally and summary: its log line's. */
  readonly tracked: TrackedRequest;
  /** The entity manager the request reads through (`readerFor` its tally). */
  readonly reader: EntityManager;
  readonly loaderOptions?: LoaderOptions;
  readonly viewer?: Viewer | null;
  readonly authRejection?: string | null;
  readonly writeLimiter?: WriteRateLimiter | null;
}

export function createContext(dataSource: DataSource, options: ContextOptions): Context {
  const { tracked, reader } = options;
  return {
    dataSource,
    reader,
    sqlTally: tracked.sqlTally,
    summary: tracked.summary,
    loaders: createLoaders(reader, options.loaderOptions),
    requestId: tracked.requestId,
    viewer: options.viewer ?? null,
    authRejection: options.authRejection ?? null,
    writeLimiter: options.writeLimiter ?? null,
  };
}
