import type { DataSource } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../common/batching';
import { Source } from './source.entity';

export function createSourceLoaders(dataSource: DataSource, options: LoaderOptions) {
  return { sourceByIdLoader: rowsByIdLoader(dataSource, Source, options) };
}
