import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { FilterArg, NameOrder, OrderByArg } from '../graphql/list-args';
import {
  createConnectionType,
  pageByName,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { LookupResolver } from '../graphql/lookup';
import { PagingArgs } from '../graphql/relay/paging-args';
import type { Context } from '../graphql/context';
import { createCreditsResolver } from '../credit/credit.resolver';
import { Character } from './character.entity';
import { CharacterFilter } from './character.inputs';

export const CharacterConnection = createConnectionType(
  'Character',
  Character,
  'A page of characters, by name.',
);

@Resolver(() => Character)
export class CharacterResolver extends LookupResolver(Character, 'tyler-rake') {
  @Query(() => CharacterConnection, { description: 'Characters by name, a page at a time.' })
  async characters(
    @Ctx() { db }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => CharacterFilter) filter: CharacterFilter | null,
    @OrderByArg(NameOrder, NameOrder.NAME) orderBy: NameOrder,
  ): Promise<ConnectionResult<Character>> {
    const qb = db.getRepository(Character).createQueryBuilder('character');
    return pageByName(qb, paging, filter?.nameContains, `characters:${orderBy}`);
  }
}

export const CharacterCreditsResolver = createCreditsResolver(
  Character,
  'Who played the character in which film, by release date.',
  (loaders, character) => loaders.credit.byCharacterId.load(character.id),
);
