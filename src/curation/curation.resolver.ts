import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { Character } from '../character/character.entity';
import { Company } from '../company/company.entity';
import type { EntityClass } from '../db/writes';
import { Film } from '../film/film.entity';
import type { Context } from '../graphql/context';
import { toGlobalId } from '../graphql/relay/global-id';
import { Person } from '../person/person.entity';
import { createPayloadType } from '../graphql/payload';
import { DeleteInput, DeletePayload, MergeInput } from './curation.inputs';
import { deleteRecord, mergeRecords, type CuratedRecord } from './merge';

/** What `merge<Plural>` returns: the kept record, under the type's noun (`person`, `film`…). */
type MergePayload<T> = Record<string, T>;

/**
 * `merge<Plural>` (when `plural` is given) and `delete<Type>` of one type, admin-only. One resolver
 * class per type, made here, so the types cannot drift apart.
 */
function createCurationResolver<T extends CuratedRecord>(
  entity: EntityClass<T>,
  noun: string,
  plural: string | null,
) {
  @Resolver()
  class CurationResolver {
    @Authorized(ApiKeyRole.ADMIN)
    @Mutation(() => DeletePayload, {
      name: `delete${entity.name}`,
      description:
        `Deletes a ${noun} that nothing refers to; otherwise BAD_USER_INPUT names what still does (merge it ` +
        'instead). Listed in `changes`. Needs an admin key.',
    })
    deleteRecord(
      @Ctx() context: Context,
      @Arg('input', () => DeleteInput, { description: `The ${noun} to delete.` })
      input: DeleteInput,
    ): Promise<DeletePayload> {
      return context.write(async (manager) => {
        const id = await deleteRecord(manager, entity, input.id, viewerOf(context).name);
        return { deletedId: toGlobalId(entity.name, id) };
      });
    }
  }
  Object.defineProperty(CurationResolver, 'name', { value: `${entity.name}DeleteResolver` });
  if (plural == null) return [CurationResolver];

  const field = noun as keyof MergePayload<T>;
  const MergePayloadType = createPayloadType(`Merge${plural}Payload`, `What merge${plural} kept.`, {
    [field]: {
      type: () => entity,
      description: `The ${noun} kept, with everything the duplicate had.`,
    },
  });

  @Resolver()
  class MergeResolver {
    @Authorized(ApiKeyRole.ADMIN)
    @Mutation(() => MergePayloadType, {
      name: `merge${plural}`,
      description:
        `Merges a duplicate ${noun} into the one to keep, in one transaction: credits, events, memberships, ` +
        'relations and every other reference move to the kept one, the duplicate’s name becomes an alias, and ' +
        'its id and slug keep resolving to the kept one. Listed in `changes`. Needs an admin key.',
    })
    merge(
      @Ctx() context: Context,
      @Arg('input', () => MergeInput, { description: 'The kept record and its duplicate.' })
      input: MergeInput,
    ): Promise<MergePayload<T>> {
      return context.write(async (manager) => ({
        [field]: await mergeRecords(manager, entity, input, viewerOf(context).name),
      }));
    }
  }
  Object.defineProperty(MergeResolver, 'name', { value: `${entity.name}MergeResolver` });
  return [CurationResolver, MergeResolver];
}

export const CURATION_RESOLVERS = [
  ...createCurationResolver(Person, 'person', 'People'),
  ...createCurationResolver(Film, 'film', 'Films'),
  ...createCurationResolver(Character, 'character', 'Characters'),
  ...createCurationResolver(Company, 'company', 'Companies'),
] as const;
