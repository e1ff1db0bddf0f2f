import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { NamedListResolver } from '../graphql/named-list';
import { LookupResolver } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { CompanyCredit } from './company-credit.entity';
import { Company } from './company.entity';
import { CompanyFilter } from './company.inputs';

@Resolver(() => Company)
export class CompanyResolver extends NamedListResolver(LookupResolver(Company, 'netflix'), {
  type: Company,
  field: 'companies',
  noun: 'Companies',
  filter: CompanyFilter,
}) {
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
