import { Args, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { FilterArg, OrderByArg } from '../graphql/list-args';
import {
  applyKeyset,
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
} from '../graphql/relay/connection';
import { localIdOf } from '../graphql/relay/global-id';
import { PagingArgs } from '../graphql/relay/paging-args';
import { Company } from '../company/company.entity';
import type DataLoader from 'dataloader';
import type { Context } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { Person } from '../person/person.entity';
import type { ReportedEvent } from '../events/reported-event';
import { Source } from './source.entity';
import { SourceOrder } from './source.enums';
import { SourceFilter } from './source.inputs';
import { countOf } from '../db/batching';

export const SourceConnection = createConnectionType(
  'Source',
  Source,
  'A page of sources, in the order they were first recorded.',
);

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, {
    description: 'Sources (articles, posts, statements…), filtered, a page at a time.',
  })
  async sources(
    @Ctx() { db }: Context,
    @Args(() => PagingArgs) paging: PagingArgs,
    @FilterArg(() => SourceFilter) filter: SourceFilter | null,
    @OrderByArg(SourceOrder, SourceOrder.FIRST_RECORDED) orderBy: SourceOrder,
  ): Promise<ConnectionResult<Source>> {
    const page = parsePage(paging, `sources:${orderBy}`, 1);
    const qb = db.getRepository(Source).createQueryBuilder('source');
    if (filter?.outlet != null) {
      qb.andWhere('source.outletId = :outlet', {
        outlet: localIdOf('Company', filter.outlet, 'filter.outlet'),
      });
    }
    if (filter?.kinds?.length) qb.andWhere('source.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.titleContains != null) {
      const needle = filter.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(`LOWER(source.title) LIKE :title ESCAPE '\\'`, { title: `%${needle}%` });
    }
    const count = qb.clone();
    const rows = await applyKeyset(qb, ['source.id'], page).getMany();
    return toConnection(
      rows,
      page,
      (source) => [source.id],
      () => countOf(count),
    );
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The outlet that published it.' })
  outlet(@Root() source: Source, @Ctx() { loaders }: Context): Promise<Company | null> | null {
    return source.outletId == null ? null : loaders.company.byId.load(source.outletId);
  }
}

/**
 * The fields every reported-event type resolves alike (`source`, `speaker`). One resolver class per
 * event type, made here, so the three event types cannot drift apart.
 */
export function createReportedEventResolver<T extends ReportedEvent>(
  eventType: ClassType<T>,
  byId: (loaders: Loaders) => DataLoader<number, T | null>,
) {
  @Resolver(() => eventType)
  class ReportedEventResolver {
    @FieldResolver(() => eventType, {
      nullable: true,
      description: 'The retracted event this one replaced (correctEvent), if any.',
    })
    corrects(@Root() event: ReportedEvent, @Ctx() { loaders }: Context): Promise<T | null> | null {
      return event.correctsId == null ? null : byId(loaders).load(event.correctsId);
    }

    @FieldResolver(() => eventType, {
      nullable: true,
      description: 'The event that replaced this one (correctEvent), if it was corrected.',
    })
    correctedBy(
      @Root() event: ReportedEvent,
      @Ctx() { loaders }: Context,
    ): Promise<T | null> | null {
      return event.correctedById == null ? null : byId(loaders).load(event.correctedById);
    }

    @FieldResolver(() => Source, { description: 'Where it was published.' })
    source(@Root() event: ReportedEvent, @Ctx() { loaders }: Context): Promise<Source | null> {
      return loaders.source.byId.load(event.sourceId);
    }

    @FieldResolver(() => Person, {
      nullable: true,
      description: 'The person who said it, when a named person did.',
    })
    speaker(
      @Root() event: ReportedEvent,
      @Ctx() { loaders }: Context,
    ): Promise<Person | null> | null {
      return event.speakerId == null ? null : loaders.person.byId.load(event.speakerId);
    }
  }
  Object.defineProperty(ReportedEventResolver, 'name', {
    value: `${eventType.name}SourceResolver`,
  });
  return ReportedEventResolver;
}
