import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/lib/logger';

/** A logger whose JSON lines the test can read back (`lines`), as the server would print them. */
export function captureLogs(level: 'info' | 'warn' = 'info'): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, stream), lines };
}
