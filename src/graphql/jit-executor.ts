import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  getNamedType,
  getVariableValues,
  isAbstractType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** What an operation of a document runs: its compiled query, or graphql-js when it did not compile. */
type Compiled = CompiledQuery | 'execute';

/**
 * Whether an operation reads a field of an interface or union type. graphql-jit resolves those types
 * otherwise than type-graphql's `resolveType` expects (its tests failed on `node` and on `changes`'
 * subjects), so such operations stay on graphql-js.
 */
function readsAbstractTypes(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && isAbstractType(getNamedType(type))) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/** Apollo's gateway hook, named through @apollo/server (which owns the interface package). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * Runs operations with graphql-jit, compiled once per parsed document and operation name. Apollo keeps
 * one DocumentNode per query text in its document store, so a WeakMap on it holds the compiled query as
 * long as Apollo holds the document. Subscriptions, and whatever graphql-jit cannot compile, run through
 * graphql-js's `execute`, as Apollo would run them itself.
 */
export function jitExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new WeakMap<DocumentNode, Map<string | null, Compiled>>();

  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (byName === undefined) {
      byName = new Map();
      compiled.set(document, byName);
    }
    let entry = byName.get(operationName);
    if (entry === undefined) {
      const result = readsAbstractTypes(schema, document)
        ? null
        : compileQuery(schema, document, operationName ?? undefined);
      entry = result !== null && isCompiledQuery(result) && !result.subscribe ? result : 'execute';
      byName.set(operationName, entry);
    }
    return entry;
  };

  return async ({ document, operationName, operation, request, context }) => {
    // Apollo has validated the document and picked the operation before it calls the executor.
    // Mutations stay on graphql-js: they are few, and their input objects go through type-graphql's
    // conversion and validation as they always did.
    // (An operation Apollo could not pick is graphql-js's to refuse, with its own error.)
    const entry = operation?.operation === 'query' ? compile(document, operationName) : 'execute';
    if (entry !== 'execute' && operation.variableDefinitions?.length) {
      // graphql-js's coercion, so a bad variable is refused with graphql-js's wording and error.
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions,
        request.variables ?? {},
      );
      if (coerced.errors) return { errors: coerced.errors };
    }
    if (entry === 'execute') {
      return (await execute({
        schema,
        document,
        // The name the client sent: Apollo's own `operationName` is null when none matched.
        operationName: request.operationName,
        contextValue: context,
        variableValues: request.variables,
      })) as ExecutionResult<Record<string, unknown>>;
    }
    return entry.query(undefined, context, request.variables) as Promise<
      ExecutionResult<Record<string, unknown>>
    >;
  };
}

/**
 * The hook through which Apollo Server lets another engine execute operations: a "gateway" that serves
 * one fixed schema and executes with `jitExecutor`. Apollo still parses, validates, runs its plugins
 * and formats errors; only execution changes hands.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor: jitExecutor(schema) };
    },
    async stop() {},
  };
}
