import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../../src/schema';

// These tests walk the whole schema, so that a field added later follows the conventions too.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

/** Every field of every object and interface type, as `Type.field`. */
function everyField(): [string, GraphQLField<unknown, unknown>][] {
  return Object.values(schema.getTypeMap())
    .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values(
        (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields(),
      ).map(
        (field) =>
          [`${type.name}.${field.name}`, field] as [string, GraphQLField<unknown, unknown>],
      ),
    );
}

/**
 * Whether two fields of one name on different object types cannot be selected side by side without
 * aliases (graphql-js's OverlappingFieldsCanBeMerged): their types differ in list or non-null
 * wrapping, or one is a scalar or enum and the other another type.
 */
function conflict(a: GraphQLOutputType, b: GraphQLOutputType): boolean {
  if (isListType(a) || isListType(b)) {
    return isListType(a) && isListType(b) ? conflict(a.ofType, b.ofType) : true;
  }
  if (isNonNullType(a) || isNonNullType(b)) {
    return isNonNullType(a) && isNonNullType(b) ? conflict(a.ofType, b.ofType) : true;
  }
  return (isLeafType(a) || isLeafType(b)) && a !== b;
}

describe('the schema’s conventions', () => {
  test('every connection takes first/after/orderBy, and orderBy is an enum with a default', () => {
    const connections = everyField().filter(([, field]) =>
      getNamedType(field.type).name.endsWith('Connection'),
    );
    expect(connections.length).toBeGreaterThanOrEqual(10);
    const wrong = connections
      .filter(([, field]) => {
        const args = new Map(field.args.map((arg) => [arg.name, arg]));
        const orderBy = args.get('orderBy');
        return (
          !args.has('first') ||
          !args.has('after') ||
          !orderBy ||
          !isEnumType(getNamedType(orderBy.type)) ||
          orderBy.defaultValue === undefined
        );
      })
      .map(([name]) => name);
    expect(wrong).toEqual([]);
  });

  test('every mutation takes one non-null `input` and returns a non-null …Payload object', () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(29);
    const wrong = mutations
      .filter((mutation) => {
        const [input, ...others] = mutation.args;
        const payload = isNonNullType(mutation.type) ? mutation.type.ofType : null;
        return (
          others.length > 0 ||
          input?.name !== 'input' ||
          !isNonNullType(input.type) ||
          !isInputObjectType(input.type.ofType) ||
          !isObjectType(payload) ||
          !payload.name.endsWith('Payload')
        );
      })
      .map((mutation) => mutation.name);
    expect(wrong).toEqual([]);
  });

  // Node is left out: every type implements it, so the rule would give each field name one type across
  // the whole API and rename the contract's own fields (Film.status and Credit.status, Franchise.kind…).
  // A selection on `node` or a change's `subject` that asks two of those aliases one, as on GitHub's API.
  test('the members of every union and interface but Node can select their same-named fields side by side', () => {
    const conflicts: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isAbstractType(type) || type.name.startsWith('__') || type.name === 'Node') continue;
      const members = schema.getPossibleTypes(type);
      for (const a of members) {
        for (const b of members) {
          if (a.name >= b.name) continue;
          for (const [name, field] of Object.entries(a.getFields())) {
            const other = b.getFields()[name];
            if (other && conflict(field.type, other.type)) {
              conflicts.push(
                `${type.name}: ${a.name}.${name}: ${field.type} / ${b.name}.${name}: ${other.type}`,
              );
            }
          }
        }
      }
    }
    expect(conflicts).toEqual([]);
  });

  test('the changes feed selects what every kind of event says without aliases', () => {
    const query = parse(`
      query EventStatuses {
        changes(since: "2026-01-01T00:00:00Z") {
          edges { node { event {
            ... on AttachmentEvent { status }
            ... on ProductionEvent { productionStatus }
            ... on FilmRelationEvent { relationKind }
            ... on ReleaseEvent { releaseKind date }
            ... on TitleEvent { title }
          } } }
        }
      }`);
    expect(validate(schema, query).map((error) => error.message)).toEqual([]);
  });

  test('search selects the kind of a franchise and of a company side by side', () => {
    const query = parse(`
      query SearchKinds {
        search(text: "marvel") { edges { node {
          ... on Franchise { kind }
          ... on Company { companyKind }
        } } }
      }`);
    expect(validate(schema, query).map((error) => error.message)).toEqual([]);
  });

  test('Query, Mutation and every type, field, argument and enum value are described', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) undescribed.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
