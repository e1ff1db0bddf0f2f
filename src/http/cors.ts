import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config';

/** Which browser origins may read /graphql's answers: CORS_ORIGINS ('*' = any), and localhost in development. */
export function corsOriginRule(
  config: Pick<AppConfig, 'corsOrigins' | 'nodeEnv'>,
): (origin: string) => boolean {
  const any = config.corsOrigins.includes('*');
  const listed = new Set(config.corsOrigins);
  const local = config.nodeEnv === 'development';
  return (origin) =>
    any ||
    listed.has(origin) ||
    (local && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin));
}

/**
 * CORS for one request: an allowed origin gets access-control-allow-origin. A preflight (OPTIONS) from
 * an allowed origin is answered here (204, with the methods and headers it asked for); from another
 * origin it is 'refused', for the caller to answer with an error (the browser refuses either way).
 * Other requests from another origin are served without the header: the browser hides the answer.
 */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  originAllowed: (origin: string) => boolean,
): 'continue' | 'answered' | 'refused' {
  const origin = req.headers.origin;
  // Answers differ by Origin: caches must keep them apart.
  res.setHeader('vary', 'Origin');
  const allowed = origin === undefined || originAllowed(origin);
  if (allowed && origin !== undefined) res.setHeader('access-control-allow-origin', origin);
  if (req.method !== 'OPTIONS') return 'continue';
  if (!allowed) return 'refused';
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  const requested = req.headers['access-control-request-headers'];
  if (requested) {
    res.setHeader('access-control-allow-headers', requested);
    res.setHeader('vary', 'Origin, Access-Control-Request-Headers');
  }
  res.statusCode = 204;
  res.setHeader('content-length', '0');
  res.end();
  return 'answered';
}
