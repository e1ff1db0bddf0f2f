import { GraphQLError, GraphQLScalarType, Kind, type ASTNode } from 'graphql';
import { ErrorCode } from '../errors';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (so "2021-02-29" is false). */
export function isValidDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1800 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `at`: the literal in the document, so that the error has a location and the field can be named. */
function invalid(message: string, at?: ASTNode): GraphQLError {
  return new GraphQLError(message, { nodes: at, extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

function parseDate(value: unknown, at?: ASTNode): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw invalid(`Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`, at);
  }
  return value;
}

/** A calendar day, `YYYY-MM-DD`, stored as that string so it sorts and compares as text. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day written YYYY-MM-DD (ISO 8601), e.g. "2020-05-04".',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('Date must be a string written YYYY-MM-DD.', ast);
    return parseDate(ast.value, ast);
  },
});

const DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown, at?: ASTNode): string {
  if (typeof value === 'string' && DATE_TIME_PATTERN.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time) && isValidDate(value.slice(0, 10))) return new Date(time).toISOString();
  }
  throw invalid(
    `DateTime must be an ISO 8601 instant with a time zone, e.g. "2020-05-04T16:00:00Z", got ${JSON.stringify(value)}.`,
    at,
  );
}

/** An instant, ISO 8601 in UTC (`2020-05-04T16:00:00.000Z`); stored as that string so it sorts as text. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with a time zone, e.g. "2020-05-04T16:00:00.000Z"; always returned in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value)),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string.', ast);
    return parseDateTime(ast.value, ast);
  },
});
