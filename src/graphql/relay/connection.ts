import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../../errors';
import { containsPattern } from '../../lib/text';
import { countOf } from '../../db/batching';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo', { description: 'Where a page sits in its connection (Relay cursor spec).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items come before the first one of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first item of this page.',
  })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page.' })
  endCursor!: string | null;
}

/** The paging arguments every connection field takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type CursorValue = string | number;

export interface Page {
  /** The list the page belongs to: a connection and its order (`films:TITLE`); see `parsePage`. */
  readonly list: string;
  /** How many rows to return (without the one extra row fetched to see whether more follow). */
  readonly size: number;
  /** Forward pages read in the connection's order; backward pages (`last`) read it in reverse. */
  readonly backward: boolean;
  readonly after: CursorValue[] | null;
  readonly before: CursorValue[] | null;
}

/**
 * Cursors are opaque to clients: base64url of the JSON of the list they belong to followed by the
 * row's sort key, so that a cursor given to another list (or order) is refused, not misread.
 */
export function encodeCursor(list: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, field: string, list: string, arity: number): CursorValue[] {
  let values: unknown;
  if (/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) {
    try {
      values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      // Not JSON: refused below like every other malformed cursor.
    }
  }
  if (
    !Array.isArray(values) ||
    values.length !== arity + 1 ||
    typeof values[0] !== 'string' ||
    !values.every((v) => typeof v === 'string' || Number.isFinite(v))
  ) {
    throw new BadUserInputError(`"${field}" is not a cursor of this connection.`, field);
  }
  if (values[0] !== list) {
    throw new BadUserInputError(
      `"${field}" is a cursor of another list or order (${values[0]}), not of ${list}: page with the cursors this connection returned.`,
      field,
    );
  }
  return values.slice(1) as CursorValue[];
}

function checkSize(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `"${field}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`,
      field,
    );
  }
  return value;
}

/**
 * Validates paging arguments. `list` names the connection and its order (plus the parent, for a
 * list that belongs to one object: `Franchise:3.films:STORY`); `arity` is the number of values in
 * its sort key. Cursors of any other list are refused.
 */
export function parsePage(args: PageArgs, list: string, arity: number): Page {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if (first != null && last != null) {
    throw new BadUserInputError('Pass "first" or "last", not both.', 'last');
  }
  return {
    list,
    size: first ?? last ?? DEFAULT_PAGE_SIZE,
    backward: last != null,
    after: args.after == null ? null : decodeCursor(args.after, 'after', list, arity),
    before: args.before == null ? null : decodeCursor(args.before, 'before', list, arity),
  };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page of a connection, as the generated `…Connection` types expect it. */
export interface ConnectionResult<T, E extends { cursor: string } = Edge<T>> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * Turns rows read for a page (up to `size + 1`, in reading order) into a connection. `count` is only
 * called when a client asks for `totalCount`.
 */
export function toConnection<T, E extends { cursor: string } = Edge<T>>(
  rows: readonly T[],
  page: Page,
  cursorOf: (row: T) => CursorValue[],
  count: () => Promise<number>,
  makeEdge: (row: T, cursor: string) => E = (node, cursor) => ({ node, cursor }) as unknown as E,
): ConnectionResult<T, E> {
  const more = rows.length > page.size;
  const kept = rows.slice(0, page.size);
  if (page.backward) kept.reverse();
  const edges = kept.map((row) => makeEdge(row, encodeCursor(page.list, cursorOf(row))));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.before != null : more,
      hasPreviousPage: page.backward ? more : page.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}

/**
 * Keyset paging on a query builder: `keys` are SQL expressions that never yield NULL and end with a
 * unique column, all ascending. Reads `size + 1` rows from the cursor on, without OFFSET.
 */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: readonly string[],
  page: Page,
): SelectQueryBuilder<T> {
  const tuple = `(${keys.join(', ')})`;
  const bind = (values: CursorValue[], prefix: string) => {
    const names = values.map((_, i) => `${prefix}${i}`);
    return [
      `(${names.map((n) => `:${n}`).join(', ')})`,
      Object.fromEntries(names.map((n, i) => [n, values[i]])),
    ] as const;
  };
  if (page.after) {
    const [placeholders, params] = bind(page.after, 'after_');
    qb.andWhere(`${tuple} > ${placeholders}`, params);
  }
  if (page.before) {
    const [placeholders, params] = bind(page.before, 'before_');
    qb.andWhere(`${tuple} < ${placeholders}`, params);
  }
  const direction = page.backward ? 'DESC' : 'ASC';
  keys.forEach((key, i) => (i === 0 ? qb.orderBy(key, direction) : qb.addOrderBy(key, direction)));
  return qb.limit(page.size + 1);
}

/**
 * A page of a list of named rows in name order, ignoring case and accents (then id), through an
 * index on (sortKey, id); `nameContains` matches the row's folded `searchText`. The people,
 * franchise, character and company lists.
 */
export async function pageByName<T extends ObjectLiteral & { sortKey: string; id: number }>(
  qb: SelectQueryBuilder<T>,
  paging: PageArgs,
  nameContains: string | null | undefined,
  list: string,
): Promise<ConnectionResult<T>> {
  const page = parsePage(paging, list, 2);
  const alias = qb.alias;
  if (nameContains != null) {
    qb.andWhere(`${alias}.searchText LIKE :name ESCAPE '\\'`, {
      name: containsPattern(nameContains),
    });
  }
  const count = qb.clone();
  const rows = await applyKeyset(qb, [`${alias}.sortKey`, `${alias}.id`], page).getMany();
  return toConnection(
    rows,
    page,
    (row) => [row.sortKey, row.id],
    () => countOf(count),
  );
}

/** `<Name>Edge`: the cursor and the node. */
function plainEdgeType<T extends object>(name: string, nodeType: ClassType<T> | object): ClassType {
  @ObjectType(`${name}Edge`, { description: `An item of a ${name}Connection, with its cursor.` })
  class EdgeType {
    @Field(() => nodeType, { description: 'The item.' })
    node!: T;

    @Field(() => String, { description: 'Pass as `after` or `before` to page from this item.' })
    cursor!: string;
  }
  return EdgeType;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node type (one factory for all). A
 * connection whose edges carry more than the cursor and the node (a film's place in a franchise, a
 * search result's rank) passes its own `<Name>Edge` class as `edgeType` instead.
 */
export function createConnectionType<T extends object>(
  name: string,
  nodeType: ClassType<T> | object,
  description: string,
  edgeType?: ClassType,
): ClassType<ConnectionResult<T>> {
  const EdgeType = edgeType ?? plainEdgeType(name, nodeType);

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, each with its cursor.' })
    edges!: object[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has (all pages).' })
    totalCount!: number;
  }
  return ConnectionType as unknown as ClassType<ConnectionResult<T>>;
}
