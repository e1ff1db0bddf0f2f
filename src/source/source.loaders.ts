import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../db/batching';
import { Source } from './source.entity';

/** The source loaders of one request (`loaders.source`). */
export type SourceLoaders = {
  readonly byId: DataLoader<number, Source | null>;
};

export function createSourceLoaders(reader: EntityManager, options: LoaderOptions): SourceLoaders {
  return { byId: rowsByIdLoader(reader, Source, options) };
}
