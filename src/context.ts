import type { DataSource } from 'typeorm';
import type { LoaderOptions } from './common/batching';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets for one request. */
export interface Context {
  readonly dataSource: DataSource;
  readonly loaders: Loaders;
  readonly requestId: string;
}

export interface ContextOptions {
  readonly requestId: string;
  readonly loaderOptions?: LoaderOptions;
}

export function createContext(dataSource: DataSource, options: ContextOptions): Context {
  return {
    dataSource,
    loaders: createLoaders(dataSource, options.loaderOptions),
    requestId: options.requestId,
  };
}
