import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { findByIdOrSlug } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Credit } from '../credit/credit.entity';
import { CreditFilter } from '../credit/credit.inputs';
import { filterCredits, type CreditAsOf } from '../credit/credit.status';
import { Character } from './character.entity';

@Resolver(() => Character)
export class CharacterResolver {
  @Query(() => Character, {
    nullable: true,
    description: 'A character by global id or by slug; null when there is none.',
  })
  character(
    @Ctx() { reader, loaders }: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The character’s global id.' })
    id: string | null,
    @Arg('slug', () => String, {
      nullable: true,
      description: 'The character’s slug, e.g. "tyler-rake".',
    })
    slug: string | null,
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
    return filterCredits(await loaders.creditsByCharacterIdLoader.load(character.id), filter, asOf);
  }
}
