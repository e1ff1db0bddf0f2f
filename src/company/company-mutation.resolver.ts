import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { searchTextOf, slugify } from '../lib/text';
import { insertWithSlug } from '../db/writes';
import { slugOf } from '../graphql/input-fields';
import type { Context } from '../graphql/context';
import { Company } from './company.entity';
import { CreateCompanyInput } from './company.inputs';

@Resolver()
export class CompanyMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Company, {
    description:
      'Adds a company: a studio, distributor, streamer, production company or news outlet. Needs an editor key.',
  })
  createCompany(
    @Ctx() context: Context,
    @Arg('input', () => CreateCompanyInput, { description: 'The new company.' })
    input: CreateCompanyInput,
  ): Promise<Company> {
    const name = input.name.trim();
    const { slug, choice } = slugOf(input, name, 'input.name');
    return context.write((manager) =>
      insertWithSlug(
        manager,
        Company,
        { slug, name, kind: input.kind, searchText: searchTextOf(name) },
        choice,
      ),
    );
  }
}
