import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { localIdOf } from '../graphql/relay/global-id';
import { searchTextOf, sortKeyOf } from '../lib/text';
import { changedColumns, cleanAliases, slugOf, withNameColumns } from '../graphql/input-fields';
import { insertWithSlug, updateVersioned } from '../db/writes';
import { requireRow } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Person } from './person.entity';
import { CreatePersonInput, UpdatePersonInput } from './person.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';
import { createPayloadType } from '../graphql/payload';

const CreatePersonPayload = createPayloadType('CreatePersonPayload', 'What createPerson added.', {
  person: { type: () => Person, description: 'The new person.' },
});
const UpdatePersonPayload = createPayloadType('UpdatePersonPayload', 'What updatePerson changed.', {
  person: { type: () => Person, description: 'The person as it now stands.' },
});

@Resolver()
export class PersonMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => CreatePersonPayload, { description: 'Adds a person. Needs an editor key.' })
  createPerson(
    @Ctx() context: Context,
    @Arg('input', () => CreatePersonInput, { description: 'The new person.' })
    input: CreatePersonInput,
  ): Promise<{ person: Person }> {
    return context.write(async (manager) => {
      const name = input.name.trim();
      const aliases = cleanAliases(input.aliases);
      const { slug, choice } = slugOf(input, name, 'input.name');
      const person = await insertWithSlug(
        manager,
        Person,
        {
          slug,
          name,
          aliases,
          searchText: searchTextOf(name, ...aliases),
          sortKey: sortKeyOf(name),
          version: 1,
        },
        choice,
      );
      return { person: await logged(manager, ChangeKind.CREATED, viewerOf(context).name, person) };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdatePersonPayload, {
    description:
      'Changes a person, if nobody changed them since `expectedVersion`. Needs an editor key.',
  })
  updatePerson(
    @Ctx() context: Context,
    @Arg('input', () => UpdatePersonInput, { description: 'The changes.' })
    input: UpdatePersonInput,
  ): Promise<{ person: Person }> {
    const id = localIdOf('Person', input.id, 'input.id');
    return context.write(async (manager) => {
      const changes: Partial<Person> = changedColumns(input, ['name'], ['name']) as Partial<Person>;
      await withNameColumns(changes, input.aliases, () =>
        requireRow(manager, Person, input.id, 'input.id'),
      );
      const person = await updateVersioned(
        manager,
        Person,
        id,
        input.expectedVersion,
        changes,
        'input.name',
      );
      return { person: await logged(manager, ChangeKind.UPDATED, viewerOf(context).name, person) };
    });
  }
}
