import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import type { Loaders } from '../loaders';
import { parseGlobalId } from './global-id';
import { Node } from './node';

export const MAX_NODES = 100;

/** The loader that fetches each Node type by its local id. */
const NODE_LOADERS: Record<string, (loaders: Loaders) => { load(id: number): Promise<object | null> }> = {
  AttachmentEvent: (l) => l.attachmentEventByIdLoader,
  Character: (l) => l.characterByIdLoader,
  Company: (l) => l.companyByIdLoader,
  Credit: (l) => l.creditByIdLoader,
  Film: (l) => l.filmByIdLoader,
  FilmRelation: (l) => l.filmRelationByIdLoader,
  FilmRelationEvent: (l) => l.filmRelationEventByIdLoader,
  Franchise: (l) => l.franchiseByIdLoader,
  Metric: (l) => l.metricByIdLoader,
  Person: (l) => l.personByIdLoader,
  ProductionEvent: (l) => l.productionEventByIdLoader,
  ReleaseEvent: (l) => l.releaseEventByIdLoader,
  Source: (l) => l.sourceByIdLoader,
};

function loadNode(loaders: Loaders, globalId: string, field: string): Promise<object | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed || !NODE_LOADERS[parsed.type]) throw new BadUserInputError(`"${field}" is not a valid id.`, field);
  return NODE_LOADERS[parsed.type](loaders).load(parsed.id);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist.' })
  node(
    @Ctx() { loaders }: Context,
    @Arg('id', () => ID, { description: 'A global id.' }) id: string,
  ): Promise<object | null> {
    return loadNode(loaders, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id, in the order asked (null where one does not exist); at most ${MAX_NODES}.`,
  })
  nodes(
    @Ctx() { loaders }: Context,
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODES}.` }) ids: string[],
  ): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) {
      throw new BadUserInputError(`"ids" may hold at most ${MAX_NODES} ids, got ${ids.length}.`, 'ids');
    }
    return Promise.all(ids.map((id, i) => loadNode(loaders, id, `ids[${i}]`)));
  }
}
