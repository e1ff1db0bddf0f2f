import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';

/**
 * What the bench's own node:http servers over the SQLite file (the peer and the floor) share: the
 * database, opened as they read it, the role order, the answer with its request log line, and the
 * listening process the bench starts and stops.
 */

export const DATABASE_PATH = process.env.DATABASE_PATH ?? 'data/synthetic-1.sqlite';

/** The SQLite file, read-only, in WAL mode (the bench's writers keep working beside it). */
export function openReadonly(): Database.Database {
  const db = new Database(DATABASE_PATH, { readonly: true });
  db.pragma('journal_mode = WAL');
  return db;
}

/** The credit roles in the order franchise-graph lists them. */
export const ROLES = [
  'DIRECTOR',
  'WRITER',
  'PRODUCER',
  'EXECUTIVE_PRODUCER',
  'CAST',
  'CINEMATOGRAPHER',
  'EDITOR',
  'COMPOSER',
  'STUNTS',
  'OTHER',
];

/** As franchise-graph reports it, so the bench counts both alike: one JSON line per request on stdout. */
export const LOG_REQUESTS = process.env.LOG_LEVEL === 'info';

/** Writes a request's log line with the SQL statements it ran (the bench's counting pass reads it). */
export function logRequest(
  requestId: string | string[] | null | undefined,
  statements: number,
): void {
  process.stdout.write(
    `${JSON.stringify({ msg: 'request', requestId, sqlStatements: statements })}\n`,
  );
}

/** Sends the JSON `text`; logs the request with the SQL statements it ran when LOG_LEVEL is info. */
export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  statements: number,
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
  if (LOG_REQUESTS) logRequest(req.headers['x-request-id'], statements);
}

/**
 * Serves `handler` on 127.0.0.1:$PORT (0: any free port), writes `listening <port>` for the bench once
 * it listens, and exits cleanly on SIGTERM.
 */
export function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): void {
  const server = createServer(handler);
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(
      `listening ${typeof address === 'object' && address ? address.port : 0}\n`,
    );
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
