import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { findByIdOrSlug, IdOrSlugArgs, type IdOrSlug } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Credit } from '../credit/credit.entity';
import { CreditFilter } from '../credit/credit.inputs';
import { filterCredits, type CreditAsOf } from '../credit/credit.status';
import { Character } from './character.entity';

const CharacterLookupArgs = IdOrSlugArgs('character', 'tyler-rake');

@Resolver(() => Character)
export class CharacterResolver {
  @Query(() => Character, {
    nullable: true,
    description: 'A character by global id or by slug; null when there is none.',
  })
  character(
    @Ctx() { reader, loaders }: Context,
    @Args(() => CharacterLookupArgs) { id, slug }: IdOrSlug,
  ): Promise<Character | null> {
    return findByIdOrSlug(reader, Character, 'Character', loaders.characterByIdLoader, id, slug);
  }

  @FieldResolver(() => [Credit], {
    description: 'Who played the character in which film, by release date.',
  })
  async credits(
    @Root() character: Character,
    @Ctx() { loaders }: Context,
    @Arg('filter', () => CreditFilter, { nullable: true, description: 'What to include.' })
    filter: CreditFilter | null,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Answer as things stood on this day.',
    })
    asOf: string | null,
  ): Promise<CreditAsOf[]> {
    return filterCredits(
      loaders,
      await loaders.creditsByCharacterIdLoader.load(character.id),
      filter,
      asOf,
    );
  }
}
