import type { GraphQLFormattedError } from 'graphql';
import {
  GraphQLError,
  parse,
  visit,
  type ArgumentNode,
  type ASTNode,
  type ObjectFieldNode,
} from 'graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode } from '../errors';
import { firstViolation } from './validation';

/** Codes whose messages are written for clients and may be shown as they are. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.VERSION_CONFLICT,
  ErrorCode.REPORT_CONFLICT,
  ErrorCode.RATE_LIMITED,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Validation messages that are about a value the client wrote, not about the shape of the query
 * (graphql-js's wordings, and the Date scalars'; test/workarounds/format-error.test.ts produces each).
 */
export const VALUE_ERROR =
  /^(Enum "|Value "|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|ID cannot represent|Date|DateTime|Field "[^"]+" of required type|Field "[^"]+" is not defined by type)/;

export const MASKED_MESSAGE = 'Internal server error';

/**
 * The path of the argument (and input fields) that holds `position` in the document: "asOf",
 * "filter.roles". Null when the position is not inside an argument.
 */
export function argumentPathAt(body: string, position: number): string | null {
  let found: string | null = null;
  const path: string[] = [];
  const contains = (node: ASTNode) =>
    node.loc != null && node.loc.start <= position && position < node.loc.end;
  try {
    // An input field inside an argument is one more step of the same path.
    const step = {
      enter(node: ArgumentNode | ObjectFieldNode) {
        if (!contains(node)) return false;
        path.push(node.name.value);
        found = path.join('.');
      },
      leave(node: ArgumentNode | ObjectFieldNode) {
        if (contains(node)) path.pop();
      },
    };
    visit(parse(body), { Argument: step, ObjectField: step });
  } catch {
    return null;
  }
  return found;
}

/**
 * The path of the argument (and input fields) where variable `$name` is used, followed by `inside`, the
 * path within the variable's value that graphql-js reports ("f.statuses[0]" → "filter.statuses").
 * Null when the variable is not used in an argument.
 */
export function variableArgumentPath(
  body: string,
  name: string,
  inside: string | null,
): string | null {
  let found: string | null = null;
  const path: string[] = [];
  try {
    visit(parse(body), {
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: {
        enter: (node) => void path.push(node.name.value),
        leave: () => void path.pop(),
      },
      Variable(node) {
        if (found == null && node.name.value === name && path.length > 0) found = path.join('.');
      },
    });
  } catch {
    return null;
  }
  if (found == null) return null;
  const rest = (inside ?? '')
    .replace(/\[\d+\]/g, '')
    .split('.')
    .slice(1)
    .filter(Boolean);
  return [found, ...rest].join('.');
}

const VARIABLE_ERROR =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*?(?: at "([^"]+)")?;/s;

/** The argument a value error is about: from the literal's position, or from the variable it names. */
function fieldOf(formatted: GraphQLFormattedError, error: unknown): string | null {
  const located = error instanceof GraphQLError ? error : null;
  const body = located?.source?.body;
  if (body == null) return null;
  const variable = VARIABLE_ERROR.exec(formatted.message);
  if (variable) return variableArgumentPath(body, variable[1], variable[2] ?? null);
  const position = located?.positions?.[0];
  return position == null ? null : argumentPathAt(body, position);
}

/**
 * Apollo's `formatError`: client errors pass with their code (stack traces never leave the server);
 * a validation error about a value becomes BAD_USER_INPUT naming the argument; anything else is masked
 * as INTERNAL_SERVER_ERROR (the plugin in server.ts logs it and adds the request id). A BAD_USER_INPUT
 * raised outside a resolver (a scalar's literal, a variable's value, class-validator) gets the `field`
 * it is about.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
  if (!CLIENT_CODES.has(code)) {
    return { message: MASKED_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_ERROR.test(formatted.message)) {
    const field = fieldOf(formatted, error);
    return {
      ...formatted,
      extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
    };
  }
  if (code === ErrorCode.BAD_USER_INPUT && extensions.field == null) {
    const field =
      fieldOf(formatted, error) ??
      fieldOfInputError(formatted.message, extensions.validationErrors);
    const rest: Record<string, unknown> = { ...extensions };
    delete rest.validationErrors; // class-validator's raw errors echo the whole input back
    return { ...formatted, extensions: { ...rest, code, ...(field ? { field } : {}) } };
  }
  return { ...formatted, extensions: { ...extensions, code } };
}

/**
 * The field of a BAD_USER_INPUT error that did not name one: a variable that could not be coerced
 * ('Variable "$input" got invalid value … at "input.source.url"'), or type-graphql's
 * ArgumentValidationError (its class-validator errors, which do not know the argument's name).
 */
function fieldOfInputError(message: string, validationErrors: unknown): string | null {
  const variable =
    /^Variable "\$([A-Za-z_]\w*)" (?:got invalid value .*? at "([^"]+)"|got invalid value|of (?:required|non-null) type)/.exec(
      message,
    );
  if (variable) return variable[2] ?? variable[1];
  if (Array.isArray(validationErrors)) {
    return firstViolation(validationErrors as ValidationError[])?.path.join('.') ?? null;
  }
  return null;
}
