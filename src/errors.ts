import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values; clients branch on these, never on messages. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  REPORT_CONFLICT: 'REPORT_CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * The client sent a value that cannot be used; `field` is the argument or input path that is wrong.
 * A request refused before execution (a variable) gets HTTP 400 (Apollo reads `extensions.http`;
 * formatError drops it from the body); a response that has data stays 200 (graphql/http-status.ts).
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } },
    });
  }
}

/** A mutation named a row that does not exist (lookups return null instead). */
export class NotFoundError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND, ...(field ? { field } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(
    message = 'This operation needs an editor API key: send Authorization: Bearer <key>.',
  ) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

export class VersionConflictError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.VERSION_CONFLICT, ...extra } });
  }
}

/**
 * The same report (subject, value, effective date, source) is already recorded with other details
 * (confidence, quote, speaker): neither stored twice nor dropped. `existingEvent` is the stored event's
 * global id; `correctEvent` replaces it.
 */
export class ReportConflictError extends GraphQLError {
  constructor(message: string, existingEvent: string) {
    super(message, { extensions: { code: ErrorCode.REPORT_CONFLICT, existingEvent } });
  }
}

/** Too many writes from one key, and how long to wait (HTTP 429 only if refused before execution). */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Too many writes with this API key; try again in ${retryAfterSeconds} s.`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, http: { status: 429 } },
    });
  }
}
