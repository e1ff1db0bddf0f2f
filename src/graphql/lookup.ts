import { ArgsType, Field, ID, type ClassType } from 'type-graphql';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BadUserInputError } from '../errors';
import { localIdOf } from './relay/global-id';

/** The arguments of a single-object root field (`film(id:, slug:)` and its siblings). */
export interface IdOrSlug {
  id?: string | null;
  slug?: string | null;
}

/**
 * The `id` and `slug` arguments of one single-object root field, described for its type (`noun` as in
 * "The film’s global id", `exampleSlug` as in "extraction-2"). Call once per field, at module level:
 * every call makes a new class. `findByIdOrSlug` enforces that exactly one of them is given.
 */
export function IdOrSlugArgs(noun: string, exampleSlug: string): ClassType<IdOrSlug> {
  @ArgsType()
  class IdOrSlugArgs implements IdOrSlug {
    @Field(() => ID, { nullable: true, description: `The ${noun}’s global id.` })
    id?: string | null;

    @Field(() => String, {
      nullable: true,
      description: `The ${noun}’s slug, e.g. "${exampleSlug}".`,
    })
    slug?: string | null;
  }
  return IdOrSlugArgs;
}

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
