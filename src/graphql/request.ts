import type { SqlTally } from '../db/sql-tally';

/** What the GraphQL layer tells the request log about one request. */
export interface OperationSummary {
  operationName: string | null;
  errorCodes: string[];
}

/** One request's bookkeeping (the HTTP layer opens it, the GraphQL layer fills it in), filled in while it is served and read for its log line. */
export interface TrackedRequest {
  readonly requestId: string;
  /** The SQL statements the request has run so far. */
  readonly sqlTally: SqlTally;
  /** What the GraphQL layer tells the log line (operation name, error codes). */
  readonly summary: OperationSummary;
}

/** A request's bookkeeping before anything has run (an HTTP request's, or a test's). */
export function newTrackedRequest(requestId: string): TrackedRequest {
  return {
    requestId,
    sqlTally: { statements: 0 },
    summary: { operationName: null, errorCodes: [] },
  };
}
