import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

/** Structured JSON logs on stdout; one line per request is written by the server. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
