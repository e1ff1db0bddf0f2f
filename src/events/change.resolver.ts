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
} from '../graphql/relay/connection';
import { DateTimeScalar } from '../graphql/scalars';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { Node } from '../graphql/relay/node';
import { loadNode } from '../graphql/relay/node.resolver';
import { SourcedEvent, type AnySourcedEvent, type EventTypeName } from './sourced-event';

export enum ChangeKind {
  RECORDED = 'RECORDED',
  RETRACTED = 'RETRACTED',
  MERGED = 'MERGED',
  DELETED = 'DELETED',
}

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to an event.',
  valuesConfig: {
    RECORDED: { description: 'The event was recorded (a new report).' },
    RETRACTED: { description: 'The event was retracted; it no longer counts.' },
    MERGED: { description: 'A duplicate record was merged into `subject`, the record kept.' },
    DELETED: { description: 'An unreferenced record was deleted (`subject` is null then).' },
  },
});

@ObjectType('Change', {
  description:
    'Something entered into franchise-graph: a new report, the retraction of one, a merge or a delete.',
})
export class Change {
  @Field(() => ChangeKind, { description: 'Recorded, retracted, merged or deleted.' })
  kind!: ChangeKind;

  @Field(() => DateTimeScalar, {
    description: 'When it was entered (`recordedAt` or `retractedAt` of the event).',
  })
  at!: string;

  @Field(() => String, { description: 'Who entered it: the name of the key (or "seed").' })
  by!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What happened, in words, for a merge or a delete.',
  })
  detail!: string | null;

  /** Null for a merge or a delete (a change-log row). */
  eventType!: EventTypeName | null;
  /** The event's id, or the change-log row's. */
  eventId!: number;
  /** The record a merge or delete is about. */
  subject!: { type: string; id: number } | null;
  /** The commit-order number of the change (see `nextChangeSeq`); 0 for rows loaded in bulk. */
  seq!: number;
  /** Orders changes of one transaction and instant (see SOURCES). */
  rank!: number;
}

export const ChangeConnection = createConnectionType(
  'Change',
  Change,
  'A page of changes, oldest first: in the order they were committed.',
);

/** The tables the feed reads, each twice (recorded, retracted); `rank` orders changes of the same instant. */
const SOURCES: { table: string; type: EventTypeName }[] = [
  { table: 'attachment_event', type: 'AttachmentEvent' },
  { table: 'production_event', type: 'ProductionEvent' },
  { table: 'film_relation_event', type: 'FilmRelationEvent' },
];

/** The rank of the change-log branch, after both branches of every event table. */
const LOG_RANK = 2 * SOURCES.length;

/** The feed's columns that only change-log rows fill. */
const NO_LOG_COLUMNS = `CAST(NULL AS varchar(32)) AS "logKind", CAST(NULL AS varchar(40)) AS "subjectType",
            CAST(NULL AS integer) AS "subjectId", CAST(NULL AS text) AS "detail"`;

/**
 * Every change entered since `:since`, as (seq, at, rank, id, by). Past a numbered change (`afterSeq` >
 * 0), each branch is also cut at the cursor's number, so a poll reads only what is new, through the seq
 * indexes (unnumbered retractions, seq null, sort as 0 and are rightly left out then).
 */
function feedSql(afterSeq: number | null): string {
  const cut = (column: string) => (afterSeq ? ` AND ${column} >= :afterSeq` : '');
  return [
    ...SOURCES.flatMap(({ table }, i) => [
      `SELECT e."recordedSeq" AS "seq", e."recordedAt" AS "at", ${2 * i} AS "rank", e."id" AS "id",
            e."recordedBy" AS "by", ${NO_LOG_COLUMNS}
       FROM "${table}" e WHERE e."recordedAt" >= :since${cut('e."recordedSeq"')}`,
      `SELECT COALESCE(e."retractedSeq", 0) AS "seq", e."retractedAt" AS "at", ${2 * i + 1} AS "rank",
            e."id" AS "id", e."retractedBy" AS "by", ${NO_LOG_COLUMNS}
       FROM "${table}" e WHERE e."retractedAt" >= :since${cut('e."retractedSeq"')}`,
    ]),
    `SELECT l."seq" AS "seq", l."at" AS "at", ${LOG_RANK} AS "rank", l."id" AS "id", l."by" AS "by",
            l."kind" AS "logKind", l."subjectType" AS "subjectType", l."subjectId" AS "subjectId",
            l."detail" AS "detail"
       FROM "change_log" l WHERE l."at" >= :since${cut('l."seq"')}`,
  ].join('\n UNION ALL \n');
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description:
      'Every event entered since an instant — new reports of deal status, production status and film relations, ' +
      'and retractions — oldest first, in the order they were committed: what a newsroom tool polls. Keep ' +
      '`since` and the last `endCursor`, and pass both next time: a change committed later always comes after ' +
      'the cursor, even when it was entered a moment before changes already seen, and with several servers. ' +
      'This is about when things were *entered*; `attachments(filter: { changedSince })` is about the day a ' +
      'change *took effect*.',
  })
  async changes(
    @Ctx() { db }: Context,
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
    const page = parsePage({ first, after }, 4);
    const params: Record<string, unknown> = { since, limit: page.size + 1 };
    let where = '';
    if (page.after) {
      const [seq, at, rank, id] = page.after;
      if (
        typeof seq !== 'number' ||
        typeof at !== 'string' ||
        typeof rank !== 'number' ||
        typeof id !== 'number'
      ) {
        throw new BadUserInputError('"after" is not a cursor of this connection.', 'after');
      }
      where = 'WHERE (c."seq", c."at", c."rank", c."id") > (:afterSeq, :at, :rank, :id)';
      Object.assign(params, { afterSeq: seq, at, rank, id });
    }
    const sql = `SELECT c."seq", c."at", c."rank", c."id", c."by", c."logKind", c."subjectType",
                        c."subjectId", c."detail" FROM (${feedSql(page.after ? Number(page.after[0]) : null)}) c ${where}
                 ORDER BY c."seq", c."at", c."rank", c."id" LIMIT :limit`;
    const [query, parameters] = db.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows: {
      seq: number | string;
      at: string;
      rank: number | string;
      id: number | string;
      by: string;
      logKind: string | null;
      subjectType: string | null;
      subjectId: number | string | null;
      detail: string | null;
    }[] = await db.query(query, parameters);
    const changes = rows.map((row) => {
      const rank = Number(row.rank);
      const logged = rank === LOG_RANK;
      return Object.assign(new Change(), {
        kind: logged
          ? (row.logKind as ChangeKind)
          : rank % 2 === 0
            ? ChangeKind.RECORDED
            : ChangeKind.RETRACTED,
        at: row.at,
        by: row.by ?? '',
        detail: row.detail ?? null,
        eventType: logged ? null : SOURCES[Math.floor(rank / 2)].type,
        eventId: Number(row.id),
        subject: logged ? { type: row.subjectType!, id: Number(row.subjectId) } : null,
        seq: Number(row.seq),
        rank,
      });
    });
    return toConnection(
      changes,
      page,
      (change): CursorValue[] => [change.seq, change.at, change.rank, change.eventId],
      async () => {
        const [countQuery, countParameters] = db.dataSource.driver.escapeQueryWithParameters(
          `SELECT COUNT(*) AS "count" FROM (${feedSql(null)}) c`,
          { since },
        );
        const [{ count }] = (await db.query(countQuery, countParameters)) as {
          count: number | string;
        }[];
        return Number(count);
      },
    );
  }

  @FieldResolver(() => SourcedEvent, {
    nullable: true,
    description: 'The event that was recorded or retracted; null for a merge or a delete.',
  })
  async event(
    @Root() change: Change,
    @Ctx() { loaders }: Context,
  ): Promise<AnySourcedEvent | null> {
    const type = change.eventType;
    if (type == null) return null;
    // Every event type is a Node type, loaded by its own loader.
    const event = (await loadNode(loaders, { type, id: change.eventId })) as AnySourcedEvent | null;
    if (!event)
      throw new Error(`${change.eventType} ${change.eventId} listed by changes() is gone`);
    return event;
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description:
      'The record a merge is about (the kept one); null for an event (see `event`) and after a delete.',
  })
  subject(@Root() change: Change, @Ctx() { loaders }: Context): Promise<object | null> | null {
    if (change.subject == null || change.kind === ChangeKind.DELETED) return null;
    return loadNode(loaders, change.subject);
  }
}
