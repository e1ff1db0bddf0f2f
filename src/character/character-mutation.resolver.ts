import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { searchTextOf, slugify } from '../lib/text';
import { insertWithSlug } from '../db/writes';
import type { Context } from '../graphql/context';
import { Character } from './character.entity';
import { CreateCharacterInput } from './character.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';

@Resolver()
export class CharacterMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Character, { description: 'Adds a fictional character. Needs an editor key.' })
  createCharacter(
    @Ctx() context: Context,
    @Arg('input', () => CreateCharacterInput, { description: 'The new character.' })
    input: CreateCharacterInput,
  ): Promise<Character> {
    const name = input.name.trim();
    return context.write(async (manager) =>
      logged(
        manager,
        ChangeKind.CREATED,
        viewerOf(context).name,
        await insertWithSlug(
          manager,
          Character,
          { slug: slugify(name), name, searchText: searchTextOf(name) },
          'input.name',
        ),
      ),
    );
  }
}
