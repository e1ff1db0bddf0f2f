import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../db/batching';
import { Person } from './person.entity';

/** The person loaders of one request (`loaders.person`). */
export type PersonLoaders = {
  readonly byId: DataLoader<number, Person | null>;
};

export function createPersonLoaders(reader: EntityManager, options: LoaderOptions): PersonLoaders {
  return { byId: rowsByIdLoader(reader, Person, options) };
}
