import type { ServerResponse } from 'node:http';
import { ErrorCode } from '../errors';

/** What an error that stops a request before GraphQL (body too large, not JSON…) is called. */
const HTTP_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** A JSON answer with its length (no chunked encoding for a body we hold whole). */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** An error that stops a request before GraphQL, in GraphQL's error format, so clients read one shape. */
export function sendHttpError(
  res: ServerResponse,
  status: number,
  message: string,
  requestId: string,
): void {
  const code =
    HTTP_ERROR_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR);
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId } }] });
}
