import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  print,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ConcreteRequest } from 'relay-runtime';

/**
 * A Relay `ConcreteRequest` built from a parsed query, as relay-compiler would emit it for the subset the
 * README uses: fields with literal or variable arguments, linked fields (plural or not), inline
 * fragments and named fragments (on an interface or union: one per concrete type). The same selections
 * serve as the reader fragment and the normalization operation. Anything else (a directive) is
 * refused, so a test cannot silently read less than it asked for.
 */
export function relayRequest(schema: GraphQLSchema, document: DocumentNode): ConcreteRequest {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation?.name) throw new Error('relayRequest needs one named operation');
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const name = operation.name.value;
  const root = schema.getQueryType()!;
  const argumentDefinitions = (operation.variableDefinitions ?? []).map((v) => ({
    kind: 'LocalArgument',
    name: v.variable.name.value,
    defaultValue: v.defaultValue ? valueFromASTUntyped(v.defaultValue) : null,
  }));

  const argument = (argName: string, value: ValueNode): unknown => {
    if (value.kind === Kind.VARIABLE)
      return { kind: 'Variable', name: argName, variableName: value.name.value };
    if (JSON.stringify(value).includes('"Variable"'))
      throw new Error(
        `relayRequest: a variable inside the literal of "${argName}" is not supported`,
      );
    return { kind: 'Literal', name: argName, value: valueFromASTUntyped(value) };
  };

  const selectionsOf = (set: SelectionSetNode, parent: GraphQLCompositeType): unknown[] =>
    set.selections.flatMap((selection): unknown[] => {
      if (selection.directives?.length)
        throw new Error('relayRequest: directives are not supported');
      if (selection.kind === Kind.FIELD) {
        const fieldName = selection.name.value;
        const alias = selection.alias?.value ?? null;
        if (fieldName === '__typename')
          return [{ kind: 'ScalarField', alias, name: fieldName, args: null, storageKey: null }];
        if (isUnionType(parent))
          throw new Error(`relayRequest: field ${fieldName} on the union ${parent.name}`);
        const field = parent.getFields()[fieldName];
        const args = (selection.arguments ?? []).map((a) => argument(a.name.value, a.value));
        const type = getNamedType(field.type);
        const common = {
          alias,
          name: fieldName,
          args: args.length ? args : null,
          storageKey: null,
        };
        if (isLeafType(type)) return [{ kind: 'ScalarField', ...common }];
        return [
          {
            kind: 'LinkedField',
            ...common,
            concreteType: isObjectType(type) ? type.name : null,
            plural: isListType(getNullableType(field.type)),
            selections: selectionsOf(selection.selectionSet!, type as GraphQLCompositeType),
          },
        ];
      }
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value)! : selection;
      const condition = fragment.typeCondition
        ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType)
        : parent;
      if (condition === parent) return selectionsOf(fragment.selectionSet, condition);
      // relay-compiler reads an abstract condition through an `__isX` key it adds to the query; one
      // inline fragment per concrete type selects the same fields without changing the query text.
      const concrete = isAbstractType(condition) ? schema.getPossibleTypes(condition) : [condition];
      return concrete.map((type) => ({
        kind: 'InlineFragment',
        type: type.name,
        abstractKey: null,
        selections: selectionsOf(fragment.selectionSet, type),
      }));
    });

  const selections = selectionsOf(operation.selectionSet, root);
  return {
    kind: 'Request',
    fragment: {
      kind: 'Fragment',
      name,
      type: root.name,
      metadata: null,
      abstractKey: null,
      argumentDefinitions,
      selections,
    },
    operation: { kind: 'Operation', name, argumentDefinitions, selections },
    params: {
      cacheID: name,
      id: null,
      metadata: {},
      name,
      operationKind: 'query',
      text: print(document),
    },
  } as unknown as ConcreteRequest;
}
