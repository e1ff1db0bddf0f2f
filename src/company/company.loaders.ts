import type { DataSource } from 'typeorm';
import { rowsByIdLoader, rowsByKeyLoader, type LoaderOptions } from '../common/batching';
import { CompanyCredit } from './company-credit.entity';
import { Company } from './company.entity';

export function createCompanyLoaders(dataSource: DataSource, options: LoaderOptions) {
  return {
    companyByIdLoader: rowsByIdLoader(dataSource, Company, options),
    companyCreditsByFilmIdLoader: rowsByKeyLoader(
      dataSource,
      CompanyCredit,
      'filmId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
    companyCreditsByCompanyIdLoader: rowsByKeyLoader(
      dataSource,
      CompanyCredit,
      'companyId',
      (qb, a) => qb.orderBy(`${a}.id`, 'ASC'),
      options,
    ),
  };
}
