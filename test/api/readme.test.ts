import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../src/schema';

/** Every ```graphql block of the README, so the examples users copy stay valid against the schema. */
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

test('the README has GraphQL examples', () => {
  expect(BLOCKS.length).toBeGreaterThanOrEqual(4);
});

test.each(BLOCKS.map((block) => [block.split('\n')[0], block] as const))(
  'README example %s is valid against the schema',
  (_first, block) => {
    expect(validate(schema, parse(block)).map((error) => error.message)).toEqual([]);
  },
);
