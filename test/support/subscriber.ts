import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client (`ws` as its WebSocket, Node 20 has no stable global one). */
export function wsClient(httpUrl: string, options: { retryAttempts?: number } = {}): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: options.retryAttempts ?? 0,
    lazy: false,
  });
}

export interface Subscriber<T> {
  /** What arrived so far, in order. */
  readonly received: T[];
  /** Errors the server sent for the subscription. */
  readonly errors: unknown[];
  /** Resolves when `count` results have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the server completed the subscription or sent an error. */
  readonly ended: Promise<void>;
  unsubscribe(): void;
}

/** Subscribes with `client` and collects each result's `data[field]`. */
export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  field = 'changes',
): Subscriber<T> {
  const received: T[] = [];
  const errors: unknown[] = [];
  let notify = () => {};
  let end = () => {};
  const ended = new Promise<void>((resolve) => (end = resolve));
  const unsubscribe = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result: ExecutionResult<Record<string, T>>) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(result.data[field]);
        notify();
      },
      error: (error) => {
        // graphql-ws hands over the `error` message's list, or the socket's close event.
        if (Array.isArray(error)) errors.push(...(error as unknown[]));
        else errors.push(error);
        notify();
        end();
      },
      complete: () => end(),
    },
  );
  return {
    received,
    errors,
    ended,
    unsubscribe,
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${count} results, got ${received.length}: ${JSON.stringify({ received, errors })}`,
              ),
            ),
          timeoutMs,
        );
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received.slice(0, count));
          }
        };
        notify = check;
        check();
      });
    },
  };
}
