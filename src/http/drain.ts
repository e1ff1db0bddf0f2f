import type { Server } from 'node:http';

/** What `drain` stops once its requests are done. */
export interface Drainable {
  /** From now on /readyz answers 503 and answers ask clients to close their connection. */
  markDraining(): void;
  /** Stops what serves GraphQL (Apollo); runs after the last request has finished. */
  stop(): Promise<void>;
}

/**
 * Stops serving without cutting a request short: /readyz turns 503 (load balancers take the server out
 * of rotation), the server stops accepting connections, requests in flight finish while idle
 * keep-alive connections are closed as they become idle, and then the app stops. A request still
 * running after `graceMs` is cut (its connection closed), so a stuck client cannot hold shutdown.
 */
export async function drain(server: Server, app: Drainable, graceMs: number): Promise<void> {
  app.markDraining();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() closes the connections idle now; a keep-alive connection whose request ends later is
  // idle only then.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
  await app.stop();
}
