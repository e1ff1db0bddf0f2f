import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../errors';
import { localIdOf } from './relay/global-id';

/**
 * The single-object root fields (`film(id:, slug:)` and its siblings): exactly one of `id` or `slug`
 * must be given. By id through the request's loader (so it shares the batch and the cache), by slug with
 * one indexed query. Null when nothing matches.
 */
export function findByIdOrSlug<T extends ObjectLiteral & { slug: string }>(
  reader: EntityManager,
  entity: EntityTarget<T>,
  type: string,
  byId: { load(id: number): Promise<T | null> },
  id: string | null | undefined,
  slug: string | null | undefined,
): Promise<T | null> {
  if ((id == null) === (slug == null)) {
    throw new BadUserInputError('Pass exactly one of "id" or "slug".', id == null ? 'id' : 'slug');
  }
  return id != null
    ? byId.load(localIdOf(type, id, 'id'))
    : reader.getRepository(entity).findOneBy({ slug } as never);
}

/** The row a mutation's id argument names; NOT_FOUND (naming the field) when there is none. */
export async function requireRow<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  type: string,
  globalId: string,
  field: string,
): Promise<T> {
  const id = localIdOf(type, globalId, field);
  const row = await manager.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw new NotFoundError(`"${field}": there is no ${type} with this id.`, field);
  return row;
}

/** Like `requireRow` for an optional argument: null stays null. */
export async function optionalRow<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  type: string,
  globalId: string | null | undefined,
  field: string,
): Promise<T | null> {
  return globalId == null ? null : requireRow(manager, entity, type, globalId, field);
}
