import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import {
  applyKeyset,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  encodeCursor,
  parsePage,
  toConnection,
  type Page,
} from '../../src/graphql/relay/connection';

/** The message and extensions of the error `run` throws. */
function errorOf(run: () => unknown): { message: string; extensions: unknown } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, extensions: error.extensions };
  }
  throw new Error('expected a GraphQLError');
}

const badInput = (field: string, message: string) => ({
  message,
  extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
});

const LIST = 'films:TITLE';

const rawCursor = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

describe('parsePage', () => {
  test('pages forward through 20 items when no size is given', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(parsePage({}, LIST, 2)).toEqual({
      list: LIST,
      size: 20,
      backward: false,
      after: null,
      before: null,
    });
  });

  test('reads first, last and both cursors', () => {
    expect(parsePage({ first: 0 }, LIST, 1)).toEqual({
      list: LIST,
      size: 0,
      backward: false,
      after: null,
      before: null,
    });
    expect(
      parsePage(
        {
          last: 100,
          after: encodeCursor(LIST, ['2020-05-04', 7]),
          before: encodeCursor(LIST, ['b', 8]),
        },
        LIST,
        2,
      ),
    ).toEqual({
      list: LIST,
      size: 100,
      backward: true,
      after: ['2020-05-04', 7],
      before: ['b', 8],
    });
  });

  test('accepts sizes from 0 to 100 and refuses anything else, naming the argument', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(parsePage({ first: 100 }, LIST, 1).size).toBe(100);
    expect(parsePage({ last: 0 }, LIST, 1).size).toBe(0);
    expect(errorOf(() => parsePage({ first: 101 }, LIST, 1))).toEqual(
      badInput('first', '"first" must be between 0 and 100, got 101.'),
    );
    expect(errorOf(() => parsePage({ last: -1 }, LIST, 1))).toEqual(
      badInput('last', '"last" must be between 0 and 100, got -1.'),
    );
    expect(errorOf(() => parsePage({ first: 1.5 }, LIST, 1))).toEqual(
      badInput('first', '"first" must be between 0 and 100, got 1.5.'),
    );
  });

  test('refuses first and last together', () => {
    expect(errorOf(() => parsePage({ first: 1, last: 1 }, LIST, 1))).toEqual(
      badInput('last', 'Pass "first" or "last", not both.'),
    );
    expect(errorOf(() => parsePage({ first: 0, last: 0 }, LIST, 1))).toEqual(
      badInput('last', 'Pass "first" or "last", not both.'),
    );
  });

  test.each([
    ['the empty string', ''],
    // Node's base64url decoder skips "=", "!" and the like: these would decode to a good sort key.
    ['characters outside base64url', `${encodeCursor(LIST, ['a', 1])}=`],
    ['text before a cursor', `!${encodeCursor(LIST, ['a', 1])}`],
    ['text after a cursor', `${encodeCursor(LIST, ['a', 1])}!`],
    ['more than 1000 characters', encodeCursor(LIST, ['x'.repeat(800), 1])],
    ['base64url that is not JSON', 'bm90IGpzb24'],
    ['JSON that is not a list', rawCursor('{"0":1}')],
    ['a list without the list name', rawCursor('["a", 1]')],
    ['a number where the list name goes', rawCursor('[1, "a", 1]')],
    ['a list of another length', encodeCursor(LIST, ['a', 1, 2])],
    ['a shorter list', encodeCursor(LIST, ['a'])],
    ['a boolean in the list', rawCursor(`["${LIST}", true, 1]`)],
    ['null in the list', rawCursor(`["${LIST}", null, 1]`)],
    ['an infinite number', rawCursor(`["${LIST}", 1e999, 1]`)],
    ['a list in the list', rawCursor(`["${LIST}", [1], 1]`)],
  ])('refuses a cursor that is %s, naming the argument', (_, cursor) => {
    expect(errorOf(() => parsePage({ after: cursor }, LIST, 2))).toEqual(
      badInput('after', '"after" is not a cursor of this connection.'),
    );
    expect(errorOf(() => parsePage({ before: cursor }, LIST, 2))).toEqual(
      badInput('before', '"before" is not a cursor of this connection.'),
    );
  });

  test('accepts a cursor of 1000 characters', () => {
    const longest = encodeCursor(LIST, ['x'.repeat(730), 1]);
    expect(longest).toHaveLength(1000);
    expect(parsePage({ after: longest }, LIST, 2).after).toEqual(['x'.repeat(730), 1]);
  });

  test.each([
    ['another connection', 'people:NAME'],
    ['another order of the same connection', 'films:RELEASE_DATE'],
  ])('refuses a well-formed cursor of %s, naming the argument and both lists', (_, other) => {
    const foreign = encodeCursor(other, ['a', 1]);
    const message = (field: string) =>
      `"${field}" is a cursor of another list or order (${other}), not of ${LIST}: page with the cursors this connection returned.`;
    expect(errorOf(() => parsePage({ after: foreign }, LIST, 2))).toEqual(
      badInput('after', message('after')),
    );
    expect(errorOf(() => parsePage({ before: foreign }, LIST, 2))).toEqual(
      badInput('before', message('before')),
    );
  });
});

describe('toConnection', () => {
  const rows = ['a', 'b', 'c'];
  const cursorOf = (row: string) => [row];
  const page = (size: number, backward: boolean, after: boolean, before: boolean): Page => ({
    list: LIST,
    size,
    backward,
    after: after ? ['x'] : null,
    before: before ? ['z'] : null,
  });
  const noCount = () => Promise.reject(new Error('totalCount was not asked for'));

  test('keeps size rows of a forward read and says more follow when it read one more', () => {
    const result = toConnection(rows, page(2, false, false, false), cursorOf, noCount);
    expect(result.edges).toEqual([
      { node: 'a', cursor: encodeCursor(LIST, ['a']) },
      { node: 'b', cursor: encodeCursor(LIST, ['b']) },
    ]);
    expect(result.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(LIST, ['a']),
      endCursor: encodeCursor(LIST, ['b']),
    });
  });

  test('a forward page that read exactly size rows is the last; after a cursor, one came before', () => {
    const result = toConnection(rows, page(3, false, true, true), cursorOf, noCount);
    expect(result.edges.map((edge) => edge.node)).toEqual(['a', 'b', 'c']);
    expect(result.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  test('a backward read is put back in the connection’s order; more read means more before', () => {
    const result = toConnection(['c', 'b', 'a'], page(2, true, false, true), cursorOf, noCount);
    expect(result.edges.map((edge) => edge.node)).toEqual(['b', 'c']);
    expect(result.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(LIST, ['b']),
      endCursor: encodeCursor(LIST, ['c']),
    });
    const first = toConnection(['b', 'a'], page(2, true, true, false), cursorOf, noCount);
    expect(first.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  test('an empty page has no cursors', () => {
    const result = toConnection([], page(0, false, false, false), cursorOf, noCount);
    expect(result.edges).toEqual([]);
    expect(result.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  test('counts only when totalCount is read, and only once', async () => {
    const count = jest.fn(() => Promise.resolve(3));
    const result = toConnection(rows, page(2, false, false, false), cursorOf, count);
    expect(count).not.toHaveBeenCalled();
    await expect(result.totalCount).resolves.toBe(3);
    await expect(result.totalCount).resolves.toBe(3);
    expect(count).toHaveBeenCalledTimes(1);
  });

  test('builds edges with makeEdge when given one', () => {
    const result = toConnection(
      rows,
      page(1, false, false, false),
      cursorOf,
      noCount,
      (row, cursor) => ({
        cursor,
        label: row.toUpperCase(),
      }),
    );
    expect(result.edges).toEqual([{ cursor: encodeCursor(LIST, ['a']), label: 'A' }]);
  });
});

describe('encodeCursor', () => {
  test('is the base64url of the JSON of the list’s name and the sort key', () => {
    expect(encodeCursor(LIST, ['2020-05-04', 7])).toBe(rawCursor(`["${LIST}","2020-05-04",7]`));
  });
});

describe('applyKeyset', () => {
  const people = () =>
    new DataSource({ type: 'better-sqlite3', database: ':memory:' })
      .createQueryBuilder()
      .select('p.id')
      .from('person', 'p');

  test('reads size + 1 rows after the cursor, ordered by the keys ascending', () => {
    const qb = applyKeyset(people(), ['p.name', 'p.id'], {
      list: LIST,
      size: 3,
      backward: false,
      after: ['Ann', 7],
      before: null,
    });
    expect(qb.getQuery()).toBe(
      'SELECT p.id FROM "person" "p" WHERE (p.name, p.id) > (:after_0, :after_1) ORDER BY p.name ASC, p.id ASC LIMIT 4',
    );
    expect(qb.getParameters()).toEqual({ after_0: 'Ann', after_1: 7 });
  });

  test('reads backward between two cursors, each bound under its own names', () => {
    const qb = applyKeyset(people(), ['p.name', 'p.id'], {
      list: LIST,
      size: 2,
      backward: true,
      after: ['Ann', 7],
      before: ['Zoe', 9],
    });
    expect(qb.getQuery()).toBe(
      'SELECT p.id FROM "person" "p" WHERE (p.name, p.id) > (:after_0, :after_1) AND (p.name, p.id) < (:before_0, :before_1) ORDER BY p.name DESC, p.id DESC LIMIT 3',
    );
    expect(qb.getParameters()).toEqual({
      after_0: 'Ann',
      after_1: 7,
      before_0: 'Zoe',
      before_1: 9,
    });
  });

  test('replaces any order the query had: keyset paging needs exactly the keys', () => {
    const qb = applyKeyset(people().orderBy('p.createdAt', 'DESC'), ['p.id'], {
      list: LIST,
      size: 20,
      backward: false,
      after: null,
      before: null,
    });
    expect(qb.getQuery()).toBe('SELECT p.id FROM "person" "p" ORDER BY p.id ASC LIMIT 21');
  });
});
