import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../db/batching';
import { Person } from './person.entity';

export function createPersonLoaders(reader: EntityManager, options: LoaderOptions) {
  return { personByIdLoader: rowsByIdLoader(reader, Person, options) };
}
