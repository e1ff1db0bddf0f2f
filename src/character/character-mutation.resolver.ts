import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { searchTextOf, sortKeyOf } from '../lib/text';
import { insertWithSlug, updateVersioned } from '../db/writes';
import type { Context } from '../graphql/context';
import { changedColumns, cleanAliases, slugOf, withNameColumns } from '../graphql/input-fields';
import { requireRow } from '../graphql/lookup';
import { localIdOf } from '../graphql/relay/global-id';
import { Character } from './character.entity';
import { CreateCharacterInput, UpdateCharacterInput } from './character.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';
import { createPayloadType } from '../graphql/payload';

const CreateCharacterPayload = createPayloadType(
  'CreateCharacterPayload',
  'What createCharacter added.',
  {
    character: { type: () => Character, description: 'The new character.' },
  },
);
const UpdateCharacterPayload = createPayloadType(
  'UpdateCharacterPayload',
  'What updateCharacter changed.',
  {
    character: { type: () => Character, description: 'The character as it now stands.' },
  },
);

@Resolver()
export class CharacterMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => CreateCharacterPayload, {
    description: 'Adds a fictional character. Needs an editor key.',
  })
  createCharacter(
    @Ctx() context: Context,
    @Arg('input', () => CreateCharacterInput, { description: 'The new character.' })
    input: CreateCharacterInput,
  ): Promise<{ character: Character }> {
    const name = input.name.trim();
    const aliases = cleanAliases(input.aliases);
    const { slug, choice } = slugOf(input, name, 'input.name');
    return context.write(async (manager) => ({
      character: await logged(
        manager,
        ChangeKind.CREATED,
        viewerOf(context).name,
        await insertWithSlug(
          manager,
          Character,
          {
            slug,
            name,
            aliases,
            searchText: searchTextOf(name, ...aliases),
            sortKey: sortKeyOf(name),
            version: 1,
          },
          choice,
        ),
      ),
    }));
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdateCharacterPayload, {
    description:
      'Changes a character’s name or aliases, if nobody changed it since `expectedVersion`. Needs an editor key.',
  })
  updateCharacter(
    @Ctx() context: Context,
    @Arg('input', () => UpdateCharacterInput, { description: 'The changes.' })
    input: UpdateCharacterInput,
  ): Promise<{ character: Character }> {
    const id = localIdOf('Character', input.id, 'input.id');
    return context.write(async (manager) => {
      const changes = changedColumns(input, ['name'], ['name']) as Partial<Character>;
      await withNameColumns(changes, input.aliases, () =>
        requireRow(manager, Character, input.id, 'input.id'),
      );
      const row = await updateVersioned(
        manager,
        Character,
        id,
        input.expectedVersion,
        changes,
        'input.name',
      );
      return { character: await logged(manager, ChangeKind.UPDATED, viewerOf(context).name, row) };
    });
  }
}
