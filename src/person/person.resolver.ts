import { Resolver } from 'type-graphql';
import { LookupResolver } from '../graphql/lookup';
import { NamedListResolver } from '../graphql/named-list';
import { createCreditsResolver } from '../credit/credit.resolver';
import { Person } from './person.entity';
import { PersonFilter } from './person.inputs';

@Resolver(() => Person)
export class PersonResolver extends NamedListResolver(LookupResolver(Person, 'joe-russo'), {
  type: Person,
  field: 'people',
  noun: 'People',
  filter: PersonFilter,
}) {}

export const PersonCreditsResolver = createCreditsResolver(
  Person,
  'The person’s filmography, by release date. With `asOf`, only the credits reported by that day; each credit’s `status`, `isConfirmed` and `latestEvent` take their own `asOf`.',
  (loaders, person) => loaders.credit.byPersonId.load(person.id),
);
