import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { Loaders } from '../loaders';
import { parseGlobalId, type ParsedGlobalId } from './global-id';
import { Node } from './node';

export const MAX_NODES = 100;

/** The loader that fetches each Node type by its local id. */
const NODE_LOADERS: Record<
  string,
  (loaders: Loaders) => { load(id: number): Promise<object | null> }
> = {
  AttachmentEvent: (l) => l.credit.attachmentEventById,
  Character: (l) => l.character.byId,
  Company: (l) => l.company.byId,
  Credit: (l) => l.credit.byId,
  Film: (l) => l.film.byId,
  FilmRelation: (l) => l.film.relationById,
  FilmRelationEvent: (l) => l.film.relationEventById,
  Franchise: (l) => l.franchise.byId,
  FranchiseMembership: (l) => l.franchise.membershipById,
  Metric: (l) => l.metric.byId,
  Person: (l) => l.person.byId,
  ProductionEvent: (l) => l.film.productionEventById,
  ReleaseEvent: (l) => l.film.releaseEventById,
  Source: (l) => l.source.byId,
  TitleEvent: (l) => l.film.titleEventById,
};

/** Decodes an id that must name some Node type; anything else is the client's mistake on `field`. */
function parseNodeId(globalId: string, field: string): ParsedGlobalId {
  const parsed = parseGlobalId(globalId);
  if (!parsed || !NODE_LOADERS[parsed.type])
    throw new BadUserInputError(`"${field}" is not a valid id.`, field);
  return parsed;
}

/** Loads a Node by type name and local id (the type must be a Node type). */
export async function loadNode(
  loaders: Loaders,
  { type, id }: ParsedGlobalId,
): Promise<object | null> {
  const loader = NODE_LOADERS[type](loaders);
  const row = await loader.load(id);
  if (row) return row;
  // A merged record's id resolves to the record it was merged into.
  const into = await loaders.merged.intoByNodeKey.load(`${type}:${id}`);
  return into == null ? null : loader.load(into);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist.',
  })
  node(
    @Ctx() { loaders }: Context,
    @Arg('id', () => ID, { description: 'A global id.' }) id: string,
  ): Promise<object | null> {
    return loadNode(loaders, parseNodeId(id, 'id'));
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id, in the order asked; at most ${MAX_NODES}. Each id is answered on its own: a malformed or unknown id gives null in its slot and an error whose path is ["nodes", index].`,
  })
  nodes(
    @Ctx() { loaders }: Context,
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[],
  ): Promise<object | null>[] {
    if (ids.length > MAX_NODES) {
      throw new BadUserInputError(
        `"ids" may hold at most ${MAX_NODES} ids, got ${ids.length}.`,
        'ids',
      );
    }
    // One promise per slot: GraphQL nulls a slot whose promise fails and reports the error at
    // ["nodes", i], so one bad id never empties the whole list.
    return ids.map(async (id, i) => {
      const field = `ids[${i}]`;
      const node = await loadNode(loaders, parseNodeId(id, field));
      if (!node) throw new NotFoundError(`"${field}" names nothing that exists.`, field);
      return node;
    });
  }
}
