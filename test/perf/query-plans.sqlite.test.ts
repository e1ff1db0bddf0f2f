import { Q1, Q2, Q3, Q4 } from '../../bench/queries';
import { encodeCursor } from '../../src/graphql/relay/connection';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { generateSynthetic, sqliteConnectionOf } from '../../seeds/synthetic';

import { createTestServer, type TestServer } from '../support/test-server';

// SQLite only: the plans asserted are SQLite's (`EXPLAIN QUERY PLAN`), and the synthetic generator
// writes SQLite only. On PostgreSQL, test/search.test.ts shows the one index that differs (trigram).

/**
 * Every list query is read through an index: `EXPLAIN QUERY PLAN` of each SQL statement the list fields
 * run must not `SCAN` a table without one. (`SCAN … USING [COVERING] INDEX` reads an index in order,
 * `SCAN json_each` is the bound id list, `SCAN (subquery…)`/`SCAN t` a subquery's own rows.)
 */

let server: TestServer;
let captured: { sql: string; parameters: unknown[] }[] = [];
let franchiseSlug: string;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
  generateSynthetic(server.dataSource, 0.01);
  franchiseSlug = sqliteConnectionOf(server.dataSource)
    .prepare(`SELECT slug FROM franchise WHERE kind = 'FRANCHISE' LIMIT 1`)
    .pluck()
    .get() as string;
  const logger = server.dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (sql, parameters, queryRunner) => {
    captured.push({ sql, parameters: (parameters ?? []) as unknown[] });
    return logQuery(sql, parameters, queryRunner);
  };
});
afterAll(() => server?.close());

/**
 * The plan lines that read a whole table. A bare `SCAN <table>` passes only for a page read in the
 * table's own key order (`ORDER BY "<table>"."id" … LIMIT`, or its alias `"<table>_id"`): that walks the primary-key B-tree from
 * the start and stops when the page is full, like a range scan from the first id.
 */
function fullScans(sql: string, plan: { detail: string }[]): string[] {
  return plan
    .map((row) => row.detail)
    .filter((detail) => /^SCAN /.test(detail))
    .filter(
      (detail) =>
        !/USING (COVERING )?INDEX|^SCAN json_each|^SCAN \(subquery|^SCAN t$|CONSTANT ROW/.test(
          detail,
        ),
    )
    .filter((detail) => {
      const table = /^SCAN (\w+)$/.exec(detail)?.[1];
      // The id by its column or by its select alias (a query that selects named columns).
      const byId = new RegExp(`ORDER BY ("${table}"\\."id"|"${table}_id") (ASC|DESC) LIMIT`);
      return !(table && byId.test(sql));
    });
}

/** Runs an operation and returns the full scans of each of its statements (empty when there are none). */
async function scansOf(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, string[]>> {
  captured = [];
  const result = await server.execute(query, variables);
  expect(result.errors).toBeUndefined();
  const statements = captured.filter(({ sql }) => /^\s*SELECT/i.test(sql));
  expect(statements.length).toBeGreaterThan(0);
  const scans: Record<string, string[]> = {};
  for (const { sql, parameters } of statements) {
    const plan: { detail: string }[] = await server.dataSource.query(
      `EXPLAIN QUERY PLAN ${sql}`,
      parameters,
    );
    const found = fullScans(sql, plan);
    captured = [];
    if (found.length) scans[sql.replace(/\s+/g, ' ').slice(0, 200)] = found;
  }
  return scans;
}

const id = (type: string, local: number) => toGlobalId(type, local);
const FILMS = `query Films($first: Int, $after: String, $last: Int, $before: String, $filter: FilmFilter, $orderBy: FilmOrder) {
  films(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { title } } } }`;
const ATTACHMENTS = `query Attachments($after: String, $filter: AttachmentFilter, $asOf: Date) {
  attachments(first: 20, after: $after, filter: $filter, asOf: $asOf) {
    edges { node { role status } } } }`;
const PEOPLE = `query People($after: String, $filter: PersonFilter) {
  people(first: 20, after: $after, filter: $filter) { totalCount edges { node { name } } } }`;
const FRANCHISES = `query Franchises($after: String, $filter: FranchiseFilter) {
  franchises(first: 20, after: $after, filter: $filter) { totalCount edges { node { name } } } }`;
const FRANCHISE_FILMS = `query FranchiseFilms($id: ID!, $order: FranchiseOrder, $after: String) {
  node(id: $id) { ... on Franchise {
    films(first: 5, orderBy: $order, after: $after) { totalCount edges { node { title } } }
    children { name } parent { name } } } }`;
const FILM_RELATIONS = `query FilmRelations($id: ID!) {
  node(id: $id) { ... on Film {
    status productionHistory { productionStatus } releases { date } releaseHistory { date superseded }
    then: releaseDate(asOf: "2000-01-01") thenTitled: title(asOf: "2000-01-01") titleHistory { title }
    franchises { releaseOrdinal franchise { name } }
    follows { kind from { title } } followedBy { kind to { title } } metrics { value } companies { role }
    credits { role character { name } history { status source { title } } } } } }`;

const CHANGES = `query Changes($after: String) {
  changes(since: "2000-01-01T00:00:00Z", first: 20, after: $after) { totalCount edges { node { kind } } } }`;

describe('query plans (SQLite)', () => {
  test.each([
    ['films by release date', FILMS, {}],
    [
      'films by release date, deep',
      FILMS,
      { after: encodeCursor('films:RELEASE_DATE', ['2000-01-01', 50]) },
    ],
    [
      'films by release date, among the undated',
      FILMS,
      { after: encodeCursor('films:RELEASE_DATE', ['9999-12-31', 50]) },
    ],
    [
      'films by release date, backwards',
      FILMS,
      { first: null, last: 10, before: encodeCursor('films:RELEASE_DATE', ['9999-12-31', 50]) },
    ],
    ['films by title', FILMS, { orderBy: 'TITLE' }],
    [
      'films by title, deep',
      FILMS,
      { orderBy: 'TITLE', after: encodeCursor('films:TITLE', ['M', 1]) },
    ],
    ['films of a franchise', FILMS, { filter: { franchise: id('Franchise', 2) } }],
    ['films by production status', FILMS, { filter: { statuses: ['RELEASED'] } }],
    [
      'films released in a period',
      FILMS,
      { filter: { releasedAfter: '1990-01-01', releasedBefore: '2010-12-31' } },
    ],
    ['attachments, first page', ATTACHMENTS, {}],
    [
      'attachments, deep',
      ATTACHMENTS,
      { after: encodeCursor('attachments:FIRST_RECORDED', [500]) },
    ],
    [
      'attachments by status and role (Q3)',
      ATTACHMENTS,
      {
        after: encodeCursor('attachments:FIRST_RECORDED', [500]),
        filter: { statuses: ['ATTACHED'], roles: ['CAST'] },
      },
    ],
    ['attachments of a film', ATTACHMENTS, { filter: { film: id('Film', 3) } }],
    ['attachments of a person', ATTACHMENTS, { filter: { person: id('Person', 3) } }],
    [
      'attachments in a franchise',
      ATTACHMENTS,
      { filter: { franchise: id('Franchise', 1), confirmed: true } },
    ],
    [
      'attachments changed since a day, as of a day',
      ATTACHMENTS,
      {
        after: encodeCursor('attachments:FIRST_RECORDED', [10]),
        filter: { changedSince: '2000-01-01' },
        asOf: '2020-01-01',
      },
    ],
    ['people', PEOPLE, {}],
    ['people, deep', PEOPLE, { after: encodeCursor('people:NAME', ['M', 1]) }],
    ['franchises', FRANCHISES, { after: encodeCursor('franchises:NAME', ['M', 1]) }],
    ['franchises of some kinds', FRANCHISES, { filter: { kinds: ['SERIES'] } }],
    ['a franchise’s films in release order', FRANCHISE_FILMS, { id: id('Franchise', 2) }],
    [
      'a franchise’s films in story order, deep',
      FRANCHISE_FILMS,
      {
        id: id('Franchise', 2),
        order: 'STORY',
        after: encodeCursor(`Franchise:2.films:STORY`, [2, 2, 22]),
      },
    ],
    ['a film’s relations (the loaders)', FILM_RELATIONS, { id: id('Film', 22) }],
    ['the changes feed', CHANGES, {}],
    [
      'the changes feed, after a cursor',
      CHANGES,
      { after: encodeCursor('changes:COMMITTED', [5, 10]) },
    ],
    ['Q1', Q1.query, () => ({ slug: franchiseSlug })],
    ['Q2', Q2.query, { id: id('Person', 1) }],
    ['Q3', Q3.query, { after: encodeCursor('attachments:FIRST_RECORDED', [1000]) }],
    ['Q4', Q4.query, { after: encodeCursor('films:RELEASE_DATE', ['2000-01-01', 10]) }],
  ])('%s reads no table without an index', async (_name, query, variables) => {
    const values = typeof variables === 'function' ? variables() : variables;
    expect(await scansOf(query, values as Record<string, unknown>)).toEqual({});
  });
});
