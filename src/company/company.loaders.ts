import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../db/batching';
import { CompanyCredit } from './company-credit.entity';
import { Company } from './company.entity';

export function createCompanyLoaders(reader: EntityManager, options: LoaderOptions) {
  return {
    companyByIdLoader: rowsByIdLoader(reader, Company, options),
    companyCreditsByFilmIdLoader: rowsByKeyLoader(
      reader,
      CompanyCredit,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    companyCreditsByCompanyIdLoader: rowsByKeyLoader(
      reader,
      CompanyCredit,
      'companyId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
  };
}
