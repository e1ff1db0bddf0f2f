import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  applyKeyset,
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { DateScalar } from '../graphql/scalars';
import { findByIdOrSlug } from '../graphql/lookup';
import { PagingArgs } from '../graphql/relay/paging-args';
import { containsPattern } from '../lib/text';
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
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description: 'A person by global id or by slug; null when there is none.',
  })
  person(
    @Ctx() { reader, loaders }: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The person’s global id.' })
    id: string | null,
    @Arg('slug', () => String, {
      nullable: true,
      description: 'The person’s slug, e.g. "joe-russo".',
    })
    slug: string | null,
  ): Promise<Person | null> {
    return findByIdOrSlug(reader, Person, 'Person', loaders.personByIdLoader, id, slug);
  }

  @Query(() => PersonConnection, { description: 'People by name, a page at a time.' })
  async people(
    @Ctx() { reader }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'What to include.' })
    filter: PersonFilter | null,
  ): Promise<ConnectionResult<Person>> {
    const page = parsePage(paging, 2);
    const qb = reader.getRepository(Person).createQueryBuilder('person');
    if (filter?.nameContains != null) {
      qb.andWhere(`person.searchText LIKE :name ESCAPE '\\'`, {
        name: containsPattern(filter.nameContains),
      });
    }
    const count = qb.clone();
    const rows = await applyKeyset(qb, ['person.name', 'person.id'], page).getMany();
    return toConnection(
      rows,
      page,
      (p) => [p.name, p.id],
      () => count.getCount(),
    );
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
    return filterCredits(await loaders.creditsByPersonIdLoader.load(person.id), filter, asOf);
  }
}
