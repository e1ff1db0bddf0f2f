import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { searchTextOf, slugify } from '../lib/text';
import { insertWithSlug } from '../db/writes';
import type { Context } from '../graphql/context';
import { Company } from './company.entity';
import { CreateCompanyInput } from './company.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';

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
    return context.write(async (manager) =>
      logged(
        manager,
        ChangeKind.CREATED,
        viewerOf(context).name,
        await insertWithSlug(
          manager,
          Company,
          { slug: slugify(name), name, kind: input.kind, searchText: searchTextOf(name) },
          'input.name',
        ),
      ),
    );
  }
}
