import type { DataSource } from 'typeorm';
import { createCharacterLoaders } from './character/character.loaders';
import type { LoaderOptions } from './common/batching';
import { createCompanyLoaders } from './company/company.loaders';
import { createCreditLoaders } from './credit/credit.loaders';
import { createFilmLoaders } from './film/film.loaders';
import { createFranchiseLoaders } from './franchise/franchise.loaders';
import { createMetricLoaders } from './metric/metric.loaders';
import { createPersonLoaders } from './person/person.loaders';
import { createSourceLoaders } from './source/source.loaders';

/** Every loader of one request. Built only by `createContext()`: loaders cache for one request only. */
export function createLoaders(dataSource: DataSource, options: LoaderOptions = { batch: true }) {
  return {
    ...createCharacterLoaders(dataSource, options),
    ...createCompanyLoaders(dataSource, options),
    ...createCreditLoaders(dataSource, options),
    ...createFilmLoaders(dataSource, options),
    ...createFranchiseLoaders(dataSource, options),
    ...createMetricLoaders(dataSource, options),
    ...createPersonLoaders(dataSource, options),
    ...createSourceLoaders(dataSource, options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
