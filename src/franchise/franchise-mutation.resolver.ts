import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiKeyRole } from '../auth/roles';
import { localIdOf } from '../graphql/relay/global-id';
import { searchTextOf, sortKeyOf } from '../lib/text';
import {
  changedColumns,
  cleanAliases,
  slugOf,
  trimmed,
  withNameColumns,
} from '../graphql/input-fields';
import { insertIfAbsent, insertWithSlug, updateVersioned } from '../db/writes';
import { optionalRow, requireRow } from '../graphql/lookup';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { Film } from '../film/film.entity';
import type { EntityManager } from 'typeorm';
import { FranchiseMembership } from './franchise-membership.entity';
import { Franchise } from './franchise.entity';
import {
  AddFilmToFranchiseInput,
  CreateFranchiseInput,
  UpdateFranchiseInput,
} from './franchise.inputs';
import { viewerOf } from '../auth/auth-checker';
import { ChangeKind, logged } from '../events/change-log';
import { createPayloadType } from '../graphql/payload';

/** A franchise may not sit inside itself, directly or through its ancestors. */
async function checkParent(
  manager: EntityManager,
  franchiseId: number,
  parent: Franchise,
): Promise<void> {
  const seen = new Set<number>();
  for (let current: Franchise | null = parent; current;) {
    if (current.id === franchiseId || seen.has(current.id)) {
      throw new BadUserInputError(
        '"input.parent" would put the franchise inside itself.',
        'input.parent',
      );
    }
    seen.add(current.id);
    current =
      current.parentId == null
        ? null
        : await manager.getRepository(Franchise).findOneBy({ id: current.parentId });
  }
}

/** Two films cannot hold one place in a franchise's release (or story) order. */
async function checkOrdinalsFree(
  manager: EntityManager,
  franchise: Franchise,
  filmId: number,
  input: AddFilmToFranchiseInput,
): Promise<void> {
  for (const column of ['releaseOrdinal', 'storyOrdinal'] as const) {
    const ordinal = input[column];
    if (ordinal == null) continue;
    const holder = await manager
      .getRepository(FranchiseMembership)
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.film', 'film')
      .where('membership.franchiseId = :franchise AND membership.filmId <> :film', {
        franchise: franchise.id,
        film: filmId,
      })
      .andWhere(`membership.${column} = :ordinal`, { ordinal })
      .getOne();
    if (holder) {
      throw new BadUserInputError(
        `"input.${column}": "${holder.film!.title}" already holds place ${ordinal} in "${franchise.name}"; ` +
          'move that film first (addFilmToFranchise with its new place), or choose a free place.',
        `input.${column}`,
      );
    }
  }
}

const CreateFranchisePayload = createPayloadType(
  'CreateFranchisePayload',
  'What createFranchise added.',
  {
    franchise: { type: () => Franchise, description: 'The new franchise.' },
  },
);
const UpdateFranchisePayload = createPayloadType(
  'UpdateFranchisePayload',
  'What updateFranchise changed.',
  {
    franchise: { type: () => Franchise, description: 'The franchise as it now stands.' },
  },
);
const AddFilmToFranchisePayload = createPayloadType(
  'AddFilmToFranchisePayload',
  'What addFilmToFranchise set.',
  {
    membership: {
      type: () => FranchiseMembership,
      description: 'The film’s place in the franchise as it now stands.',
    },
  },
);

@Resolver()
export class FranchiseMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => CreateFranchisePayload, { description: 'Adds a franchise. Needs an editor key.' })
  createFranchise(
    @Ctx() context: Context,
    @Arg('input', () => CreateFranchiseInput, { description: 'The new franchise.' })
    input: CreateFranchiseInput,
  ): Promise<{ franchise: Franchise }> {
    return context.write(async (manager) => {
      const parent = await optionalRow(manager, Franchise, input.parent, 'input.parent');
      const name = input.name.trim();
      const aliases = cleanAliases(input.aliases);
      const { slug, choice } = slugOf(input, name, 'input.name');
      const franchise = await insertWithSlug(
        manager,
        Franchise,
        {
          slug,
          name,
          aliases,
          kind: input.kind,
          description: trimmed(input.description),
          parentId: parent?.id ?? null,
          searchText: searchTextOf(name, ...aliases),
          sortKey: sortKeyOf(name),
          version: 1,
        },
        choice,
      );
      return {
        franchise: await logged(manager, ChangeKind.CREATED, viewerOf(context).name, franchise),
      };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdateFranchisePayload, {
    description:
      'Changes a franchise, if nobody changed it since `expectedVersion`. Needs an editor key.',
  })
  updateFranchise(
    @Ctx() context: Context,
    @Arg('input', () => UpdateFranchiseInput, { description: 'The changes.' })
    input: UpdateFranchiseInput,
  ): Promise<{ franchise: Franchise }> {
    const id = localIdOf('Franchise', input.id, 'input.id');
    return context.write(async (manager) => {
      const changes: Partial<Franchise> = changedColumns(
        input,
        ['name', 'kind', 'description'],
        ['name', 'kind'],
      ) as Partial<Franchise>;
      await withNameColumns(changes, input.aliases, () =>
        requireRow(manager, Franchise, input.id, 'input.id'),
      );
      if (input.parent !== undefined) {
        const parent = await optionalRow(manager, Franchise, input.parent, 'input.parent');
        if (parent) await checkParent(manager, id, parent);
        changes.parentId = parent?.id ?? null;
      }
      const franchise = await updateVersioned(
        manager,
        Franchise,
        id,
        input.expectedVersion,
        changes,
        'input.name',
      );
      return {
        franchise: await logged(manager, ChangeKind.UPDATED, viewerOf(context).name, franchise),
      };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => AddFilmToFranchisePayload, {
    description:
      'Puts a film in a franchise at a place in release and story order; for a film already there, sets the ' +
      'ordinals given. Needs an editor key.',
  })
  addFilmToFranchise(
    @Ctx() context: Context,
    @Arg('input', () => AddFilmToFranchiseInput, { description: 'The film and its place.' })
    input: AddFilmToFranchiseInput,
  ): Promise<{ membership: FranchiseMembership }> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const franchise = await requireRow(manager, Franchise, input.franchise, 'input.franchise');
      const key = { franchiseId: franchise.id, filmId: film.id };
      await checkOrdinalsFree(manager, franchise, film.id, input);
      const created = await insertIfAbsent(
        manager,
        FranchiseMembership,
        {
          ...key,
          releaseOrdinal: input.releaseOrdinal ?? null,
          storyOrdinal: input.storyOrdinal ?? null,
        },
        ['franchiseId', 'filmId'],
      );
      const ordinals = changedColumns(input, ['releaseOrdinal', 'storyOrdinal']);
      const updated = created === null && Object.keys(ordinals).length > 0;
      if (updated) {
        await manager
          .createQueryBuilder()
          .update(FranchiseMembership)
          .set(ordinals)
          .where(key)
          .execute();
      }
      const membership = await manager.getRepository(FranchiseMembership).findOneByOrFail(key);
      if (created === null && !updated) return { membership };
      const kind = created === null ? ChangeKind.UPDATED : ChangeKind.CREATED;
      return { membership: await logged(manager, kind, viewerOf(context).name, membership) };
    });
  }
}
