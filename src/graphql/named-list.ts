import { Args, Ctx, Query, Resolver, type ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { Context } from './context';
import { FilterArg, NameOrder, OrderByArg } from './list-args';
import { createConnectionType, pageByName, type ConnectionResult } from './relay/connection';
import { PagingArgs } from './relay/paging-args';

/** What a list of named things can be filtered by: part of a name and, for some types, kinds. */
export interface NameFilter {
  nameContains?: string | null;
  kinds?: readonly string[] | null;
}

/**
 * Adds a type's root list in name order (`people`, `franchises`, `characters`, `companies`) to a
 * resolver base class, as `LookupResolver` adds the single-object field:
 * `class PersonResolver extends NamedListResolver(LookupResolver(Person, 'joe-russo'), …)`.
 */
export function NamedListResolver<T extends ObjectLiteral & { sortKey: string; id: number }>(
  Base: abstract new () => object,
  list: {
    type: ClassType<T>;
    /** The root field, e.g. `people`. */
    field: string;
    /** What the items are, plural ("People", "Franchises"). */
    noun: string;
    filter: ClassType<NameFilter>;
  },
): abstract new () => object {
  const Connection = createConnectionType(
    list.type.name,
    list.type,
    `A page of ${list.noun.toLowerCase()}, by name.`,
  );

  @Resolver()
  abstract class NamedListResolverOfType extends Base {
    @Query(() => Connection, {
      name: list.field,
      description: `${list.noun} by name, a page at a time.`,
    })
    async list(
      @Ctx() { db }: Context,
      @Args(() => PagingArgs) paging: PagingArgs,
      @FilterArg(() => list.filter) filter: NameFilter | null,
      @OrderByArg(NameOrder, NameOrder.NAME) orderBy: NameOrder,
    ): Promise<ConnectionResult<T>> {
      const alias = list.field;
      const qb = db.getRepository(list.type).createQueryBuilder(alias);
      if (filter?.kinds?.length)
        qb.andWhere(`${alias}.kind IN (:...kinds)`, { kinds: filter.kinds });
      return pageByName(qb, paging, filter?.nameContains, `${list.field}:${orderBy}`);
    }
  }
  return NamedListResolverOfType;
}
