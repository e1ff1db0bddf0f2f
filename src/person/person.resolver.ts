import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FilterArg, ListAsOfArg } from '../graphql/list-args';
import {
  createConnectionType,
  pageByName,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { LookupResolver } from '../graphql/lookup';
import { PagingArgs } from '../graphql/relay/paging-args';
import type { Context } from '../graphql/context';
import { Credit } from '../credit/credit.entity';
import { CreditFilter } from '../credit/credit.inputs';
import { filterCredits, type CreditAsOf } from '../credit/credit.status';
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
    @Ctx() { reader }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => PersonFilter) filter: PersonFilter | null,
  ): Promise<ConnectionResult<Person>> {
    const qb = reader.getRepository(Person).createQueryBuilder('person');
    return pageByName(qb, paging, filter?.nameContains);
  }

  @FieldResolver(() => [Credit], {
    description:
      'The person’s filmography, by release date. With `asOf`, as it stood that day: later reports are left out.',
  })
  async credits(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @FilterArg(() => CreditFilter) filter: CreditFilter | null,
    @ListAsOfArg() asOf: string | null,
  ): Promise<CreditAsOf[]> {
    return filterCredits(
      loaders,
      await loaders.creditsByPersonIdLoader.load(person.id),
      filter,
      asOf,
    );
  }
}
