import { Resolver } from 'type-graphql';
import { LookupResolver } from '../graphql/lookup';
import { createCreditsResolver } from '../credit/credit.resolver';
import { Character } from './character.entity';

@Resolver(() => Character)
export class CharacterResolver extends LookupResolver(Character, 'tyler-rake') {}

export const CharacterCreditsResolver = createCreditsResolver(
  Character,
  'Who played the character in which film, by release date.',
  (loaders, character) => loaders.credit.byCharacterId.load(character.id),
);
