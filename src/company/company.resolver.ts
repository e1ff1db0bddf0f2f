import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FilterArg, NameOrder, OrderByArg } from '../graphql/list-args';
import {
  createConnectionType,
  pageByName,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { LookupResolver } from '../graphql/lookup';
import { PagingArgs } from '../graphql/relay/paging-args';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { CompanyCredit } from './company-credit.entity';
import { Company } from './company.entity';
import { CompanyFilter } from './company.inputs';

export const CompanyConnection = createConnectionType(
  'Company',
  Company,
  'A page of companies, by name.',
);

@Resolver(() => Company)
export class CompanyResolver extends LookupResolver(Company, 'netflix') {
  @Query(() => CompanyConnection, { description: 'Companies by name, a page at a time.' })
  async companies(
    @Ctx() { db }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => CompanyFilter) filter: CompanyFilter | null,
    @OrderByArg(NameOrder, NameOrder.NAME) orderBy: NameOrder,
  ): Promise<ConnectionResult<Company>> {
    const qb = db.getRepository(Company).createQueryBuilder('company');
    if (filter?.kinds?.length) qb.andWhere('company.kind IN (:...kinds)', { kinds: filter.kinds });
    return pageByName(qb, paging, filter?.nameContains, `companies:${orderBy}`);
  }

  @FieldResolver(() => [CompanyCredit], {
    description: 'The films the company made, distributed or streamed.',
  })
  credits(@Root() company: Company, @Ctx() { loaders }: Context): Promise<CompanyCredit[]> {
    return loaders.company.creditsByCompanyId.load(company.id);
  }
}

@Resolver(() => CompanyCredit)
export class CompanyCreditResolver {
  @FieldResolver(() => Film, { description: 'The film.' })
  film(@Root() credit: CompanyCredit, @Ctx() { loaders }: Context): Promise<Film | null> {
    return loaders.film.byId.load(credit.filmId);
  }

  @FieldResolver(() => Company, { description: 'The company.' })
  company(@Root() credit: CompanyCredit, @Ctx() { loaders }: Context): Promise<Company | null> {
    return loaders.company.byId.load(credit.companyId);
  }
}
