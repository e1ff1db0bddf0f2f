import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors';
import { isValidDate } from '../lib/dates';

/** `node` is the literal in the document, so formatError can name the argument that holds it. */
function invalid(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw invalid(
      `Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`,
      node,
    );
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

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown, node?: ValueNode): string {
  if (typeof value === 'string' && DATE_TIME_PATTERN.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time) && isValidDate(value.slice(0, 10))) return new Date(time).toISOString();
  }
  throw invalid(
    `DateTime must be an ISO 8601 instant with a time zone, e.g. "2020-05-04T16:00:00Z", got ${JSON.stringify(value)}.`,
    node,
  );
}

/** An instant, ISO 8601 in UTC (`2020-05-04T16:00:00.000Z`); stored as that string so it sorts as text. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'An instant in ISO 8601 with a time zone, e.g. "2020-05-04T16:00:00.000Z"; always returned in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value)),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string.', ast);
    return parseDateTime(ast.value, ast);
  },
});
