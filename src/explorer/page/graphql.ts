import { useEffect, useState } from 'react';

/** A GraphQL error answer, with the messages the server gave. */
export class QueryError extends Error {}

/** POSTs one operation to this server's /graphql (the only place the explorer reads from). */
export async function runQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new QueryError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new QueryError(`The server answered HTTP ${response.status} without data.`);
  return body.data;
}

export interface QueryState<T> {
  /** The newest answer; kept while the next one loads, so the page does not flash empty. */
  readonly data: T | undefined;
  /** The variables `data` answers (the page shows which day it shows). */
  readonly dataVariables: Record<string, unknown> | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
}

/** Runs `query` whenever its variables change; an answer to superseded variables is dropped. */
export function useQuery<T>(query: string, variables: Record<string, unknown>): QueryState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T>>({
    data: undefined,
    dataVariables: undefined,
    loading: true,
    error: undefined,
  });
  useEffect(() => {
    const controller = new AbortController();
    const vars = JSON.parse(key) as Record<string, unknown>;
    setState((previous) => ({ ...previous, loading: true }));
    runQuery<T>(query, vars, controller.signal).then(
      (data) => setState({ data, dataVariables: vars, loading: false, error: undefined }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          ...previous,
          loading: false,
          error: error instanceof Error ? error.message : String(error),
        }));
      },
    );
    return () => controller.abort();
  }, [query, key]);
  return state;
}
