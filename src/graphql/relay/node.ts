import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id';

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

/** An entity that is a Node: its global id is its class name (the GraphQL type) and its row id. */
export abstract class NodeEntity {
  abstract id: number;

  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}

const nodeIdGetter = Object.getOwnPropertyDescriptor(NodeEntity.prototype, 'nodeId')!;

/**
 * `@ObjectType` for a NodeEntity: the type is named after the class, as `resolveType` and `nodeId`
 * expect, and implements Node.
 */
export function NodeObjectType(options: {
  description: string;
  simpleResolvers?: boolean;
}): (target: abstract new () => NodeEntity) => void {
  return (target) => {
    // Declared on each type, not only on the interface, so that each keeps its own short description.
    // Given the accessor, type-graphql serves it as a getter field (as `@Field` on `get nodeId()` did),
    // never by a default resolver that would read the numeric `id` column, even with simpleResolvers.
    Field(() => ID, { name: 'id', description: 'The global id.' })(
      target.prototype,
      'nodeId',
      nodeIdGetter,
    );
    ObjectType(target.name, { ...options, implements: Node })(target);
  };
}
