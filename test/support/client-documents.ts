import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';

/**
 * What the client tests (Apollo Client, relay-runtime) share: the README's queries, the schema and
 * possibleTypes as a client learns them (introspection over HTTP), and the transform that adds `id`
 * and `__typename` to every selection that can have them, as normalizing clients want.
 */

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

export interface ReadmeQuery {
  readonly name: string;
  readonly document: DocumentNode;
}

/** Every query of the README (mutations left out: they need a key and would change the data). */
export const README_QUERIES: readonly ReadmeQuery[] = [
  ...README.matchAll(/```graphql\n([\s\S]*?)```/g),
].flatMap(([, text]) => {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operation?.operation === 'query' && operation.name
    ? [{ name: operation.name.value, document }]
    : [];
});

/** Variables the README gives in its text for the queries that need them. */
export const README_VARIABLES: Record<string, Record<string, unknown>> = {
  ExplorerFilm: { slug: 'extraction-2', asOf: '2020-05-05' },
};

export interface ClientSchema {
  readonly schema: GraphQLSchema;
  /** Apollo's `possibleTypes`: each interface and union, with the object types that belong to it. */
  readonly possibleTypes: Record<string, string[]>;
}

/** The schema as a client gets it: the standard introspection query, POSTed to `url`. */
export async function introspect(url: string): Promise<ClientSchema> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data } = (await response.json()) as { data: IntrospectionQuery };
  const possibleTypes: Record<string, string[]> = {};
  for (const type of data.__schema.types) {
    if ((type.kind === 'INTERFACE' || type.kind === 'UNION') && type.possibleTypes.length)
      possibleTypes[type.name] = type.possibleTypes.map((possible) => possible.name);
  }
  return { schema: buildClientSchema(data), possibleTypes };
}

const field = (name: string): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
});

/**
 * `document` with `__typename` and `id` selected wherever they exist and are not yet selected, so that
 * a normalizing cache can identify every object (Apollo's and Relay's own compilers do the same). A
 * union member's id comes from `... on Node { id }`.
 */
export function withIds(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const node = schema.getType('Node');
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(selectionSet, _key, parent) {
          if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return;
          const type = typeInfo.getParentType();
          const has = (name: string) =>
            selectionSet.selections.some(
              (s) => s.kind === Kind.FIELD && s.name.value === name && !s.alias,
            );
          const added: SelectionNode[] = [];
          if (!has('__typename')) added.push(field('__typename'));
          if ((isObjectType(type) || isInterfaceType(type)) && type.getFields().id && !has('id'))
            added.push(field('id'));
          if (isUnionType(type) && node && !has('id'))
            added.push({
              kind: Kind.INLINE_FRAGMENT,
              typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Node' } },
              selectionSet: { kind: Kind.SELECTION_SET, selections: [field('id')] },
            });
          return added.length
            ? { ...selectionSet, selections: [...added, ...selectionSet.selections] }
            : undefined;
        },
      },
    }),
  );
}

/** The server's own answer to `document`, over plain HTTP: what a cache must hand back unchanged. */
export async function serverAnswer(
  url: string,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

/** What THEN_AND_TODAY selects of each credit, in both lists: its fields with and without the day. */
const CREDIT_THEN_AND_TODAY = `{
        person {
          name
        }
        status
        statusThen: status(asOf: $day)
        latestEvent {
          status
        }
      }`;

/**
 * The issue's report: a film's credits listed as of a day and today in one query, each with its fields
 * as of the day and today. A cache must keep both lists' values apart (THEN_AND_TODAY_VARIABLES).
 */
export const THEN_AND_TODAY: DocumentNode = parse(`
  query ThenAndToday($day: Date!) {
    film(slug: "extraction-2") {
      then: credits(asOf: $day) ${CREDIT_THEN_AND_TODAY}
      today: credits ${CREDIT_THEN_AND_TODAY}
    }
  }
`);
export const THEN_AND_TODAY_VARIABLES = { day: '2020-05-05' };
