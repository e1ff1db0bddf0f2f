import { buildSchema, parse, validate } from 'graphql';
import { QUERY_LIMITS, queryLimitsRule, type QueryLimits } from '../../src/graphql/query-limits';

const schema = buildSchema(`
  type Query {
    film: Film
    films(first: Int, last: Int, after: String): FilmConnection!
    people: [Person!]!
    peopleMaybe: [Person]
    node: Node
  }
  type Mutation { addFilm: Film }
  interface Node { id: ID! }
  type Film implements Node { id: ID! title: String credits: [Credit!]! sequel: Film }
  type Person implements Node { id: ID! name: String films(first: Int): FilmConnection }
  type Credit { role: String person: Person }
  type FilmConnection { edges: [FilmEdge!]! nodes: [Film!]! totalCount: Int! }
  type FilmEdge { cursor: String! node: Film! }
`);

const NO_LIMITS: QueryLimits = {
  ...QUERY_LIMITS,
  maxDepth: 99,
  maxAliases: 99,
  maxDirectives: 99,
  maxCost: 1e9,
};

/** The errors of the limits rule alone (the document need not be otherwise valid). */
function check(query: string, limits: Partial<QueryLimits> = {}) {
  return validate(schema, parse(query), [queryLimitsRule({ ...NO_LIMITS, ...limits })]).map(
    (error) => ({
      message: error.message,
      code: error.extensions.code,
      locations: error.locations,
    }),
  );
}

/** The cost the rule estimates for a query, read from its message when nothing is allowed. */
function costOf(query: string): number {
  const errors = check(query, { maxCost: 0 });
  expect(errors).toHaveLength(1);
  const match = /estimated cost (\d+) exceeds 0\./.exec(errors[0].message);
  if (!match) throw new Error(`no cost in ${errors[0].message}`);
  return Number(match[1]);
}

describe('the limits in force', () => {
  test('are the documented numbers', () => {
    expect(QUERY_LIMITS).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 5,
      maxCost: 50_000,
      maxTokens: 3_000,
    });
  });

  test('apply when the rule is built without arguments', () => {
    const deep = `{ film { ${'sequel { '.repeat(10)}title${' }'.repeat(10)} } }`;
    expect(validate(schema, parse(deep), [queryLimitsRule()])).toEqual([]);
    const tooDeep = `{ film { ${'sequel { '.repeat(11)}title${' }'.repeat(11)} } }`;
    expect(validate(schema, parse(tooDeep), [queryLimitsRule()]).map((e) => e.message)).toEqual([
      'Query is too deep: more than 12 levels.',
    ]);
  });
});

describe('depth', () => {
  const fourLevels = '{ film { sequel { sequel { title } } } }';

  test('a query as deep as the limit passes; one level more is refused at the field too deep', () => {
    expect(check(fourLevels, { maxDepth: 4 })).toEqual([]);
    expect(check(fourLevels, { maxDepth: 3 })).toEqual([
      {
        message: 'Query is too deep: more than 3 levels.',
        code: 'GRAPHQL_VALIDATION_FAILED',
        locations: [{ line: 1, column: 28 }],
      },
    ]);
  });

  test('fragments add no level of their own', () => {
    expect(check('{ film { ... on Film { sequel { title } } } }', { maxDepth: 3 })).toEqual([]);
    expect(check('{ film { ... { sequel { title } } } }', { maxDepth: 3 })).toEqual([]);
    expect(
      check('{ film { ...Sequel } } fragment Sequel on Film { sequel { title } }', {
        maxDepth: 3,
      }),
    ).toEqual([]);
    expect(
      check('{ film { ...Sequel } } fragment Sequel on Film { sequel { sequel { title } } }', {
        maxDepth: 3,
      }).map((error) => error.message),
    ).toEqual(['Query is too deep: more than 3 levels.']);
  });

  test('introspection fields are left to graphql-js', () => {
    expect(check('{ __schema { types { fields { type { name } } } } }', { maxDepth: 1 })).toEqual(
      [],
    );
  });

  test('one error is reported, for the first branch too deep, and nothing else', () => {
    const errors = check(
      '{ a: film { sequel { sequel { title } } } b: film { sequel { sequel { title } } } }',
      { maxDepth: 3, maxAliases: 0, maxCost: 0 },
    );
    expect(errors).toEqual([
      {
        message: 'Query is too deep: more than 3 levels.',
        code: 'GRAPHQL_VALIDATION_FAILED',
        locations: [{ line: 1, column: 31 }],
      },
    ]);
  });

  test('a cyclic fragment ends the walk (other rules report it)', () => {
    expect(
      check('{ film { ...Loop } } fragment Loop on Film { sequel { ...Loop } }', { maxDepth: 3 }),
    ).toEqual([]);
    expect(check('{ film { ...Missing title } }', { maxCost: 2 })).toEqual([]);
  });
});

describe('aliases', () => {
  test('as many aliases as the limit pass, __typename included; one more is refused', () => {
    expect(check('{ a: __typename b: film { c: title } }', { maxAliases: 3 })).toEqual([]);
    expect(
      check('{ a: __typename b: film { c: title } d: __typename }', { maxAliases: 3 }),
    ).toEqual([
      {
        message: 'Too many aliases: 4; at most 3 per operation.',
        code: 'GRAPHQL_VALIDATION_FAILED',
        locations: undefined,
      },
    ]);
  });

  test('are counted before directives and cost', () => {
    expect(
      check('{ a: film @skip(if: false) { title } b: film { title } }', {
        maxAliases: 1,
        maxDirectives: 0,
        maxCost: 0,
      }).map((error) => error.message),
    ).toEqual(['Too many aliases: 2; at most 1 per operation.']);
  });
});

describe('directives', () => {
  const everywhere = `
    query Everywhere @a {
      film @b { ... on Film @c { title } ...Title @d }
    }
    fragment Title on Film @e { title @f }`;

  test('are counted on the operation, fields, fragments and fragment definitions', () => {
    expect(check(everywhere, { maxDirectives: 6 })).toEqual([]);
    expect(check(everywhere, { maxDirectives: 5 })).toEqual([
      {
        message: 'Too many directives: 6; at most 5 per operation.',
        code: 'GRAPHQL_VALIDATION_FAILED',
        locations: undefined,
      },
    ]);
  });

  test('are counted before cost', () => {
    expect(
      check('{ film @include(if: true) { title } }', { maxDirectives: 0, maxCost: 0 }).map(
        (error) => error.message,
      ),
    ).toEqual(['Too many directives: 1; at most 0 per operation.']);
  });
});

describe('cost', () => {
  test('a query that costs the limit passes; one that costs more is refused, with its cost', () => {
    expect(check('{ people { name } }', { maxCost: 11 })).toEqual([]);
    expect(check('{ people { name } }', { maxCost: 10 })).toEqual([
      {
        message:
          'Query is too expensive: estimated cost 11 exceeds 10. Ask for smaller pages or fewer nested lists.',
        code: 'GRAPHQL_VALIDATION_FAILED',
        locations: undefined,
      },
    ]);
  });

  test('each field costs 1; a plain list multiplies what it holds by 10', () => {
    expect(costOf('{ film { title } }')).toBe(2);
    expect(costOf('{ film { title sequel { title } } }')).toBe(4);
    expect(costOf('{ people { name } }')).toBe(11);
    expect(costOf('{ peopleMaybe { name } }')).toBe(11);
    expect(costOf('{ film { credits { role person { name } } } }')).toBe(1 + 1 + 10 * 3);
  });

  test('a connection costs its page size times one edge (20 without first or last)', () => {
    const page = '{ edges { node { title } } totalCount }';
    expect(costOf(`{ films ${page} }`)).toBe(1 + 20 * 4);
    expect(costOf(`{ films(first: 5) ${page} }`)).toBe(1 + 5 * 4);
    expect(costOf(`{ films(last: 3) ${page} }`)).toBe(1 + 3 * 4);
    expect(costOf(`{ films(after: "x", first: 5) ${page} }`)).toBe(1 + 5 * 4);
    expect(costOf(`{ films(first: 0) ${page} }`)).toBe(1 + 1 * 4);
    expect(costOf(`query Films($n: Int) { films(last: $n) ${page} }`)).toBe(1 + 100 * 4);
    expect(costOf(`{ films(after: "x") ${page} }`)).toBe(1 + 20 * 4);
    expect(costOf(`{ films(first: null) ${page} }`)).toBe(1 + 20 * 4);
    expect(costOf('{ people { films(first: 2) { nodes { title } } } }')).toBe(
      1 + 10 * (1 + 2 * (1 + 1)),
    );
  });

  test('fragments cost what their fields cost, on the type they name', () => {
    expect(costOf('{ node { ... on Film { credits { role } } } }')).toBe(1 + 1 + 10);
    expect(costOf('{ film { ... { credits { role } } } }')).toBe(1 + 1 + 10);
    expect(costOf('{ node { ...Credits } } fragment Credits on Film { credits { role } }')).toBe(
      1 + 1 + 10,
    );
  });

  test('unknown fields and selections under a scalar cost 1 each', () => {
    expect(costOf('{ unknown { a { b } } }')).toBe(3);
    expect(costOf('{ film { title { x } } }')).toBe(3);
  });

  test('introspection fields cost nothing', () => {
    expect(costOf('{ __typename film { title } }')).toBe(2);
  });

  test('a mutation is walked from the mutation type', () => {
    expect(costOf('mutation Add { addFilm { credits { role } } }')).toBe(1 + 1 + 10);
  });
});
