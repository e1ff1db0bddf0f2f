import { GraphQLError, parseValue, type ValueNode } from 'graphql';
import { DateScalar, DateTimeScalar } from '../../src/graphql/scalars';

/** The error a scalar throws, with the literal it names when it was given one. */
function errorOf(run: () => unknown): { message: string; code: unknown; nodes: unknown } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, code: error.extensions.code, nodes: error.nodes };
  }
  throw new Error('expected a GraphQLError');
}

const literal = (source: string): ValueNode => parseValue(source);

describe('Date', () => {
  test('describes itself in the schema', () => {
    expect(DateScalar.description).toBe(
      'A calendar day written YYYY-MM-DD (ISO 8601), e.g. "2020-05-04".',
    );
  });

  test('serializes, parses values and parses string literals that are calendar days', () => {
    expect(DateScalar.serialize('2020-05-04')).toBe('2020-05-04');
    expect(DateScalar.parseValue('2020-02-29')).toBe('2020-02-29');
    expect(DateScalar.parseLiteral(literal('"1800-01-01"'))).toBe('1800-01-01');
  });

  test('refuses a value that is not a calendar day, quoting it, as BAD_USER_INPUT', () => {
    expect(errorOf(() => DateScalar.parseValue('2021-02-29'))).toEqual({
      message: 'Date must be a calendar day written YYYY-MM-DD, got "2021-02-29".',
      code: 'BAD_USER_INPUT',
      nodes: undefined,
    });
    expect(errorOf(() => DateScalar.parseValue(20200504)).message).toBe(
      'Date must be a calendar day written YYYY-MM-DD, got 20200504.',
    );
    expect(errorOf(() => DateScalar.serialize('2020-5-4')).code).toBe('BAD_USER_INPUT');
  });

  test('names the literal it refuses, so the error can name the argument', () => {
    const node = literal('"2021-02-29"');
    expect(errorOf(() => DateScalar.parseLiteral(node))).toEqual({
      message: 'Date must be a calendar day written YYYY-MM-DD, got "2021-02-29".',
      code: 'BAD_USER_INPUT',
      nodes: [node],
    });
    const number = literal('20200504');
    expect(errorOf(() => DateScalar.parseLiteral(number))).toEqual({
      message: 'Date must be a string written YYYY-MM-DD.',
      code: 'BAD_USER_INPUT',
      nodes: [number],
    });
  });
});

describe('DateTime', () => {
  test('describes itself in the schema', () => {
    expect(DateTimeScalar.description).toBe(
      'An instant in ISO 8601 with a time zone, e.g. "2020-05-04T16:00:00.000Z"; always returned in UTC.',
    );
  });

  test.each([
    ['2020-05-04T16:00Z', '2020-05-04T16:00:00.000Z'],
    ['2020-05-04T16:00:00Z', '2020-05-04T16:00:00.000Z'],
    ['2020-05-04T16:00:00.5Z', '2020-05-04T16:00:00.500Z'],
    ['2020-05-04T16:00:00.123456789Z', '2020-05-04T16:00:00.123Z'],
    ['2020-05-04T18:00:00+02:00', '2020-05-04T16:00:00.000Z'],
    ['2020-05-04T12:30:00-03:30', '2020-05-04T16:00:00.000Z'],
    ['2020-05-05T00:30:00+01:00', '2020-05-04T23:30:00.000Z'],
  ])('%j is the instant %j, in UTC', (value, instant) => {
    expect(DateTimeScalar.parseValue(value)).toBe(instant);
    expect(DateTimeScalar.serialize(value)).toBe(instant);
    expect(DateTimeScalar.parseLiteral(literal(JSON.stringify(value)))).toBe(instant);
  });

  test('serializes a Date object as its instant in UTC', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2020, 4, 4, 16)))).toBe(
      '2020-05-04T16:00:00.000Z',
    );
  });

  test.each([
    ['no time zone', '2020-05-04T16:00:00'],
    ['a space for the T', '2020-05-04 16:00:00Z'],
    ['no minutes', '2020-05-04T16Z'],
    ['one-digit seconds', '2020-05-04T16:00:0Z'],
    ['a dot without fractions', '2020-05-04T16:00:00.Z'],
    ['ten fraction digits', '2020-05-04T16:00:00.1234567890Z'],
    ['an offset without colon', '2020-05-04T18:00:00+0200'],
    ['an offset of hours only', '2020-05-04T18:00:00+02'],
    ['a day that does not exist', '2021-02-29T16:00:00Z'],
    ['a day before 1800', '1799-12-31T16:00:00Z'],
    ['an hour that does not exist', '2020-05-04T25:00:00Z'],
    ['a one-digit month', '2020-5-04T16:00:00Z'],
    ['a five-digit year', '20200-05-04T16:00:00Z'],
    ['text before it', 'x2020-05-04T16:00:00Z'],
    ['text after it', '2020-05-04T16:00:00Zx'],
    ['a date only', '2020-05-04'],
    ['letters for digits', 'abcd-ef-ghTij:klZ'],
  ])('refuses %s (%j) as BAD_USER_INPUT, quoting it', (_, value) => {
    expect(errorOf(() => DateTimeScalar.parseValue(value))).toEqual({
      message: `DateTime must be an ISO 8601 instant with a time zone, e.g. "2020-05-04T16:00:00Z", got ${JSON.stringify(value)}.`,
      code: 'BAD_USER_INPUT',
      nodes: undefined,
    });
  });

  test('refuses a value that is not a string, and names a literal it refuses', () => {
    expect(errorOf(() => DateTimeScalar.parseValue(1588608000000)).message).toBe(
      'DateTime must be an ISO 8601 instant with a time zone, e.g. "2020-05-04T16:00:00Z", got 1588608000000.',
    );
    expect(errorOf(() => DateTimeScalar.serialize('yesterday')).code).toBe('BAD_USER_INPUT');
    const bad = literal('"2020-05-04T16:00:00"');
    expect(errorOf(() => DateTimeScalar.parseLiteral(bad)).nodes).toEqual([bad]);
    const number = literal('1588608000000');
    expect(errorOf(() => DateTimeScalar.parseLiteral(number))).toEqual({
      message: 'DateTime must be a string.',
      code: 'BAD_USER_INPUT',
      nodes: [number],
    });
  });
});
