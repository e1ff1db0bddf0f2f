import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import {
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
  type CursorValue,
} from '../common/connection';
import { DateTimeScalar } from '../common/dates';
import type { Context } from '../context';
import type { Loaders } from '../loaders';
import { SourcedEvent, type AnySourcedEvent, type EventTypeName } from './sourced-event';

export enum ChangeKind {
  RECORDED = 'RECORDED',
  RETRACTED = 'RETRACTED',
}

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to an event.',
  valuesConfig: {
    RECORDED: { description: 'The event was recorded (a new report).' },
    RETRACTED: { description: 'The event was retracted; it no longer counts.' },
  },
});

@ObjectType('Change', {
  description: 'Something entered into franchise-graph: a new report, or the retraction of one.',
})
export class Change {
  @Field(() => ChangeKind, { description: 'Recorded or retracted.' })
  kind!: ChangeKind;

  @Field(() => DateTimeScalar, {
    description: 'When it was entered (`recordedAt` or `retractedAt` of the event).',
  })
  at!: string;

  @Field(() => String, { description: 'Who entered it: the name of the key (or "seed").' })
  by!: string;

  eventType!: EventTypeName;
  eventId!: number;
  /** Orders changes entered at the same instant (see SOURCES). */
  rank!: number;
}

export const ChangeConnection = createConnectionType(
  'Change',
  Change,
  'A page of changes, oldest first (by the instant they were entered).',
);

/** The tables the feed reads, each twice (recorded, retracted); `rank` orders changes of the same instant. */
const SOURCES: { table: string; type: EventTypeName }[] = [
  { table: 'attachment_event', type: 'AttachmentEvent' },
  { table: 'production_event', type: 'ProductionEvent' },
  { table: 'film_relation_event', type: 'FilmRelationEvent' },
];

function feedSql(): string {
  return SOURCES.flatMap(({ table }, i) => [
    `SELECT e."recordedAt" AS "at", ${2 * i} AS "rank", e."id" AS "id", e."recordedBy" AS "by"
       FROM "${table}" e WHERE e."recordedAt" >= :since`,
    `SELECT e."retractedAt" AS "at", ${2 * i + 1} AS "rank", e."id" AS "id", e."retractedBy" AS "by"
       FROM "${table}" e WHERE e."retractedAt" >= :since`,
  ]).join('\n UNION ALL \n');
}

const LOADERS: Record<
  EventTypeName,
  (loaders: Loaders) => { load(id: number): Promise<AnySourcedEvent | null> }
> = {
  AttachmentEvent: (l) => l.attachmentEventByIdLoader,
  ProductionEvent: (l) => l.productionEventByIdLoader,
  FilmRelationEvent: (l) => l.filmRelationEventByIdLoader,
};

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description:
      'Every event entered since an instant — new reports of deal status, production status and film relations, ' +
      'and retractions — oldest first: what a newsroom tool polls. Keep the last `endCursor` and pass it as ' +
      '`after` next time. This is about when things were *entered*; `attachments(filter: { changedSince })` ' +
      'is about the day a change *took effect*.',
  })
  async changes(
    @Ctx() { dataSource }: Context,
    @Arg('since', () => DateTimeScalar, {
      description: 'Include what was entered at or after this instant.',
    })
    since: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Page size (default 20, at most 100).',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Return changes after this cursor.',
    })
    after: string | null,
  ): Promise<ConnectionResult<Change>> {
    const page = parsePage({ first, after }, 3);
    const params: Record<string, unknown> = { since, limit: page.size + 1 };
    let where = '';
    if (page.after) {
      where = 'WHERE (c."at", c."rank", c."id") > (:at, :rank, :id)';
      [params.at, params.rank, params.id] = page.after;
    }
    const sql = `SELECT c."at", c."rank", c."id", c."by" FROM (${feedSql()}) c ${where}
                 ORDER BY c."at", c."rank", c."id" LIMIT :limit`;
    const [query, parameters] = dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows: { at: string; rank: number | string; id: number | string; by: string }[] =
      await dataSource.query(query, parameters);
    const changes = rows.map((row) => {
      const rank = Number(row.rank);
      return Object.assign(new Change(), {
        kind: rank % 2 === 0 ? ChangeKind.RECORDED : ChangeKind.RETRACTED,
        at: row.at,
        by: row.by ?? '',
        eventType: SOURCES[Math.floor(rank / 2)].type,
        eventId: Number(row.id),
        rank,
      });
    });
    return toConnection(
      changes,
      page,
      (change): CursorValue[] => [change.at, change.rank, change.eventId],
      async () => {
        const [countQuery, countParameters] = dataSource.driver.escapeQueryWithParameters(
          `SELECT COUNT(*) AS "count" FROM (${feedSql()}) c`,
          { since },
        );
        const [{ count }] = (await dataSource.query(countQuery, countParameters)) as {
          count: number | string;
        }[];
        return Number(count);
      },
    );
  }

  @FieldResolver(() => SourcedEvent, { description: 'The event that was recorded or retracted.' })
  async event(@Root() change: Change, @Ctx() { loaders }: Context): Promise<AnySourcedEvent> {
    const event = await LOADERS[change.eventType](loaders).load(change.eventId);
    if (!event)
      throw new Error(`${change.eventType} ${change.eventId} listed by changes() is gone`);
    return event;
  }
}
