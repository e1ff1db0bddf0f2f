import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  createConnectionType,
  pageByName,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { DateScalar } from '../graphql/scalars';
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
export class PersonResolver extends LookupResolver(
  Person,
  'person',
  'joe-russo',
  (loaders) => loaders.personByIdLoader,
) {
  @Query(() => PersonConnection, { description: 'People by name, a page at a time.' })
  async people(
    @Ctx() { reader }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'What to include.' })
    filter: PersonFilter | null,
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
      await loaders.creditsByPersonIdLoader.load(person.id),
      filter,
      asOf,
    );
  }
}
