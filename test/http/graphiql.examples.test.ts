/** The GraphiQL example operations must stay valid against the real schema. */
import { parse, validate, type GraphQLSchema } from 'graphql';
import { graphiqlExamples } from '../../src/graphiql/examples';
import { getSchema } from '../../src/schema';

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
});
