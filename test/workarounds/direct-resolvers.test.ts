import { Max } from 'class-validator';
import type { Viewer } from '../../src/auth/api-keys';
import { authChecker } from '../../src/auth/auth-checker';
import { ApiKeyRole } from '../../src/auth/roles';
import {
  execute,
  isObjectType,
  parse,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  buildSchema,
  createParameterDecorator,
  Ctx,
  Field,
  FieldResolver,
  getMetadataStorage,
  Info,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { useDirectFieldResolvers } from '../../src/graphql/direct-resolvers';
import { validateInput } from '../../src/graphql/validation';
import { RESOLVERS } from '../../src/schema';

/**
 * `useDirectFieldResolvers` (src/graphql/direct-resolvers.ts) reads type-graphql's metadata storage and
 * replaces the resolvers type-graphql built for some fields with direct calls of the resolver methods.
 * These tests fail when type-graphql changes what that relies on: the shape of its metadata, which
 * fields its wrapper does something for, and the parameters its wrapper hands to a resolver method.
 */

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

@ArgsType()
class Page {
  @Field(() => Int, { nullable: true, description: 'How many.' })
  first?: number | null;
}

/** Every parameter a direct resolver hands over, as the last call of `Box.echo` received them. */
let echoed: unknown[] = [];

const Custom = () => createParameterDecorator(() => 'custom');

@Resolver(() => Box)
class BoxResolver {
  @Query(() => Box, { description: 'A box of size 2.' })
  box(): Box {
    return Object.assign(new Box(), { size: 2 });
  }

  @Query(() => Box, { description: 'A box that is a plain object, not a Box.' })
  plainBox(): Box {
    return { size: 3 };
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

  @FieldResolver(() => Boolean, { description: 'Whether the root is a Box instance.' })
  isBox(@Root() box: Box): boolean {
    return box instanceof Box;
  }

  @FieldResolver(() => String, { description: 'Every kind of parameter a direct resolver serves.' })
  echo(
    @Root() box: Box,
    @Root('size') size: number,
    @Arg('n', () => Int, { nullable: true, description: 'A number.' }) n: number | null,
    @Arg('word', () => String, { nullable: true, description: 'A word.' }) word: string | null,
    @Ctx() context: Record<string, unknown>,
    @Ctx('who') who: unknown,
    @Info() info: GraphQLResolveInfo,
  ): string {
    echoed = [box, size, n, word, context, who, info.fieldName];
    return 'echo';
  }

  @Authorized('ADMIN')
  @FieldResolver(() => Int, { description: 'Only for admins.' })
  secret(@Root() box: Box): number {
    return box.size;
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'For any signed-in caller (no roles).' })
  signedIn(@Root() box: Box): number {
    return box.size;
  }

  @UseMiddleware(async (_data, next) => `(${String(await next())})`)
  @FieldResolver(() => String, { description: 'Wrapped by a middleware.' })
  wrapped(@Root() box: Box): string {
    return String(box.size);
  }

  @FieldResolver(() => Int, { description: 'Takes an argument with a validateFn of its own.' })
  checked(
    @Arg('n', () => Int, {
      description: 'A number below 10.',
      validateFn: (value) => {
        if (typeof value === 'number' && value >= 10) throw new Error('n must be below 10');
      },
    })
    n: number,
  ): number {
    return n;
  }

  @FieldResolver(() => Int, { description: 'Takes an @Args class.' })
  paged(@Root() box: Box, @Args(() => Page) page: Page): number {
    return page instanceof Page ? (page.first ?? box.size) : -1;
  }

  @FieldResolver(() => String, { description: 'Takes a custom parameter.' })
  custom(@Custom() value: string): string {
    return value;
  }
}

/** The classes type-graphql's wrapper asked its container for: one per wrapped call. */
const wrapperCalls: string[] = [];

let schema: GraphQLSchema;
/** The resolvers type-graphql built, before `useDirectFieldResolvers` replaced some. */
const built = new Map<string, GraphQLFieldResolver<unknown, unknown>>();

beforeAll(async () => {
  schema = await buildSchema({
    resolvers: [BoxResolver],
    validate: true,
    validateFn: validateInput,
    authChecker: ({ context }) => (context as { who?: string }).who === 'admin',
    authMode: 'error',
    container: {
      get: (someClass: new () => unknown) => {
        wrapperCalls.push(someClass.name);
        return new someClass();
      },
    },
  });
  const box = schema.getType('Box');
  if (!isObjectType(box)) throw new Error('expected the object type Box');
  for (const [name, field] of Object.entries(box.getFields())) {
    if (field.resolve) built.set(name, field.resolve);
  }
  useDirectFieldResolvers(schema, [BoxResolver]);
});

const run = (query: string, contextValue: Record<string, unknown> = {}) =>
  execute({ schema, document: parse(query), contextValue });

/** Runs `query` and returns its result with the classes type-graphql's wrapper was called for. */
async function runCounted(query: string, contextValue: Record<string, unknown> = {}) {
  wrapperCalls.length = 0;
  const result = await run(query, contextValue);
  return { result, wrapperCalls: [...wrapperCalls] };
}

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

test("a field resolver with roles keeps the app's authorization check and its error codes", async () => {
  // The same resolvers behind the app's own auth checker, with contexts shaped as the app builds them.
  const guarded = await buildSchema({
    resolvers: [BoxResolver],
    validate: true,
    validateFn: validateInput,
    authChecker,
    authMode: 'error',
  });
  useDirectFieldResolvers(guarded, [BoxResolver]);
  const asViewer = async (viewer: Viewer | null, authRejection: string | null = null) => {
    const result = await execute({
      schema: guarded,
      document: parse('query Secret { box { secret } }'),
      contextValue: { viewer, request: { authRejection } },
    });
    return {
      data: result.data,
      errors: result.errors?.map((e) => [e.extensions?.code, e.message]),
    };
  };
  const editor: Viewer = { apiKeyId: 1, name: 'desk', role: ApiKeyRole.EDITOR };
  const admin: Viewer = { apiKeyId: 2, name: 'chief', role: ApiKeyRole.ADMIN };

  expect(await asViewer(null)).toEqual({
    data: null,
    errors: [['UNAUTHENTICATED', expect.stringContaining('API key')]],
  });
  expect(await asViewer(null, 'The API key is not valid.')).toEqual({
    data: null,
    errors: [['UNAUTHENTICATED', 'The API key is not valid.']],
  });
  expect(await asViewer(editor)).toEqual({
    data: null,
    errors: [['FORBIDDEN', 'This operation needs a key with the ADMIN role.']],
  });
  expect(await asViewer(admin)).toEqual({ data: { box: { secret: 2 } }, errors: undefined });
});

describe("type-graphql's metadata", () => {
  test('describes a field resolver and its parameters in the shape direct-resolvers reads', () => {
    const storage = getMetadataStorage();
    const echo = storage.fieldResolvers.find(
      (metadata) => metadata.target === BoxResolver && metadata.methodName === 'echo',
    );
    expect(echo).toMatchObject({
      target: BoxResolver,
      methodName: 'echo',
      schemaName: 'echo',
      middlewares: [],
    });
    expect(echo?.roles ?? []).toEqual([]);
    expect(echo?.getObjectType?.()).toBe(Box);
    const params = [...(echo?.params ?? [])].sort((a, b) => a.index - b.index);
    expect(params.map(({ kind, index }) => ({ kind, index }))).toEqual([
      { kind: 'root', index: 0 },
      { kind: 'root', index: 1 },
      { kind: 'arg', index: 2 },
      { kind: 'arg', index: 3 },
      { kind: 'context', index: 4 },
      { kind: 'context', index: 5 },
      { kind: 'info', index: 6 },
    ]);
    expect(params[0]).toMatchObject({ propertyName: undefined });
    expect(params[0].kind === 'root' && params[0].getType?.()).toBe(Box);
    expect(params[1]).toMatchObject({ propertyName: 'size' });
    expect(params[2]).toMatchObject({ name: 'n' });
    expect(params[3]).toMatchObject({ name: 'word' });
    expect(params[4]).toMatchObject({ propertyName: undefined });
    expect(params[5]).toMatchObject({ propertyName: 'who' });
    expect(storage.objectTypes.find((type) => type.target === Box)?.name).toBe('Box');
  });

  test('records roles, middlewares, @Args and custom parameters where direct-resolvers looks', () => {
    const storage = getMetadataStorage();
    const of = (methodName: string) =>
      storage.fieldResolvers.find(
        (metadata) => metadata.target === BoxResolver && metadata.methodName === methodName,
      );
    expect(of('secret')?.roles).toEqual(['ADMIN']);
    expect(of('signedIn')?.roles).toEqual([]);
    expect(of('wrapped')?.middlewares).toHaveLength(1);
    expect(
      of('paged')
        ?.params?.map((param) => param.kind)
        .sort(),
    ).toEqual(['args', 'root']);
    expect(of('custom')?.params?.map((param) => param.kind)).toEqual(['custom']);
  });

  test("describes every field resolver of the app's resolver classes in that shape", () => {
    const storage = getMetadataStorage();
    const classes = new Set<object>(RESOLVERS);
    const fieldResolvers = storage.fieldResolvers.filter((metadata) =>
      classes.has(metadata.target),
    );
    expect(fieldResolvers.length).toBeGreaterThan(20);
    for (const metadata of fieldResolvers) {
      expect(typeof metadata.methodName).toBe('string');
      expect(typeof metadata.schemaName).toBe('string');
      expect(typeof metadata.getObjectType).toBe('function');
      expect(
        typeof (metadata.target.prototype as Record<string, unknown>)[metadata.methodName],
      ).toBe('function');
      for (const param of metadata.params ?? []) {
        expect(['root', 'context', 'arg', 'args', 'info', 'custom', 'pubSub']).toContain(
          param.kind,
        );
        expect(typeof param.index).toBe('number');
      }
    }
  });
});

describe('which fields are served directly', () => {
  test('only field resolvers without roles, middlewares, @Args, custom parameters or an own validateFn are replaced', () => {
    const box = schema.getType('Box');
    if (!isObjectType(box)) throw new Error('expected the object type Box');
    const replaced = Object.entries(box.getFields())
      .filter(([name, field]) => built.has(name) && field.resolve !== built.get(name))
      .map(([name]) => name)
      .sort();
    expect(replaced).toEqual(['echo', 'isBox', 'label', 'scaled']);
  });

  test('a replaced field is called without type-graphql’s wrapper', async () => {
    expect(await runCounted('query Direct { box { label(unit: "in") echo isBox } }')).toEqual({
      result: { data: { box: { label: '2 in', echo: 'echo', isBox: true } } },
      wrapperCalls: ['BoxResolver'], // Query.box
    });
  });

  test('fields with roles, middlewares, @Args, custom parameters or an own validateFn still go through the wrapper', async () => {
    expect(
      await runCounted(
        'query Wrapped { box { secret signedIn wrapped paged(first: 4) custom checked(n: 3) } }',
        { who: 'admin' },
      ),
    ).toEqual({
      result: {
        data: {
          box: {
            secret: 2,
            signedIn: 2,
            wrapped: '(2)',
            paged: 4,
            custom: 'custom',
            checked: 3,
          },
        },
      },
      wrapperCalls: Array(7).fill('BoxResolver'), // Query.box and the six fields
    });
  });

  test("an argument's own validateFn still runs on a scalar value", async () => {
    const result = (await run('query Unchecked { box { checked(n: 12) } }')) as ExecutionResult;
    expect(result.data).toBeNull();
    expect(result.errors?.[0].message).toBe('n must be below 10');
  });

  test('@Authorized() without roles keeps its authorization check', async () => {
    const result = (await run('query SignedIn { box { signedIn } }')) as ExecutionResult;
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('an input object value or a root that is not an instance goes through the wrapper', async () => {
    expect(await runCounted('query Scaled { box { scaled(scale: { factor: 3 }) } }')).toEqual({
      result: { data: { box: { scaled: 6 } } },
      wrapperCalls: ['BoxResolver', 'BoxResolver'],
    });
    // type-graphql converts a typed @Root() that is not yet an instance of its class.
    expect(await runCounted('query Plain { plainBox { isBox } }')).toEqual({
      result: { data: { plainBox: { isBox: true } } },
      wrapperCalls: ['BoxResolver', 'BoxResolver'],
    });
  });
});

describe('the parameters a direct call hands over', () => {
  test("are exactly what type-graphql's wrapper hands over, for every parameter kind", async () => {
    const box = schema.getType('Box');
    if (!isObjectType(box)) throw new Error('expected the object type Box');
    const field = box.getFields().echo;
    const root = Object.assign(new Box(), { size: 5 });
    const context = { who: 'someone' };
    const info = { fieldName: 'echo' } as GraphQLResolveInfo;
    for (const args of [{}, { n: 7, word: 'seven' }, { n: null, word: null }]) {
      echoed = [];
      await built.get('echo')!(root, args, context, info);
      const byWrapper = echoed;
      echoed = [];
      const direct = field.resolve!(root, args, context, info);
      expect(direct).toBe('echo');
      expect(echoed).toEqual(byWrapper);
      expect(echoed[0]).toBe(root);
      expect(echoed[4]).toBe(context);
    }
  });

  test("type-graphql's wrapper still answers a scalar argument with a promise (else drop the workaround)", () => {
    const root = Object.assign(new Box(), { size: 2 });
    const answer = built.get('label')!(root, { unit: 'in' }, {}, {} as GraphQLResolveInfo);
    expect(answer).toBeInstanceOf(Promise);
  });
});
