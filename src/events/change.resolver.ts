import {
  Arg,
  registerEnumType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import {
  createConnectionType,
  encodeCursor,
  parsePage,
  toConnection,
  type ConnectionResult,
  type CursorValue,
} from '../graphql/relay/connection';
import { DateTimeScalar } from '../graphql/scalars';
import type { Context } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { BadUserInputError } from '../errors';
import { Node } from '../graphql/relay/node';
import { loadNode } from '../graphql/relay/node.resolver';
import { ChangeKind } from './change-log';
import { SubscriptionTransportError } from '../graphql/http-status';
import { OrderByArg } from '../graphql/list-args';
import { ChangeLogEntry } from './change-log.entity';
import { ChangeFilter, changeScopeOf, whereInScope } from './change-filter';
import { EVENT_TYPES, SourcedEvent, type AnySourcedEvent } from './sourced-event';
import { countOf } from '../db/batching';

@ObjectType('Change', {
  description:
    'One write to franchise-graph: a report recorded or retracted, a film, person, character, company, ' +
    'franchise, membership or relation created or changed, or a duplicate merged or a record deleted.',
})
export class Change {
  @Field(() => ChangeKind, { description: 'What the write did to its subject.' })
  kind!: ChangeKind;

  @Field(() => DateTimeScalar, { description: 'When it was written.' })
  at!: string;

  @Field(() => String, { description: 'Who wrote it: the name of the key (or "seed").' })
  by!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What happened, in words, for a merge or a delete; null otherwise.',
  })
  detail!: string | null;

  @Field(() => String, {
    description:
      'Where this change is in the feed: the cursor of its edge in `Query.changes`. Pass it as `after` to ' +
      '`Query.changes` or `Subscription.changes` to continue after this change.',
  })
  get cursor(): string {
    return changeCursor(this);
  }

  subjectType!: string;
  subjectId!: number;
  /** The commit-order number of the change (see `nextChangeSeq`); 0 for rows loaded in bulk. */
  seq!: number;
  /** The change's row in the log: orders changes loaded in bulk. */
  logId!: number;
  /**
   * What subscriptions read the change's subject and event with: made by the change feed for each read,
   * shared by every subscription the change goes to (one set of SQL statements, not one per subscriber).
   */
  loaders?: Loaders;
}

/** The list name a feed cursor is bound to (the feed has one order). */
const CHANGES_LIST = 'changes:COMMITTED';

/** The cursor of a change in the feed: its commit-order number, then its row. */
export function changeCursor(change: Pick<Change, 'seq' | 'logId'>): string {
  return encodeCursor(CHANGES_LIST, [change.seq, change.logId]);
}

/** Where a cursor of the feed points: after the change with this number and row. */
export interface ChangePosition {
  readonly seq: number;
  readonly id: number;
}

/** Decodes an `after` cursor of the feed; BAD_USER_INPUT on `after` for anything else. */
export function changePositionOf(after: string): ChangePosition {
  return positionAt(parsePage({ first: null, after }, CHANGES_LIST, 2).after!);
}

/** The position a decoded feed cursor names; BAD_USER_INPUT on `after` unless it is two numbers. */
function positionAt([seq, id]: CursorValue[]): ChangePosition {
  if (typeof seq !== 'number' || typeof id !== 'number') {
    throw new BadUserInputError('"after" is not a cursor of this connection.', 'after');
  }
  return { seq, id };
}

/** A change_log row as the API serves it. */
export function toChange(row: ChangeLogEntry): Change {
  return Object.assign(new Change(), {
    kind: row.kind as ChangeKind,
    at: row.at,
    by: row.by,
    detail: row.detail,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    seq: row.seq,
    logId: row.id,
  });
}

export const ChangeConnection = createConnectionType(
  'Change',
  Change,
  'A page of changes, oldest first: in the order they were committed.',
);

export enum ChangeOrder {
  COMMITTED = 'COMMITTED',
}

registerEnumType(ChangeOrder, {
  name: 'ChangeOrder',
  description: 'The order of the changes feed.',
  valuesConfig: {
    COMMITTED: { description: 'In the order the writes were committed, oldest first.' },
  },
});

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description:
      'Every write since an instant — reports recorded and retracted (deal status, production status, ' +
      'relations, releases, titles), and films, people, characters, companies, franchises, memberships and ' +
      'relations created or changed — oldest first, in the order they were committed: what a newsroom tool ' +
      'polls. Keep `since` and the last `endCursor`, and pass both next time: a change committed later ' +
      'always comes after the cursor, even when it was entered a moment before changes already seen, and ' +
      'with several servers. This is about when things were *entered*; `attachments(filter: { changedSince })` ' +
      'is about the day a change *took effect*.',
  })
  async changes(
    @Ctx() { db }: Context,
    @Arg('since', () => DateTimeScalar, {
      description: 'Include what was written at or after this instant.',
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
    @Arg('filter', () => ChangeFilter, {
      nullable: true,
      description: 'Only the changes about a film, person or franchise, or of some kinds.',
    })
    filter: ChangeFilter | null,
    @OrderByArg(ChangeOrder, ChangeOrder.COMMITTED) orderBy: ChangeOrder,
  ): Promise<ConnectionResult<Change>> {
    const page = parsePage({ first, after }, `changes:${orderBy}`, 2);
    const qb = whereInScope(
      db.getRepository(ChangeLogEntry).createQueryBuilder('c').where('c.at >= :since', { since }),
      changeScopeOf(filter),
    );
    const count = qb.clone();
    if (page.after) {
      const { seq, id } = positionAt(page.after);
      qb.andWhere('(c.seq, c.id) > (:seq, :id)', { seq, id });
    }
    const rows = await qb
      .orderBy('c.seq', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.size + 1)
      .getMany();
    const changes = rows.map(toChange);
    return toConnection(
      changes,
      page,
      (change): CursorValue[] => [change.seq, change.logId],
      () => countOf(count),
    );
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description:
      'What was written: the report, film, person… (for a merge, the record kept). A merged record resolves ' +
      'to the record it was merged into; null once the record is deleted.',
  })
  subject(@Root() change: Change, @Ctx() { loaders }: Context): Promise<object | null> | null {
    if (change.kind === ChangeKind.DELETED) return null;
    return loadNode(loaders, { type: change.subjectType, id: change.subjectId });
  }

  @FieldResolver(() => SourcedEvent, {
    nullable: true,
    description:
      'The report recorded or retracted, when the subject is one; null for other writes (a merge, a delete…).',
  })
  async event(
    @Root() change: Change,
    @Ctx() { loaders }: Context,
  ): Promise<AnySourcedEvent | null> {
    if (!(change.subjectType in EVENT_TYPES)) return null;
    const event = await loadNode(loaders, { type: change.subjectType, id: change.subjectId });
    if (!event)
      throw new Error(`${change.subjectType} ${change.subjectId} listed by changes() is gone`);
    return event as AnySourcedEvent;
  }
}

/** The arguments of `Subscription.changes`, as its `subscribe` function gets them (not yet validated). */
interface ChangeSubscriptionArgs {
  readonly filter?: ChangeFilter | null;
  readonly after?: string | null;
}

/** A WebSocket close code of this API: the client took no change for too long while changes waited. */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

@Resolver(() => Change)
export class ChangeSubscriptionResolver {
  @Subscription(() => Change, {
    name: 'changes',
    description:
      'Every write as it is committed, pushed over WebSocket (graphql-ws): the same `Change` objects as ' +
      '`Query.changes`, in the same order. With `after` (a cursor from `Query.changes` or the `cursor` of ' +
      'the last change received), first every matching change committed after it, then live, with no gap ' +
      'and no repeat: a client that reconnects with its last cursor misses nothing.',
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, ChangeSubscriptionArgs, Context>) => {
      const live = context.live;
      if (!live) throw new SubscriptionTransportError();
      const scope = changeScopeOf(args.filter);
      const after = args.after == null ? null : changePositionOf(args.after);
      return live.feed.subscribe(scope, after, () =>
        live.close(
          SLOW_CONSUMER_CLOSE_CODE,
          'Slow consumer: changes waited unread; reconnect with your last cursor',
        ),
      );
    },
  })
  changes(
    @Root() change: Change,
    @Ctx() context: Context,
    @Arg('filter', () => ChangeFilter, {
      nullable: true,
      description: 'Only the changes about a film, person or franchise, or of some kinds.',
    })
    _filter: ChangeFilter | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Replay every matching change committed after this cursor first; without it, changes from now on.',
    })
    _after: string | null,
  ): Change {
    // Over HTTP, Apollo executes a subscription document as a query: there is no change to push.
    if (!(change instanceof Change)) throw new SubscriptionTransportError();
    context.readWith(change.loaders ?? null);
    return change;
  }
}
