import { Args, ArgsType, Ctx, Field, ID, Query, Resolver, type ClassType } from 'type-graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../errors';
import type { EntityClass } from '../db/writes';
import type { Context } from './context';
import { MergedRecord } from './relay/merged-record.entity';
import type { Loaders } from './loaders';
import { localIdOf } from './relay/global-id';
import { loadNode } from './relay/node.resolver';

/** The arguments of a single-object root field (`film(id:, slug:)` and its siblings). */
export interface IdOrSlug {
  id?: string | null;
  slug?: string | null;
}

/**
 * The `id` and `slug` arguments of one single-object root field, described for its type (`noun` as in
 * "The film’s global id", `exampleSlug` as in "extraction-2"). Every call makes a new class: call it
 * once per field. `findByIdOrSlug` enforces that exactly one of them is given.
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
  loaders: Loaders,
  entity: ClassType<T>,
  id: string | null | undefined,
  slug: string | null | undefined,
  bySlug?: (reader: EntityManager, slug: string) => Promise<T | null>,
): Promise<T | null> {
  if ((id == null) === (slug == null)) {
    throw new BadUserInputError('Pass exactly one of "id" or "slug".', id == null ? 'id' : 'slug');
  }
  const type = entity.name;
  // Slugs are stored lower-case: a lookup ignores case.
  if (id == null) return findBySlug(reader, loaders, entity, slug!.toLowerCase(), bySlug);
  // The Node loader of an entity's type loads rows of that entity.
  return loadNode(loaders, { type, id: localIdOf(type, id, 'id') }) as Promise<T | null>;
}

/**
 * A row by slug (through `bySlug` when the type has older slugs too, as a film has its old titles'); a
 * merged record's slug resolves to the record it was merged into.
 */
async function findBySlug<T extends ObjectLiteral & { slug: string }>(
  reader: EntityManager,
  loaders: Loaders,
  entity: ClassType<T>,
  slug: string,
  bySlug?: (reader: EntityManager, slug: string) => Promise<T | null>,
): Promise<T | null> {
  const row = bySlug
    ? await bySlug(reader, slug)
    : await reader.getRepository(entity).findOneBy({ slug } as never);
  if (row) return row;
  const merged = await reader
    .getRepository(MergedRecord)
    .findOneBy({ type: entity.name, fromSlug: slug });
  if (!merged) return null;
  return loadNode(loaders, { type: entity.name, id: merged.intoId }) as Promise<T | null>;
}

/**
 * The base class of a type's resolver that adds its single-object root field, named after the type
 * (`film(id:, slug:)`), as type-graphql's resolver inheritance does:
 * `class FilmResolver extends LookupResolver(Film, 'extraction-2')`.
 */
export function LookupResolver<T extends ObjectLiteral & { slug: string }>(
  type: ClassType<T>,
  exampleSlug: string,
  bySlug?: (reader: EntityManager, slug: string) => Promise<T | null>,
): abstract new () => object {
  const noun = type.name.toLowerCase();
  const LookupArgs = IdOrSlugArgs(noun, exampleSlug);

  @Resolver()
  abstract class LookupResolverOfType {
    @Query(() => type, {
      name: noun,
      nullable: true,
      description: `A ${noun} by global id or by slug; null when there is none.`,
    })
    lookup(
      @Ctx() { db, loaders }: Context,
      @Args(() => LookupArgs) { id, slug }: IdOrSlug,
    ): Promise<T | null> {
      return findByIdOrSlug(db, loaders, type, id, slug, bySlug);
    }
  }
  return LookupResolverOfType;
}

/** The row a mutation's id argument names; NOT_FOUND (naming the field) when there is none. */
export async function requireRow<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityClass<T>,
  globalId: string,
  field: string,
): Promise<T> {
  const type = entity.name;
  const id = localIdOf(type, globalId, field);
  const row = await manager.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw new NotFoundError(`"${field}": there is no ${type} with this id.`, field);
  return row;
}

/** Like `requireRow` for an optional argument: null stays null. */
export async function optionalRow<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityClass<T>,
  globalId: string | null | undefined,
  field: string,
): Promise<T | null> {
  return globalId == null ? null : requireRow(manager, entity, globalId, field);
}
