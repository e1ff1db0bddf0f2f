import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/api-keys';
import type { WriteRateLimiter } from '../auth/rate-limit';
import type { LoaderOptions } from '../db/batching';
import { withWriteTransaction, type TransactionWork } from '../db/transactions';
import { UnauthenticatedError } from '../errors';
import type { ChangeFeed } from '../events/change-feed';
import type { TrackedRequest } from './request';
import { createLoaders, type ClearableLoaders, type Loaders } from './loaders';

/** The request an operation came with: its log line's bookkeeping, and what its API key proved. */
export interface GraphqlRequest extends TrackedRequest {
  /** Why the API key that was sent is not accepted; only operations that need a role fail because of it. */
  readonly authRejection: string | null;
}

/** What every resolver gets for one request. */
export interface Context {
  readonly loaders: Loaders;
  /** The entity manager the request reads through: its statements count towards the request's tally. */
  readonly db: EntityManager;
  /** The holder of the API key the request was sent with; null for anonymous requests. */
  readonly viewer: Viewer | null;
  readonly request: GraphqlRequest;
  /**
   * Runs a mutation's writes: takes one of the viewer's writes (RATE_LIMITED when they are used up),
   * runs `work` in one write transaction counted in the request's tally, and then empties the loaders,
   * so that the mutation's result is read fresh rather than from rows cached before it.
   */
  write<T>(this: Context, work: TransactionWork<T>): Promise<T>;
  /** The WebSocket connection an operation came over (subscriptions); null over HTTP. */
  readonly live: LiveConnection | null;
  /**
   * Reads the rest of this operation with `loaders` (a subscription: the ones the change feed made for
   * the change it pushes, shared by every subscription it goes to), or with emptied loaders without.
   */
  readWith(this: Context, loaders: Loaders | null): void;
}

/** What a subscription needs of the WebSocket connection it runs on. */
export interface LiveConnection {
  readonly feed: ChangeFeed;
  /** Closes the connection with a WebSocket close code (a client too slow to keep up). */
  close(code: number, reason: string): void;
}

export interface ContextOptions {
  /** The request's id, SQL tally and summary: its log line's. */
  readonly tracked: TrackedRequest;
  /** The entity manager the request reads through (`readerFor` its tally). */
  readonly reader: EntityManager;
  readonly loaderOptions?: LoaderOptions;
  readonly viewer?: Viewer | null;
  readonly authRejection?: string | null;
  /** Counts each viewer's writes; shared by all requests of the process. */
  readonly writeLimiter?: WriteRateLimiter | null;
  /** The WebSocket connection, for operations that came over one. */
  readonly live?: LiveConnection | null;
}

/**
 * A class rather than an object literal: `write` lives on the prototype, no closure per request. No
 * `#private` fields: Apollo shallow-copies the context per operation (prototype and own properties).
 */
class RequestContext implements Context {
  private ownLoaders: ClearableLoaders;
  private sharedLoaders: Loaders | null = null;
  readonly request: GraphqlRequest;
  readonly live: LiveConnection | null;
  private readonly writeLimiter: WriteRateLimiter | null;

  constructor(
    private readonly dataSource: DataSource,
    readonly db: EntityManager,
    readonly viewer: Viewer | null,
    options: ContextOptions,
  ) {
    this.writeLimiter = options.writeLimiter ?? null;
    this.ownLoaders = createLoaders(db, options.loaderOptions);
    this.request = { ...options.tracked, authRejection: options.authRejection ?? null };
    this.live = options.live ?? null;
  }

  get loaders(): Loaders {
    return this.sharedLoaders ?? this.ownLoaders;
  }

  readWith(loaders: Loaders | null): void {
    this.sharedLoaders = loaders;
    if (!loaders) this.ownLoaders.clearAll();
  }

  async write<T>(work: TransactionWork<T>): Promise<T> {
    // The limiter counts per key; every mutation is behind @Authorized, so there is one.
    if (!this.viewer) throw new UnauthenticatedError();
    this.writeLimiter?.take(this.viewer.name);
    try {
      return await withWriteTransaction(this.dataSource, work, this.request.sqlTally);
    } finally {
      this.ownLoaders.clearAll();
    }
  }
}

export function createContext(dataSource: DataSource, options: ContextOptions): Context {
  return new RequestContext(dataSource, options.reader, options.viewer ?? null, options);
}
