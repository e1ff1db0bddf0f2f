import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { searchTextOf, slugify, sortKeyOf } from '../lib/text';
import { insertWithSlug, updateVersioned } from '../db/writes';
import { changedColumns, slugOf } from '../graphql/input-fields';
import { localIdOf } from '../graphql/relay/global-id';
import type { Context } from '../graphql/context';
import { Company } from './company.entity';
import { CreateCompanyInput, UpdateCompanyInput } from './company.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';
import { createPayloadType } from '../graphql/payload';

const CreateCompanyPayload = createPayloadType(
  'CreateCompanyPayload',
  'What createCompany added.',
  {
    company: { type: () => Company, description: 'The new company.' },
  },
);
const UpdateCompanyPayload = createPayloadType(
  'UpdateCompanyPayload',
  'What updateCompany changed.',
  {
    company: { type: () => Company, description: 'The company as it now stands.' },
  },
);

@Resolver()
export class CompanyMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => CreateCompanyPayload, {
    description:
      'Adds a company: a studio, distributor, streamer, production company or news outlet. Needs an editor key.',
  })
  createCompany(
    @Ctx() context: Context,
    @Arg('input', () => CreateCompanyInput, { description: 'The new company.' })
    input: CreateCompanyInput,
  ): Promise<{ company: Company }> {
    const name = input.name.trim();
    const { slug, choice } = slugOf(input, name, 'input.name');
    return context.write(async (manager) => ({
      company: await logged(
        manager,
        ChangeKind.CREATED,
        viewerOf(context).name,
        await insertWithSlug(
          manager,
          Company,
          {
            slug,
            name,
            kind: input.kind,
            searchText: searchTextOf(name),
            sortKey: sortKeyOf(name),
          },
          choice,
        ),
      ),
    }));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdateCompanyPayload, {
    description:
      'Changes a company’s name or kind, if nobody changed it since `expectedVersion`. Needs an editor key.',
  })
  updateCompany(
    @Ctx() context: Context,
    @Arg('input', () => UpdateCompanyInput, { description: 'The changes.' })
    input: UpdateCompanyInput,
  ): Promise<{ company: Company }> {
    const id = localIdOf('Company', input.id, 'input.id');
    return context.write(async (manager) => {
      const changes = changedColumns(input, ['name', 'kind'], ['name', 'kind']) as Partial<Company>;
      if (changes.name != null) {
        changes.slug = slugify(changes.name);
        changes.searchText = searchTextOf(changes.name);
        changes.sortKey = sortKeyOf(changes.name);
      }
      const company = await updateVersioned(
        manager,
        Company,
        id,
        input.expectedVersion,
        changes,
        'input.name',
      );
      return {
        company: await logged(manager, ChangeKind.UPDATED, viewerOf(context).name, company),
      };
    });
  }
}
