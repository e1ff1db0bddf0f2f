import type { DataSource } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../common/batching';
import { Person } from './person.entity';

export function createPersonLoaders(dataSource: DataSource, options: LoaderOptions) {
  return { personByIdLoader: rowsByIdLoader(dataSource, Person, options) };
}
