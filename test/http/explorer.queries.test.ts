/** The explorer's GraphQL documents (src/explorer/queries.ts) must stay valid against the real schema. */
import {
  Kind,
  TypeInfo,
  parse,
  print,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FILM_QUERY, explorerQueries } from '../../src/explorer/queries';
import { getSchema } from '../../src/schema';

describe('Explorer queries', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  test.each(Object.entries(explorerQueries))('%s is valid and names itself', (name, query) => {
    const doc = parse(query);
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(ops).toHaveLength(1);
    expect(ops[0].kind === Kind.OPERATION_DEFINITION && ops[0].name?.value).toBe(name);
  });

  // A list's asOf only selects items (DESIGN.md): each time-varying field must get it itself.
  test.each(Object.entries(explorerQueries))(
    '%s passes $asOf to every field that takes asOf',
    (_name, query) => {
      const doc = parse(query);
      const typeInfo = new TypeInfo(schema);
      const missing: string[] = [];
      visit(
        doc,
        visitWithTypeInfo(typeInfo, {
          Field(field) {
            const definition = typeInfo.getFieldDef();
            if (!definition?.args.some((arg) => arg.name === 'asOf')) return;
            const passed = field.arguments?.find((a) => a.name.value === 'asOf');
            if (
              !passed ||
              passed.value.kind !== Kind.VARIABLE ||
              passed.value.name.value !== 'asOf'
            )
              missing.push(`${typeInfo.getParentType()?.name}.${field.name.value}`);
          },
        }),
      );
      expect(missing).toEqual([]);
    },
  );
});

test('the README shows the film board operation as the explorer sends it', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const shown = blocks.find((block) => block.includes('query ExplorerFilm('));
  expect(shown).toBeDefined();
  // Compared as printed ASTs: Prettier lays the README's copy out its own way.
  expect(print(parse(shown!))).toBe(print(parse(FILM_QUERY)));
});
