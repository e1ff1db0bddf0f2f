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
import { Person } from './person.entity';
import { PersonFilter } from './person.inputs';

export const PersonConnection = createConnectionType(
  'Person',
  Person,
  'A page of people, by name.',
);

@Resolver(() => Person)
export class PersonResolver extends LookupResolver(Person, 'joe-russo') {
  @Query(() => PersonConnection, { description: 'People by name, a page at a time.' })
  async people(
    @Ctx() { db }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => PersonFilter) filter: PersonFilter | null,
    @OrderByArg(NameOrder, NameOrder.NAME) orderBy: NameOrder,
  ): Promise<ConnectionResult<Person>> {
    const qb = db.getRepository(Person).createQueryBuilder('person');
    return pageByName(qb, paging, filter?.nameContains, `people:${orderBy}`);
  }
}

export const PersonCreditsResolver = createCreditsResolver(
  Person,
  'The person’s filmography, by release date. With `asOf`, as it stood that day: later reports are left out.',
  (loaders, person) => loaders.credit.byPersonId.load(person.id),
);
