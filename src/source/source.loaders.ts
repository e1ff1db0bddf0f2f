import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../db/batching';
import { Source } from './source.entity';

export function createSourceLoaders(reader: EntityManager, options: LoaderOptions) {
  return { sourceByIdLoader: rowsByIdLoader(reader, Source, options) };
}
