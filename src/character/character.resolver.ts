import { Resolver } from 'type-graphql';
import { LookupResolver } from '../graphql/lookup';
import { NamedListResolver } from '../graphql/named-list';
import { createCreditsResolver } from '../credit/credit.resolver';
import { Character } from './character.entity';
import { CharacterFilter } from './character.inputs';

@Resolver(() => Character)
export class CharacterResolver extends NamedListResolver(LookupResolver(Character, 'tyler-rake'), {
  type: Character,
  field: 'characters',
  noun: 'Characters',
  filter: CharacterFilter,
}) {}

export const CharacterCreditsResolver = createCreditsResolver(
  Character,
  'Who played the character in which film, by release date.',
  (loaders, character) => loaders.credit.byCharacterId.load(character.id),
);
