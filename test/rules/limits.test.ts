import { Lexer, Source, TokenKind } from 'graphql';
import { QUERY_LIMITS } from '../../src/graphql/query-limits';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: each query limit lets a query at the limit run and refuses one past it, before anything
// runs, with an error that names the limit. The limits are written here as numbers, not read from
// QUERY_LIMITS, so that changing a limit fails this file until the change is meant.

const MAX_DEPTH = 12;
const MAX_ALIASES = 30;
const MAX_DIRECTIVES = 5;
const MAX_COST = 50_000;
const MAX_TOKENS = 3_000;

let server: TestServer;
let credit: string;
let event: string;

beforeAll(async () => {
  server = await createTestServer();
  const first = await server.execute<{
    attachments: { edges: { node: { id: string; latestEvent: { id: string } } }[] };
  }>(`query FirstCredit { attachments(first: 1) { edges { node { id latestEvent { id } } } } }`);
  credit = first.data!.attachments.edges[0].node.id;
  event = first.data!.attachments.edges[0].node.latestEvent.id;
});
afterAll(() => server.close());

/** The first error reduced to what a client reads: its message and code. */
function refusal(result: {
  data?: unknown;
  errors?: readonly { message: string; extensions?: unknown }[];
}) {
  return {
    data: result.data,
    errors: result.errors?.map((error) => ({
      message: error.message,
      code: (error.extensions as { code?: string } | undefined)?.code,
    })),
  };
}

test('the limits are the ones this file pins', () => {
  expect(QUERY_LIMITS).toEqual({
    maxDepth: MAX_DEPTH,
    maxAliases: MAX_ALIASES,
    maxDirectives: MAX_DIRECTIVES,
    maxCost: MAX_COST,
    maxTokens: MAX_TOKENS,
  });
});

describe('depth', () => {
  /** A query whose deepest field sits at `depth`: node → latestEvent → credit → latestEvent … → id. */
  function deepQuery(depth: number): { query: string; expected: unknown } {
    let selection = 'id';
    let expected: unknown = (depth - 1) % 2 === 0 ? { id: event } : { id: credit };
    for (let level = depth - 1; level >= 2; level--) {
      const field = level % 2 === 0 ? 'latestEvent' : 'credit';
      selection = `${field} { ${selection} }`;
      expected = { [field]: expected };
    }
    return {
      query: `query Depth${depth}($credit: ID!) { node(id: $credit) { ... on Credit { ${selection} } } }`,
      expected: { data: { node: depth === 2 ? { id: credit } : expected } },
    };
  }

  test(`a query ${MAX_DEPTH} levels deep runs`, async () => {
    const { query, expected } = deepQuery(MAX_DEPTH);
    expect(await server.execute(query, { credit })).toEqual(expected);
  });

  test(`a query ${MAX_DEPTH + 1} levels deep is refused as too deep`, async () => {
    const result = await server.execute(deepQuery(MAX_DEPTH + 1).query, { credit });
    expect(refusal(result)).toEqual({
      data: undefined,
      errors: [
        {
          message: `Query is too deep: more than ${MAX_DEPTH} levels.`,
          code: 'GRAPHQL_VALIDATION_FAILED',
        },
      ],
    });
  });
});

describe('aliases', () => {
  const aliased = (count: number) =>
    `query Aliases${count} { ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;

  test(`${MAX_ALIASES} aliases run`, async () => {
    const result = await server.execute(aliased(MAX_ALIASES));
    expect(result).toEqual({
      data: Object.fromEntries(Array.from({ length: MAX_ALIASES }, (_, i) => [`a${i}`, 'Query'])),
    });
  });

  test(`${MAX_ALIASES + 1} aliases are refused, naming the alias limit`, async () => {
    expect(refusal(await server.execute(aliased(MAX_ALIASES + 1)))).toEqual({
      data: undefined,
      errors: [
        {
          message: `Too many aliases: ${MAX_ALIASES + 1}; at most ${MAX_ALIASES} per operation.`,
          code: 'GRAPHQL_VALIDATION_FAILED',
        },
      ],
    });
  });
});

describe('directives', () => {
  const directed = (count: number) =>
    `query Directives${count} { ${Array.from({ length: count }, () => '__typename @skip(if: false)').join(' ')} }`;

  test(`${MAX_DIRECTIVES} directives run`, async () => {
    expect(await server.execute(directed(MAX_DIRECTIVES))).toEqual({
      data: { __typename: 'Query' },
    });
  });

  test(`${MAX_DIRECTIVES + 1} directives are refused, naming the directive limit`, async () => {
    expect(refusal(await server.execute(directed(MAX_DIRECTIVES + 1)))).toEqual({
      data: undefined,
      errors: [
        {
          message: `Too many directives: ${MAX_DIRECTIVES + 1}; at most ${MAX_DIRECTIVES} per operation.`,
          code: 'GRAPHQL_VALIDATION_FAILED',
        },
      ],
    });
  });
});

describe('cost', () => {
  // Each field costs 1, times the size of every list above it (a page: its `first`; a plain list: 10).
  // people(first: 100) { edges { node { credits { film { credits { id } } } } } }
  //   = 1 + 100 × (1 + (1 + (1 + 10 × (1 + (1 + 10 × 1))))) = 12 301
  const HEAVY = 'people(first: 100) { edges { node { credits { film { credits { id } } } } } }';
  const HEAVY_COST = 12_301;
  /** people(first: n) { totalCount } = 1 + n. */
  const light = (n: number) => `people(first: ${n}) { totalCount }`;

  /** A query of exactly `cost`, from four heavy fields and light ones. */
  function costing(cost: number): string {
    const fields = [HEAVY, HEAVY, HEAVY, HEAVY];
    let left = cost - 4 * HEAVY_COST;
    while (left > 0) {
      const n = Math.min(100, left - 1);
      fields.push(light(n));
      left -= n + 1;
    }
    if (left !== 0) throw new Error(`cannot build a query costing ${cost}`);
    return `query Cost${cost} { ${fields.map((field, i) => `f${i}: ${field}`).join(' ')} }`;
  }

  test(`a query estimated at ${MAX_COST} runs`, async () => {
    const result = await server.execute(costing(MAX_COST));
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data!)).toHaveLength(12);
  });

  test(`a query estimated at ${MAX_COST + 1} is refused, naming the cost and the limit`, async () => {
    expect(refusal(await server.execute(costing(MAX_COST + 1)))).toEqual({
      data: undefined,
      errors: [
        {
          message: `Query is too expensive: estimated cost ${MAX_COST + 1} exceeds ${MAX_COST}. Ask for smaller pages or fewer nested lists.`,
          code: 'GRAPHQL_VALIDATION_FAILED',
        },
      ],
    });
  });
});

describe('tokens', () => {
  /** Tokens as the parser counts them (comments and the end of the document are not tokens). */
  function countTokens(document: string): number {
    const lexer = new Lexer(new Source(document));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
    return count;
  }

  /** `query Tokens { films(filter: { statuses: [ANNOUNCED …] }) { totalCount } }` with `tokens` tokens. */
  function ofTokens(tokens: number): string {
    const statuses = Array.from({ length: tokens - 18 }, () => 'ANNOUNCED').join(' ');
    const query = `query Tokens { films(filter: { statuses: [${statuses}] }) { totalCount } }`;
    expect(countTokens(query)).toBe(tokens);
    return query;
  }

  test(`a document of ${MAX_TOKENS} tokens runs`, async () => {
    const result = await server.execute(ofTokens(MAX_TOKENS));
    expect(result).toEqual({ data: { films: { totalCount: expect.any(Number) } } });
  });

  // "more that" is graphql-js's own wording (its parser writes the message).
  test(`a document of ${MAX_TOKENS + 1} tokens is refused, naming the token limit`, async () => {
    expect(refusal(await server.execute(ofTokens(MAX_TOKENS + 1)))).toEqual({
      data: undefined,
      errors: [
        {
          message: `Syntax Error: Document contains more that ${MAX_TOKENS} tokens. Parsing aborted.`,
          code: 'GRAPHQL_PARSE_FAILED',
        },
      ],
    });
  });
});
