import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { CompanyCredit } from './company-credit.entity';
import { Company } from './company.entity';

/** The company loaders of one request (`loaders.company`). */
export type CompanyLoaders = {
  readonly byId: DataLoader<number, Company | null>;
  /** The companies credited on a film. */
  readonly creditsByFilmId: DataLoader<number, CompanyCredit[]>;
  /** The films a company is credited on. */
  readonly creditsByCompanyId: DataLoader<number, CompanyCredit[]>;
};

export function createCompanyLoaders(
  reader: EntityManager,
  options: LoaderOptions,
): CompanyLoaders {
  return {
    byId: rowsByIdLoader(reader, Company, options),
    creditsByFilmId: rowsByKeyLoader(
      reader,
      CompanyCredit,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    creditsByCompanyId: rowsByKeyLoader(
      reader,
      CompanyCredit,
      'companyId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
  };
}
