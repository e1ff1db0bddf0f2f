import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { findByIdOrSlug } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { CompanyCredit } from './company-credit.entity';
import { Company } from './company.entity';

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => Company, {
    nullable: true,
    description: 'A company by global id or by slug; null when there is none.',
  })
  company(
    @Ctx() { db, loaders }: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The company’s global id.' })
    id: string | null,
    @Arg('slug', () => String, {
      nullable: true,
      description: 'The company’s slug, e.g. "netflix".',
    })
    slug: string | null,
  ): Promise<Company | null> {
    return findByIdOrSlug(db, Company, 'Company', loaders.company.byId, id, slug);
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
