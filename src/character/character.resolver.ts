import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FilterArg, ListAsOfArg } from '../graphql/list-args';
import { LookupResolver } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { Credit } from '../credit/credit.entity';
import { CreditFilter } from '../credit/credit.inputs';
import { filterCredits, type CreditAsOf } from '../credit/credit.status';
import { Character } from './character.entity';

@Resolver(() => Character)
export class CharacterResolver extends LookupResolver(Character, 'tyler-rake') {
  @FieldResolver(() => [Credit], {
    description: 'Who played the character in which film, by release date.',
  })
  async credits(
    @Root() character: Character,
    @Ctx() { loaders }: Context,
    @FilterArg(() => CreditFilter) filter: CreditFilter | null,
    @ListAsOfArg() asOf: string | null,
  ): Promise<CreditAsOf[]> {
    return filterCredits(
      loaders,
      await loaders.creditsByCharacterIdLoader.load(character.id),
      filter,
      asOf,
    );
  }
}
