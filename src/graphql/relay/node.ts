import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's object identification: every entity has a global id, and `node(id:)` fetches any of them.
 * The GraphQL type of a value is the name of its entity class.
 */
@InterfaceType('Node', {
  description: 'An object with a global id that `node(id:)` can fetch again.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, {
    name: 'id',
    description:
      'The global id: opaque, stable, and accepted by `node(id:)` and every id argument.',
  })
  nodeId!: string;
}
