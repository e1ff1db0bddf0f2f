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
import { ChangeKind } from './change-log';
import { OrderByArg } from '../graphql/list-args';
import { ChangeLogEntry } from './change-log.entity';
import { EVENT_TYPES, SourcedEvent, type AnySourcedEvent } from './sourced-event';

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

  subjectType!: string;
  subjectId!: number;
  /** The commit-order number of the change (see `nextChangeSeq`); 0 for rows loaded in bulk. */
  seq!: number;
  /** The change's row in the log: orders changes loaded in bulk. */
  logId!: number;
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
    @OrderByArg(ChangeOrder, ChangeOrder.COMMITTED) orderBy: ChangeOrder,
  ): Promise<ConnectionResult<Change>> {
    const page = parsePage({ first, after }, `changes:${orderBy}`, 2);
    const qb = db
      .getRepository(ChangeLogEntry)
      .createQueryBuilder('c')
      .where('c.at >= :since', { since });
    const count = qb.clone();
    if (page.after) {
      const [seq, id] = page.after;
      if (typeof seq !== 'number' || typeof id !== 'number') {
        throw new BadUserInputError('"after" is not a cursor of this connection.', 'after');
      }
      qb.andWhere('(c.seq, c.id) > (:seq, :id)', { seq, id });
    }
    const rows = await qb
      .orderBy('c.seq', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.size + 1)
      .getMany();
    const changes = rows.map((row) =>
      Object.assign(new Change(), {
        kind: row.kind as ChangeKind,
        at: row.at,
        by: row.by,
        detail: row.detail,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        seq: row.seq,
        logId: row.id,
      }),
    );
    return toConnection(
      changes,
      page,
      (change): CursorValue[] => [change.seq, change.logId],
      () => count.getCount(),
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
