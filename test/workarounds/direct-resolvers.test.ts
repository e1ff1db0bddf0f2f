import { Max } from 'class-validator';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  buildSchema,
  Field,
  FieldResolver,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { useDirectFieldResolvers } from '../../src/graphql/direct-resolvers';
import { validateInput } from '../../src/graphql/validation';

@ObjectType('Box', { description: 'A box.' })
class Box {
  @Field(() => Int, { description: 'Its size.' })
  size!: number;
}

@InputType('Scale', { description: 'How to scale a box.' })
class Scale {
  @Max(10)
  @Field(() => Int, { description: 'The factor.' })
  factor!: number;
}

@Resolver(() => Box)
class BoxResolver {
  @Query(() => Box, { description: 'A box of size 2.' })
  box(): Box {
    return Object.assign(new Box(), { size: 2 });
  }

  @FieldResolver(() => String, { description: 'The size with a unit.' })
  label(
    @Root() box: Box,
    @Arg('unit', () => String, { nullable: true, description: 'The unit.' }) unit: string | null,
  ): string {
    return `${box.size} ${unit ?? 'cm'}`;
  }

  @FieldResolver(() => Int, { description: 'The size scaled.' })
  scaled(
    @Root() box: Box,
    @Arg('scale', () => Scale, { nullable: true, description: 'The scale.' }) scale: Scale | null,
  ): number {
    return box.size * (scale instanceof Scale ? scale.factor : 1);
  }

  @Authorized('ADMIN')
  @FieldResolver(() => Int, { description: 'Only for admins.' })
  secret(@Root() box: Box): number {
    return box.size;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({
    resolvers: [BoxResolver],
    validate: true,
    validateFn: validateInput,
    authChecker: () => false,
    authMode: 'error',
  });
  useDirectFieldResolvers(schema, [BoxResolver]);
});

const run = (query: string) => execute({ schema, document: parse(query), contextValue: {} });

test('a field resolver with scalar arguments answers without a promise', () => {
  const result = run('query Label { box { label(unit: "in") plain: label } }');
  expect(result).not.toBeInstanceOf(Promise);
  expect(result).toEqual({ data: { box: { label: '2 in', plain: '2 cm' } } });
});

test('an input object argument is still converted and validated by type-graphql', async () => {
  expect(await run('query Scaled { box { scaled(scale: { factor: 3 }) } }')).toEqual({
    data: { box: { scaled: 6 } },
  });
  const refused = (await run(
    'query TooBig { box { scaled(scale: { factor: 11 }) } }',
  )) as ExecutionResult;
  expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('a field resolver with roles keeps its authorization check', async () => {
  const result = (await run('query Secret { box { secret } }')) as ExecutionResult;
  expect(result.data).toBeNull();
  expect(result.errors).toHaveLength(1);
});
