import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FilterArg, OrderByArg } from '../graphql/list-args';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { countOf, getServedMany } from '../db/batching';
import { CompanyCredit } from '../company/company-credit.entity';
import { Company } from '../company/company.entity';
import {
  applyKeyset,
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
  type CursorValue,
  type Page,
} from '../graphql/relay/connection';
import { DateScalar } from '../graphql/scalars';
import { localIdOf } from '../graphql/relay/global-id';
import { LookupResolver } from '../graphql/lookup';
import { PagingArgs } from '../graphql/relay/paging-args';
import { containsPattern } from '../lib/text';
import { today } from '../lib/dates';
import type { Context } from '../graphql/context';
import { createCreditsResolver } from '../credit/credit.resolver';
import { FranchiseMembership } from '../franchise/franchise-membership.entity';
import { Metric } from '../metric/metric.entity';
import { allRetracted, eventInForce } from '../events/reported-event';
import type { Loaders } from '../graphql/loaders';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import { DatePrecision, FilmOrder, FilmRelationKind, ProductionStatus } from './film.enums';
import { FilmFilter } from './film.inputs';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';
import { TitleEvent } from './title-event.entity';
import { firstRelease, releasesInForce, supersededIds, titleOn } from './film-reports';

export const FilmConnection = createConnectionType('Film', Film, 'A page of films.');

/** Where films without a release date sort in the RELEASE_DATE order (and in its cursors): last. */
const NO_RELEASE_DATE = '9999-12-31';

/**
 * A stretch of a film order that one index reads in order. RELEASE_DATE is two: dated films by
 * (releaseDate, id), then undated ones by id, so each page is an index range scan on plain columns
 * (an ORDER BY over COALESCE(releaseDate, …) would sort the whole table for every page).
 */
interface OrderSegment {
  readonly where: string | null;
  readonly keys: readonly string[];
  /** Whether a cursor of the whole order points into this segment, and its key there. */
  holds(cursor: CursorValue[]): boolean;
  keyOf(cursor: CursorValue[]): CursorValue[];
}

/** Each film order: its segments in order, and the cursor of a film (the same cursors as before). */
const FILM_ORDERS: Record<
  FilmOrder,
  {
    arity: number;
    segments: OrderSegment[];
    /** Unserved columns a page must read besides the served ones: those its cursors are made of. */
    reads?: readonly (keyof Film & string)[];
    of: (film: Film) => CursorValue[];
  }
> = {
  [FilmOrder.RELEASE_DATE]: {
    arity: 2,
    segments: [
      {
        where: 'film.releaseDate IS NOT NULL',
        keys: ['film.releaseDate', 'film.id'],
        holds: (cursor) => cursor[0] !== NO_RELEASE_DATE,
        keyOf: (cursor) => cursor,
      },
      {
        where: 'film.releaseDate IS NULL',
        keys: ['film.id'],
        holds: (cursor) => cursor[0] === NO_RELEASE_DATE,
        keyOf: (cursor) => [cursor[1]],
      },
    ],
    of: (film) => [film.releaseDate ?? NO_RELEASE_DATE, film.id],
  },
  [FilmOrder.TITLE]: {
    arity: 2,
    segments: [
      {
        where: null,
        keys: ['film.sortKey', 'film.id'],
        holds: () => true,
        keyOf: (cursor) => cursor,
      },
    ],
    reads: ['sortKey'],
    of: (film) => [film.sortKey, film.id],
  },
};

/**
 * Reads a page across an order's segments: only the segments between the cursors, each with the
 * cursor bound that falls in it, in reading order, until the page (plus one) is full. One statement
 * when the page lies in one segment, two when it crosses into the next.
 */
async function readSegments(
  qb: SelectQueryBuilder<Film>,
  {
    segments,
    reads,
  }: { segments: readonly OrderSegment[]; reads?: readonly (keyof Film & string)[] },
  page: Page,
): Promise<Film[]> {
  const after = page.after ? segments.findIndex((s) => s.holds(page.after!)) : 0;
  const before = page.before
    ? segments.findIndex((s) => s.holds(page.before!))
    : segments.length - 1;
  const order = segments.map((_, i) => i).filter((i) => i >= after && i <= before);
  if (page.backward) order.reverse();
  const rows: Film[] = [];
  for (const i of order) {
    const segment = segments[i];
    const part = qb.clone();
    if (segment.where) part.andWhere(segment.where);
    const sub: Page = {
      list: page.list,
      size: page.size - rows.length,
      backward: page.backward,
      after: i === after && page.after ? segment.keyOf(page.after) : null,
      before: i === before && page.before ? segment.keyOf(page.before) : null,
    };
    rows.push(...(await getServedMany(applyKeyset(part, segment.keys, sub), Film, reads)));
    if (rows.length > page.size) break;
  }
  return rows;
}

/**
 * A film by slug: its own (first) slug, else the slug of a later title it took, so that links made from
 * any of its titles keep working. The newest such title wins if two films ever shared one.
 */
async function filmBySlug(reader: EntityManager, slug: string): Promise<Film | null> {
  const own = await reader.getRepository(Film).findOneBy({ slug });
  if (own) return own;
  return reader
    .getRepository(Film)
    .createQueryBuilder('film')
    .innerJoin(TitleEvent, 't', 't.filmId = film.id')
    .where('t.slug = :slug AND t.retracted = :no', { slug, no: false })
    .orderBy('t.recordedAt', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .getOne();
}

const AS_OF = { nullable: true, description: 'The day to answer for (default: today, UTC).' };

@Resolver(() => Film)
export class FilmResolver extends LookupResolver(Film, 'extraction-2', filmBySlug) {
  @Query(() => FilmConnection, { description: 'Films, filtered and ordered, a page at a time.' })
  async films(
    @Ctx() { db }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => FilmFilter) filter: FilmFilter | null,
    @OrderByArg(FilmOrder, FilmOrder.RELEASE_DATE) orderBy: FilmOrder,
  ): Promise<ConnectionResult<Film>> {
    const order = FILM_ORDERS[orderBy];
    const page = parsePage(paging, `films:${orderBy}`, order.arity);
    const qb = db.getRepository(Film).createQueryBuilder('film');
    if (filter?.franchise != null) {
      qb.andWhere(
        'film.id IN (SELECT fm."filmId" FROM franchise_membership fm WHERE fm."franchiseId" = :franchise)',
        { franchise: localIdOf('Franchise', filter.franchise, 'filter.franchise') },
      );
    }
    if (filter?.statuses?.length) {
      qb.andWhere(
        `(SELECT p.status FROM production_event p WHERE p."filmId" = film.id AND p.retracted = :no
          ORDER BY p."effectiveDate" DESC, p."recordedAt" DESC, p.id DESC LIMIT 1) IN (:...statuses)`,
        { no: false, statuses: filter.statuses },
      );
    }
    if (filter?.releasedAfter != null) {
      qb.andWhere('film.releaseDate >= :releasedAfter', { releasedAfter: filter.releasedAfter });
    }
    if (filter?.releasedBefore != null) {
      qb.andWhere('film.releaseDate <= :releasedBefore', { releasedBefore: filter.releasedBefore });
    }
    if (filter?.titleContains != null) {
      qb.andWhere(`film.searchText LIKE :title ESCAPE '\\'`, {
        title: containsPattern(filter.titleContains),
      });
    }
    const count = qb.clone();
    const rows = await readSegments(qb, order, page);
    return toConnection(rows, page, order.of, () => countOf(count));
  }

  @FieldResolver(() => ProductionStatus, {
    nullable: true,
    description:
      'The production status in force on `asOf` (default: today, UTC); null before the first report.',
  })
  async status(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF)
    asOf: string | null,
  ): Promise<ProductionStatus | null> {
    return (
      eventInForce(await loaders.film.productionEventsByFilmId.load(film.id), asOf)?.status ?? null
    );
  }

  @FieldResolver(() => [ProductionEvent], {
    description: 'Every reported production-status change, oldest first, retracted ones marked.',
  })
  productionHistory(@Root() film: Film, @Ctx() { loaders }: Context): Promise<ProductionEvent[]> {
    return loaders.film.productionEventsByFilmId.load(film.id);
  }

  @FieldResolver(() => String, {
    description:
      'The title in force on `asOf` (default: today, UTC): the newest title report effective by then, else ' +
      'the title the film was entered under.',
  })
  title(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): string | Promise<string> {
    // The column holds today's title (events are never effective later than the day they are
    // recorded), so today and later need no query, and no promise (a deep query reads thousands).
    if (asOf == null || asOf >= today()) return film.title;
    return loaders.film.titleEventsByFilmId
      .load(film.id)
      .then((events) => titleOn(film, events, asOf));
  }

  @FieldResolver(() => String, {
    description: 'The title the film was first entered under; its slug comes from it and stays.',
  })
  originalTitle(@Root() film: Film): string {
    return film.originalTitle ?? film.title;
  }

  @FieldResolver(() => [TitleEvent], {
    description:
      'Every title report, oldest first, retracted ones marked; before the first, the film had `originalTitle`.',
  })
  titleHistory(@Root() film: Film, @Ctx() { loaders }: Context): Promise<TitleEvent[]> {
    return loaders.film.titleEventsByFilmId.load(film.id);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'The release date in force on `asOf` (default: today, UTC): the earliest theatrical or streaming ' +
      'date among the releases in force then (premieres do not count); null when none was reported yet. ' +
      'See `releaseDatePrecision`.',
  })
  releaseDate(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): string | null | Promise<string | null> {
    // As for `title`: the column holds today's date, kept in step with every report and retraction.
    if (asOf == null || asOf >= today()) return film.releaseDate;
    return loaders.film.releasesByFilmId
      .load(film.id)
      .then((releases) => firstRelease(releases, asOf)?.date ?? null);
  }

  @FieldResolver(() => DatePrecision, {
    nullable: true,
    description: 'How exactly `releaseDate(asOf:)` is known on `asOf` (default: today, UTC).',
  })
  async releaseDatePrecision(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): Promise<DatePrecision | null> {
    return firstRelease(await loaders.film.releasesByFilmId.load(film.id), asOf)?.precision ?? null;
  }

  @FieldResolver(() => [ReleaseEvent], {
    description:
      'The releases in force on `asOf` (default: today, UTC), premieres included, by date: per kind and ' +
      'country, the newest report effective by then that was not retracted.',
  })
  async releases(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): Promise<ReleaseEvent[]> {
    return releasesInForce(await loaders.film.releasesByFilmId.load(film.id), asOf);
  }

  @FieldResolver(() => [ReleaseEvent], {
    description:
      'Every release report, oldest first; replaced ones are marked `superseded`, retracted ones `retracted`.',
  })
  releaseHistory(@Root() film: Film, @Ctx() { loaders }: Context): Promise<ReleaseEvent[]> {
    return loaders.film.releasesByFilmId.load(film.id);
  }

  @FieldResolver(() => [FranchiseMembership], {
    description: 'The franchises the film belongs to, with its place.',
  })
  franchises(@Root() film: Film, @Ctx() { loaders }: Context): Promise<FranchiseMembership[]> {
    return loaders.franchise.membershipsByFilmId.load(film.id);
  }

  @FieldResolver(() => [FilmRelation], {
    description: 'Links to the earlier films this film follows.',
  })
  async follows(@Root() film: Film, @Ctx() { loaders }: Context): Promise<FilmRelation[]> {
    return currentRelations(loaders, await loaders.film.relationsByToFilmId.load(film.id));
  }

  @FieldResolver(() => [FilmRelation], {
    description: 'Links to the later films that follow this one.',
  })
  async followedBy(@Root() film: Film, @Ctx() { loaders }: Context): Promise<FilmRelation[]> {
    return currentRelations(loaders, await loaders.film.relationsByFromFilmId.load(film.id));
  }

  @FieldResolver(() => [Metric], {
    description: 'Numbers about the film (viewership, box office, budget).',
  })
  metrics(@Root() film: Film, @Ctx() { loaders }: Context): Promise<Metric[]> {
    return loaders.metric.byFilmId.load(film.id);
  }

  @FieldResolver(() => [CompanyCredit], {
    description: 'The companies that made, distributed or streamed it.',
  })
  companies(@Root() film: Film, @Ctx() { loaders }: Context): Promise<CompanyCredit[]> {
    return loaders.company.creditsByFilmId.load(film.id);
  }
}

@Resolver(() => FilmRelation)
export class FilmRelationResolver {
  @FieldResolver(() => Film, { description: 'The earlier film.' })
  from(@Root() relation: FilmRelation, @Ctx() { loaders }: Context): Promise<Film | null> {
    return loaders.film.byId.load(relation.fromFilmId);
  }

  @FieldResolver(() => Film, { description: 'The later film.' })
  to(@Root() relation: FilmRelation, @Ctx() { loaders }: Context): Promise<Film | null> {
    return loaders.film.byId.load(relation.toFilmId);
  }

  @FieldResolver(() => FilmRelationKind, {
    nullable: true,
    description:
      'What `to` is to `from` on `asOf` (default: today, UTC); null before the first report.',
  })
  async kind(
    @Root() relation: FilmRelation,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF)
    asOf: string | null,
  ): Promise<FilmRelationKind | null> {
    return (
      eventInForce(await loaders.film.relationEventsByRelationId.load(relation.id), asOf)?.kind ??
      null
    );
  }

  @FieldResolver(() => [FilmRelationEvent], {
    description: 'Every reported kind of this link, oldest first.',
  })
  history(
    @Root() relation: FilmRelation,
    @Ctx() { loaders }: Context,
  ): Promise<FilmRelationEvent[]> {
    return loaders.film.relationEventsByRelationId.load(relation.id);
  }
}

/** Leaves out the relations all of whose events are retracted. */
async function currentRelations(
  loaders: Loaders,
  relations: FilmRelation[],
): Promise<FilmRelation[]> {
  const histories = await loaders.film.relationEventsByRelationId.loadMany(
    relations.map((relation) => relation.id),
  );
  return relations.filter((_, i) => {
    const history = histories[i];
    if (history instanceof Error) throw history;
    return !allRetracted(history);
  });
}

@Resolver(() => FilmRelationEvent)
export class FilmRelationEventResolver {
  @FieldResolver(() => FilmRelation, { description: 'The link this event is about.' })
  relation(
    @Root() event: FilmRelationEvent,
    @Ctx() { loaders }: Context,
  ): Promise<FilmRelation | null> {
    return loaders.film.relationById.load(event.relationId);
  }
}

/** The `film` field of the types that belong to one film. */
function filmOf(row: { filmId: number }, loaders: Context['loaders']): Promise<Film | null> {
  return loaders.film.byId.load(row.filmId);
}

@Resolver(() => ProductionEvent)
export class ProductionEventResolver {
  @FieldResolver(() => Film, { description: 'The film whose status changed.' })
  film(@Root() event: ProductionEvent, @Ctx() { loaders }: Context): Promise<Film | null> {
    return filmOf(event, loaders);
  }
}

@Resolver(() => ReleaseEvent)
export class ReleaseEventResolver {
  @FieldResolver(() => Film, { description: 'The film released.' })
  film(@Root() release: ReleaseEvent, @Ctx() { loaders }: Context): Promise<Film | null> {
    return filmOf(release, loaders);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The distributor or platform.' })
  company(
    @Root() release: ReleaseEvent,
    @Ctx() { loaders }: Context,
  ): Promise<Company | null> | null {
    return release.companyId == null ? null : loaders.company.byId.load(release.companyId);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when, on `asOf` (default: today, UTC), a newer report for the same kind and country had replaced this one (a moved date).',
  })
  async superseded(
    @Root() release: ReleaseEvent,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): Promise<boolean> {
    const reports = await loaders.film.releasesByFilmId.load(release.filmId);
    return supersededIds(reports, asOf).has(release.id);
  }
}

@Resolver(() => TitleEvent)
export class TitleEventResolver {
  @FieldResolver(() => Film, { description: 'The film retitled.' })
  film(@Root() event: TitleEvent, @Ctx() { loaders }: Context): Promise<Film | null> {
    return filmOf(event, loaders);
  }
}

export const FilmCreditsResolver = createCreditsResolver(
  Film,
  'Cast and crew, by role then billing. With `asOf`, only the credits reported by that day; each credit’s `status`, `isConfirmed` and `latestEvent` take their own `asOf`.',
  (loaders, film) => loaders.credit.byFilmId.load(film.id),
);
