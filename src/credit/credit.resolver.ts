import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { FilterArg, ListAsOfArg, OrderByArg } from '../graphql/list-args';
import { countOf, getServedMany } from '../db/batching';
import { Character } from '../character/character.entity';
import {
  applyKeyset,
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { DateScalar } from '../graphql/scalars';
import { localIdOf } from '../graphql/relay/global-id';
import { PagingArgs } from '../graphql/relay/paging-args';
import type { Context } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { Film } from '../film/film.entity';
import { Person } from '../person/person.entity';
import { AttachmentEvent } from './attachment-event.entity';
import { Credit, type CreditWithHistory } from './credit.entity';
import { AttachmentOrder, AttachmentStatus, CONFIRMED_STATUSES } from './credit.enums';
import { AttachmentFilter, CreditFilter } from './credit.inputs';
import { creditEventAsOf, filterCredits, readStatusAsOf } from './credit.status';

export const CreditConnection = createConnectionType(
  'Credit',
  Credit,
  'A page of credits (attachments), in the order the credits were first recorded.',
);

const ASOF_DESCRIPTION =
  'The day to answer for (YYYY-MM-DD); default: today (UTC). The `asOf` of the list this credit came from does not change it.';

/** SQL for a credit's status in force on `:asOf` (or now): its newest non-retracted event. */
function statusInForceSql(asOf: string | null): string {
  return `(SELECT e.status FROM attachment_event e
           WHERE e."creditId" = credit.id AND e.retracted = :no
             ${asOf == null ? '' : 'AND e."effectiveDate" <= :asOf'}
           ORDER BY e."effectiveDate" DESC, e."recordedAt" DESC, e.id DESC LIMIT 1)`;
}

@Resolver(() => Credit)
export class CreditResolver {
  @Query(() => CreditConnection, {
    description:
      'Attachments: credits with a reported deal status whose filter held on `asOf` (default: today, UTC). `asOf` only selects the credits; their fields take their own `asOf`.',
  })
  async attachments(
    @Ctx() { db }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => AttachmentFilter) filter: AttachmentFilter | null,
    @ListAsOfArg() asOf: string | null,
    @OrderByArg(AttachmentOrder, AttachmentOrder.FIRST_RECORDED) orderBy: AttachmentOrder,
  ): Promise<ConnectionResult<Credit>> {
    const page = parsePage(paging, `attachments:${orderBy}`, 1);
    const status = statusInForceSql(asOf);
    const qb = db
      .getRepository(Credit)
      .createQueryBuilder('credit')
      .setParameters({ no: false, asOf });
    // A status filter that admits no null status says it already: SQLite would run the status
    // subquery twice for every credit it scans.
    const statusRequired = Boolean(filter?.statuses?.length) || filter?.confirmed === true;
    if (!statusRequired) qb.andWhere(`${status} IS NOT NULL`);
    if (filter?.film != null)
      qb.andWhere('credit.filmId = :film', { film: localIdOf('Film', filter.film, 'filter.film') });
    if (filter?.person != null) {
      qb.andWhere('credit.personId = :person', {
        person: localIdOf('Person', filter.person, 'filter.person'),
      });
    }
    if (filter?.franchise != null) {
      qb.andWhere(
        'credit.filmId IN (SELECT fm."filmId" FROM franchise_membership fm WHERE fm."franchiseId" = :franchise)',
        { franchise: localIdOf('Franchise', filter.franchise, 'filter.franchise') },
      );
    }
    if (filter?.roles?.length) qb.andWhere('credit.role IN (:...roles)', { roles: filter.roles });
    if (filter?.statuses?.length)
      qb.andWhere(`${status} IN (:...statuses)`, { statuses: filter.statuses });
    if (filter?.confirmed != null) {
      qb.andWhere(`${status} ${filter.confirmed ? 'IN' : 'NOT IN'} (:...confirmedStatuses)`, {
        confirmedStatuses: CONFIRMED_STATUSES,
      });
    }
    if (filter?.changedSince != null) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM attachment_event c WHERE c."creditId" = credit.id AND c.retracted = :no
                 AND c."effectiveDate" >= :changedSince ${asOf == null ? '' : 'AND c."effectiveDate" <= :asOf'})`,
        { changedSince: filter.changedSince },
      );
    }
    const count = qb.clone();
    const rows = await getServedMany(applyKeyset(qb, ['credit.id'], page), Credit);
    return toConnection(
      rows,
      page,
      (credit) => [credit.id],
      () => countOf(count),
    );
  }

  @FieldResolver(() => Film, { description: 'The film.' })
  film(@Root() credit: Credit, @Ctx() { loaders }: Context): Promise<Film | null> {
    return loaders.film.byId.load(credit.filmId);
  }

  @FieldResolver(() => Person, { description: 'The person.' })
  person(@Root() credit: Credit, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.person.byId.load(credit.personId);
  }

  @FieldResolver(() => Character, {
    nullable: true,
    description: 'Whom the person plays (CAST credits).',
  })
  character(@Root() credit: Credit, @Ctx() { loaders }: Context): Promise<Character | null> | null {
    return credit.characterId == null ? null : loaders.character.byId.load(credit.characterId);
  }

  @FieldResolver(() => AttachmentStatus, {
    nullable: true,
    description: 'The deal status in force on `asOf`; null when nothing had been reported by then.',
  })
  status(
    @Root() credit: Credit,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: ASOF_DESCRIPTION })
    asOf: string | null,
  ): AttachmentStatus | null | Promise<AttachmentStatus | null> {
    return readStatusAsOf(loaders, credit, asOf, (event) => event?.status ?? null);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the status on `asOf` is CONFIRMED or CREDITED.',
  })
  isConfirmed(
    @Root() credit: Credit,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: ASOF_DESCRIPTION })
    asOf: string | null,
  ): boolean | Promise<boolean> {
    return readStatusAsOf(
      loaders,
      credit,
      asOf,
      (event) => event != null && CONFIRMED_STATUSES.includes(event.status),
    );
  }

  @FieldResolver(() => AttachmentEvent, {
    nullable: true,
    description: 'The event in force on `asOf`: who said so, where and when.',
  })
  latestEvent(
    @Root() credit: Credit,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: ASOF_DESCRIPTION })
    asOf: string | null,
  ): Promise<AttachmentEvent | null> | null {
    return creditEventAsOf(loaders, credit, asOf);
  }

  @FieldResolver(() => [AttachmentEvent], {
    description:
      'Every reported change of this credit, oldest first, retracted ones included and marked.',
  })
  history(@Root() credit: Credit, @Ctx() { loaders }: Context): Promise<AttachmentEvent[]> {
    return loaders.credit.attachmentEventsByCreditId.load(credit.id);
  }
}

@Resolver(() => AttachmentEvent)
export class AttachmentEventResolver {
  @FieldResolver(() => Credit, { description: 'The credit whose status changed.' })
  credit(@Root() event: AttachmentEvent, @Ctx() { loaders }: Context): Promise<Credit | null> {
    return loaders.credit.byId.load(event.creditId);
  }
}

/**
 * The `credits(filter:, asOf:)` field of films, people and characters. One resolver class per type,
 * made here, so that the three lists cannot drift apart; `creditsOf` reads the type's credits.
 */
export function createCreditsResolver<T extends object>(
  type: ClassType<T>,
  description: string,
  creditsOf: (loaders: Loaders, root: T) => Promise<readonly CreditWithHistory[]>,
) {
  @Resolver(() => type)
  class CreditsResolver {
    @FieldResolver(() => [Credit], { description })
    async credits(
      @Root() root: T,
      @Ctx() { loaders }: Context,
      @FilterArg(() => CreditFilter) filter: CreditFilter | null,
      @ListAsOfArg() asOf: string | null,
    ): Promise<CreditWithHistory[]> {
      return filterCredits(await creditsOf(loaders, root), filter, asOf);
    }
  }
  return CreditsResolver;
}
