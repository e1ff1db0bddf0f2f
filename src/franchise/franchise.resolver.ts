import { Args, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { OrderByArg } from '../graphql/list-args';
import { NamedListResolver } from '../graphql/named-list';
import {
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { LookupResolver } from '../graphql/lookup';
import { PagingArgs } from '../graphql/relay/paging-args';
import type { Context } from '../graphql/context';
import { Film } from '../film/film.entity';
import { FranchiseMembership } from './franchise-membership.entity';
import { Franchise } from './franchise.entity';
import { FranchiseOrder } from './franchise.enums';
import { FranchiseFilter } from './franchise.inputs';
import {
  FRANCHISE_ORDER_KEYS,
  franchiseFilmCursor,
  type MembershipWithFilm,
} from './franchise.loaders';

@ObjectType('FranchiseFilmEdge', {
  simpleResolvers: true,
  description: 'A film of a franchise, with its place in the franchise.',
})
export class FranchiseFilmEdge {
  @Field(() => String, { description: 'Pass as `after` or `before` to page from this film.' })
  cursor!: string;

  @Field(() => Film, { description: 'The film.' })
  node!: Film;

  @Field(() => Int, {
    nullable: true,
    description: 'The film’s place in release order (1 = first).',
  })
  releaseOrdinal!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The film’s place in story order; null while unknown.',
  })
  storyOrdinal!: number | null;
}

export const FranchiseFilmConnection = createConnectionType(
  'FranchiseFilm',
  Film,
  'A page of a franchise’s films, in release or story order.',
  FranchiseFilmEdge,
);

@Resolver(() => Franchise)
export class FranchiseResolver extends NamedListResolver(LookupResolver(Franchise, 'extraction'), {
  type: Franchise,
  field: 'franchises',
  noun: 'Franchises',
  filter: FranchiseFilter,
}) {
  @FieldResolver(() => Franchise, {
    nullable: true,
    description: 'The franchise this one sits in.',
  })
  parent(
    @Root() franchise: Franchise,
    @Ctx() { loaders }: Context,
  ): Promise<Franchise | null> | null {
    return franchise.parentId == null ? null : loaders.franchise.byId.load(franchise.parentId);
  }

  @FieldResolver(() => [Franchise], { description: 'The franchises inside this one, by name.' })
  children(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Franchise[]> {
    return loaders.franchise.byParentId.load(franchise.id);
  }

  @FieldResolver(() => FranchiseFilmConnection, {
    description: 'The franchise’s films in release or story order; edges carry each film’s place.',
  })
  async films(
    @Root() franchise: Franchise,
    @Ctx() { loaders }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @OrderByArg(FranchiseOrder, FranchiseOrder.RELEASE) order: FranchiseOrder,
  ): Promise<ConnectionResult<MembershipWithFilm, FranchiseFilmEdge>> {
    const page = parsePage(
      paging,
      `Franchise:${franchise.id}.films:${order}`,
      FRANCHISE_ORDER_KEYS[order].length,
    );
    const rows = await loaders.franchise.filmPage.load({
      franchiseId: franchise.id,
      order,
      page,
    });
    return toConnection(
      rows,
      page,
      (membership) => franchiseFilmCursor(order, membership),
      () => loaders.franchise.membershipCountByFranchiseId.load(franchise.id),
      (membership, cursor) => ({
        cursor,
        node: membership.film,
        releaseOrdinal: membership.releaseOrdinal,
        storyOrdinal: membership.storyOrdinal,
      }),
    );
  }
}

@Resolver(() => FranchiseMembership)
export class FranchiseMembershipResolver {
  @FieldResolver(() => Franchise, { description: 'The franchise.' })
  franchise(
    @Root() membership: FranchiseMembership,
    @Ctx() { loaders }: Context,
  ): Promise<Franchise | null> {
    return loaders.franchise.byId.load(membership.franchiseId);
  }

  @FieldResolver(() => Film, { description: 'The film.' })
  film(
    @Root() membership: FranchiseMembership,
    @Ctx() { loaders }: Context,
  ): Promise<Film | null> | Film {
    return membership.film ?? loaders.film.byId.load(membership.filmId);
  }
}
