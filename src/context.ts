import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/api-keys';
import type { WriteRateLimiter } from './auth/rate-limit';
import type { LoaderOptions } from './common/batching';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets for one request. */
export interface Context {
  readonly dataSource: DataSource;
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
  readonly requestId: string;
  readonly loaderOptions?: LoaderOptions;
  readonly viewer?: Viewer | null;
  readonly authRejection?: string | null;
  readonly writeLimiter?: WriteRateLimiter | null;
}

export function createContext(dataSource: DataSource, options: ContextOptions): Context {
  return {
    dataSource,
    loaders: createLoaders(dataSource, options.loaderOptions),
    requestId: options.requestId,
    viewer: options.viewer ?? null,
    authRejection: options.authRejection ?? null,
    writeLimiter: options.writeLimiter ?? null,
  };
}
