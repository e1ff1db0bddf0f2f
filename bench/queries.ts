/**
 * The benchmark's operations. The bench sends these texts, the peer server implements the schema subset
 * they need, and test/perf/bench-queries.sqlite.test.ts counts their SQL statements: one source, so none can drift.
 */

import { toGlobalId } from '../src/graphql/relay/global-id';

export type QueryId = 'Q0' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';

export interface BenchQuery {
  readonly id: QueryId;
  readonly title: string;
  readonly query: string;
  /** The depth of relations the query follows, for the "statements ≤ depth + 2" target. */
  readonly depth: number;
}

/** The server's own overhead: parse, validate, execute a field that touches nothing. */
export const Q0: BenchQuery = {
  id: 'Q0',
  title: '{ __typename }',
  depth: 0,
  query: `query Typename { __typename }`,
};

/** A franchise graph of depth 4: franchise → films → credits { status } → person → credits → film. */
export const Q1: BenchQuery = {
  id: 'Q1',
  title: 'franchise graph, depth 4',
  depth: 4,
  query: `query FranchiseGraph($slug: String!) {
  franchise(slug: $slug) {
    name
    films(first: 10) {
      edges {
        releaseOrdinal
        node {
          title
          credits {
            role
            status
            person {
              name
              credits { status film { title } }
            }
          }
        }
      }
    }
  }
}`,
};

/** A person's filmography with the status of each credit and the event behind it. */
export const Q2: BenchQuery = {
  id: 'Q2',
  title: 'person filmography with statuses',
  depth: 2,
  query: `query Filmography($id: ID!) {
  person(id: $id) {
    name
    credits {
      role
      job
      status
      latestEvent { effectiveDate confidence }
      film { title releaseDate }
    }
  }
}`,
};

/** Attachments filtered by status and role, a page deep into the list. */
export const Q3: BenchQuery = {
  id: 'Q3',
  title: 'attachments by status+role, deep page',
  depth: 2,
  query: `query DeepAttachments($after: String) {
  attachments(first: 20, after: $after, filter: { statuses: [ATTACHED, CONFIRMED], roles: [DIRECTOR, CAST] }) {
    edges { cursor node { role status film { title } person { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
};

/** The Q3 filter, for the bench's choice of cursors (credits whose current status matches). */
export const Q3_FILTER = {
  statuses: ['ATTACHED', 'CONFIRMED'],
  roles: ['DIRECTOR', 'CAST'],
} as const;

/** Films by release date, a page deep into the list, with the total. */
export const Q4: BenchQuery = {
  id: 'Q4',
  title: 'films by release date, deep page + totalCount',
  depth: 1,
  query: `query FilmsByReleaseDate($after: String) {
  films(first: 20, after: $after, orderBy: RELEASE_DATE) {
    totalCount
    edges { cursor node { title releaseDate } }
    pageInfo { hasNextPage endCursor }
  }
}`,
};

/**
 * A write: a new report on an existing credit. The bench runs it on a copy of the database with an
 * editor key it makes for the run, and a source URL of its own for every request, so each one writes.
 */
export const Q5: BenchQuery = {
  id: 'Q5',
  title: 'recordAttachment (write)',
  depth: 1,
  query: `mutation RecordAttachment($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { duplicate event { id status effectiveDate } }
}`,
};

/** A credit by what names it in a report: film, person and role (one without a character). */
export interface ReportedCredit {
  readonly filmId: number;
  readonly personId: number;
  readonly role: string;
}

/** Q5's `input`: a new IN_TALKS report on `credit`, from `source` (a URL of its own makes it new). */
export function q5Input(credit: ReportedCredit, source: { url: string; title: string }) {
  return {
    film: toGlobalId('Film', credit.filmId),
    person: toGlobalId('Person', credit.personId),
    role: credit.role,
    status: 'IN_TALKS',
    confidence: 'TRADE_REPORTED',
    effectiveDate: '2026-01-01',
    source,
  };
}

export const READ_QUERIES: readonly BenchQuery[] = [Q0, Q1, Q2, Q3, Q4];
