/** The GraphiQL example operations must stay valid against the real schema, and be the README's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { graphiqlExamples } from '../../src/graphiql/examples';
import { getSchema } from '../../src/schema';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
/** The README's ```graphql blocks, verbatim, by operation name. */
const README_BLOCKS = [...README.matchAll(/```graphql\n([\s\S]*?)\n```/g)].map((match) => ({
  name: /^(?:query|mutation|subscription) (\w+)/.exec(match[1])![1],
  operation: /^(query|mutation|subscription)/.exec(match[1])![1],
  query: match[1],
}));

describe('GraphiQL examples', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  test('names are unique', () => {
    const names = graphiqlExamples.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(graphiqlExamples.map((e) => [e.name, e] as const))(
    '%s is valid and names itself',
    (name, example) => {
      const doc = parse(example.query);
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
      const ops = doc.definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(ops).toHaveLength(1);
      expect(ops[0].kind === 'OperationDefinition' && ops[0].name?.value).toBe(name);
    },
  );

  test('the tabs are exactly the README’s queries and subscription, in its order, and its ReportAttachment mutation', () => {
    const expected = README_BLOCKS.filter(
      (block) =>
        block.operation === 'query' ||
        block.operation === 'subscription' ||
        block.name === 'ReportAttachment',
    ).map(({ name, query }) => ({ name, query }));
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(graphiqlExamples.map(({ name, query }) => ({ name, query }))).toEqual(expected);
  });

  test('the journalist’s ReportAttachment tab shows where the API key goes, and what to send', () => {
    const tab = graphiqlExamples.find((example) => example.name === 'ReportAttachment')!;
    expect(tab.query).toMatch(/recordAttachment\(input: \$input\)/);
    expect(tab.headers).toEqual({ Authorization: expect.stringMatching(/^Bearer fgk_/) });
    expect(Object.keys((tab.variables as { input: object }).input)).toEqual(
      expect.arrayContaining(['film', 'person', 'role', 'status', 'confidence', 'source']),
    );
  });

  test('a tab with variables declares each of them', () => {
    for (const example of graphiqlExamples.filter((e) => e.variables)) {
      const declared = [...example.query.matchAll(/\$(\w+):/g)].map((match) => match[1]);
      expect(Object.keys(example.variables!).sort()).toEqual(declared.sort());
    }
  });
});
