import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors';
import type { Logger } from '../lib/logger';
import { newTrackedRequest, type TrackedRequest } from '../graphql/request';
import type { LiveConnection } from '../graphql/context';

/** The client's x-request-id when it is a sane token (a load balancer's id), else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(header)
    ? header
    : randomUUID();
}

/** "ok", "rejected" (the client's mistake: 4xx or client error codes) or "failed" (ours). */
export function outcomeOf(
  status: number,
  errorCodes: readonly string[],
): 'ok' | 'rejected' | 'failed' {
  if (status >= 500 || errorCodes.includes(ErrorCode.INTERNAL_SERVER_ERROR)) return 'failed';
  return status >= 400 || errorCodes.length > 0 ? 'rejected' : 'ok';
}

/** What the metrics record of each finished request (the same figures as its log line). */
export interface FinishedRequest {
  readonly path: string;
  readonly operationName: string | null;
  readonly outcome: 'ok' | 'rejected' | 'failed';
  readonly errorCodes: readonly string[];
  readonly sqlStatements: number;
  readonly durationSeconds: number;
}

/** Told of every finished request (the metrics); absent when METRICS_PORT is off. */
export type RequestObserver = (request: FinishedRequest) => void;

/** What a request's context is built from. */
export interface ContextRequest {
  readonly tracked: TrackedRequest;
  /** The Authorization header, if any. */
  readonly authorization?: string;
  /** The WebSocket connection a subscription came over. */
  readonly live?: LiveConnection;
}

/**
 * Starts the bookkeeping of one HTTP request, whatever serves it: sets x-request-id, opens the
 * request's SQL tally and summary, and when the response is finished writes the request's one log line
 * and tells `observer` (the metrics). With info lines off and no observer there is no listener at all:
 * a small request pays for every closure it makes.
 */
export function trackRequest(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  observer?: RequestObserver,
): TrackedRequest {
  const requestId = requestIdOf(req.headers['x-request-id']);
  res.setHeader('x-request-id', requestId);
  const tracked = newTrackedRequest(requestId);
  const logging = logger.isLevelEnabled('info');
  if (!logging && !observer) return tracked;
  const started = process.hrtime.bigint();
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  res.on('finish', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const codes = tracked.summary.errorCodes;
    const errorCodes = codes.length ? [...new Set(codes)] : [];
    const outcome = outcomeOf(res.statusCode, codes);
    const { operationName } = tracked.summary;
    const sqlStatements = tracked.sqlTally.statements;
    observer?.({
      path,
      operationName,
      outcome,
      errorCodes,
      sqlStatements,
      durationSeconds: durationMs / 1000,
    });
    if (!logging) return;
    // One line per request: who asked what, how long it took and how it ended.
    logger.info(
      {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs,
        operationName,
        outcome,
        ...(errorCodes.length ? { errorCodes } : {}),
        sqlStatements,
      },
      'request',
    );
  });
  return tracked;
}
