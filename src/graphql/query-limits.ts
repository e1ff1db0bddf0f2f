import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './relay/connection';

/**
 * Limits that make an abusive query cost nothing: each is a validation rule, so a query over a limit is
 * refused before any resolver runs, with a message that says which limit and by how much.
 */
export const QUERY_LIMITS = {
  /** Deeper than any legitimate query (the deepest example, a franchise graph, is 9 levels). */
  maxDepth: 12,
  /** Aliased fields per operation, `__typename` included. */
  maxAliases: 30,
  /** Directives per operation. */
  maxDirectives: 5,
  /** Estimated fields resolved: each field costs 1, times the size of every list above it. */
  maxCost: 50_000,
  /** Tokens in a document (enforced by the parser through Apollo's `parseOptions`). */
  maxTokens: 3_000,
} as const;

/** Limits of the same shape with other numbers (tests use small ones). */
export type QueryLimits = { readonly [K in keyof typeof QUERY_LIMITS]: number };

/** A list field of unknown size (a film's credits) is assumed to hold this many items. */
const ASSUMED_LIST_SIZE = 10;

function limitError(message: string, node?: FieldNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** Walks every operation once, following fragments, and checks depth, aliases, directives and cost. */
export function queryLimitsRule(limits: QueryLimits = QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        let aliases = 0;
        let directives = operation.directives?.length ?? 0;
        let reported = false;
        // One error per operation: the walk stops at the first one, and the other limits are
        // checked only when it found none.
        const report = (error: GraphQLError) => {
          context.reportError(error);
          reported = true;
        };

        const walk = (
          selectionSet: SelectionSetNode,
          parentType: GraphQLOutputType | undefined,
          depth: number,
          visited: ReadonlySet<string>,
        ): number => {
          let cost = 0;
          for (const selection of selectionSet.selections) {
            if (reported) return cost;
            directives += selection.directives?.length ?? 0;
            if (selection.kind === Kind.FIELD) {
              if (selection.alias) aliases += 1;
              // Introspection (__schema, __type) is bounded by graphql-js's own MaxIntrospectionDepthRule;
              // GraphiQL's introspection query is deeper than any data query.
              if (selection.name.value.startsWith('__')) continue;
              if (depth > limits.maxDepth) {
                report(
                  limitError(`Query is too deep: more than ${limits.maxDepth} levels.`, selection),
                );
                return cost;
              }
              const named = parentType ? getNamedType(parentType) : undefined;
              const fieldDef =
                named && 'getFields' in named ? named.getFields()[selection.name.value] : undefined;
              const multiplier =
                named && fieldDef ? listSize(selection, fieldDef.type, named.name) : 1;
              cost += 1;
              if (selection.selectionSet) {
                cost +=
                  multiplier * walk(selection.selectionSet, fieldDef?.type, depth + 1, visited);
              }
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              const typeName = selection.typeCondition?.name.value;
              const type = typeName ? context.getSchema().getType(typeName) : undefined;
              cost += walk(
                selection.selectionSet,
                (type as GraphQLOutputType) ?? parentType,
                depth,
                visited,
              );
            } else {
              const name = selection.name.value;
              const fragment = fragments.get(name);
              if (!fragment || visited.has(name)) continue; // unknown or cyclic: other rules report it
              directives += fragment.directives?.length ?? 0;
              const type = context.getSchema().getType(fragment.typeCondition.name.value);
              cost += walk(
                fragment.selectionSet,
                type as GraphQLOutputType,
                depth,
                new Set([...visited, name]),
              );
            }
          }
          return cost;
        };

        const rootType = context.getSchema().getRootType(operation.operation) ?? undefined;
        const cost = walk(operation.selectionSet, rootType, 1, new Set());
        if (reported) return;
        if (aliases > limits.maxAliases) {
          report(
            limitError(`Too many aliases: ${aliases}; at most ${limits.maxAliases} per operation.`),
          );
        } else if (directives > limits.maxDirectives) {
          report(
            limitError(
              `Too many directives: ${directives}; at most ${limits.maxDirectives} per operation.`,
            ),
          );
        } else if (cost > limits.maxCost) {
          report(
            limitError(
              `Query is too expensive: estimated cost ${cost} exceeds ${limits.maxCost}. Ask for smaller pages or fewer nested lists.`,
            ),
          );
        }
      },
    };
  };
}

/**
 * How many items a field may return: `first`/`last` of a connection (its `edges` then count once),
 * else a guess for plain lists.
 */
function listSize(field: FieldNode, type: GraphQLOutputType, parentTypeName: string): number {
  if (parentTypeName.endsWith('Connection')) return 1;
  const pageArg = field.arguments?.find(
    (arg) => arg.name.value === 'first' || arg.name.value === 'last',
  );
  if (pageArg) {
    if (pageArg.value.kind === Kind.INT) return Math.max(1, Number(pageArg.value.value));
    if (pageArg.value.kind === Kind.VARIABLE) return 100; // the largest a variable may ask for
  }
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) return ASSUMED_LIST_SIZE;
  const named = getNamedType(type);
  if (named.name.endsWith('Connection')) return DEFAULT_PAGE_SIZE;
  return 1;
}
