import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { localIdOf } from '../graphql/relay/global-id';
import { searchTextOf, slugify } from '../lib/text';
import { changedColumns, slugOf, trimmed } from '../graphql/input-fields';
import { insertWithSlug, updateVersioned } from '../db/writes';
import { optionalRow, requireRow } from '../graphql/lookup';
import { Company } from '../company/company.entity';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { recordReport } from '../events/report-writes';
import { resolveSource, reportColumns } from '../source/source.writes';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import { ReleaseKind } from './film.enums';
import {
  CreateFilmInput,
  RecordProductionStatusInput,
  RecordReleaseInput,
  RelateFilmsInput,
  UpdateFilmInput,
} from './film.inputs';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';

/** The release kinds that set `Film.releaseDate` (premieres and later formats do not). */
const RELEASE_DATE_KINDS = [ReleaseKind.THEATRICAL, ReleaseKind.STREAMING];

const INPUT = 'The changes.';

@Resolver()
export class FilmMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Film, { description: 'Adds a film. Needs an editor key.' })
  createFilm(
    @Ctx() context: Context,
    @Arg('input', () => CreateFilmInput, { description: 'The new film.' }) input: CreateFilmInput,
  ): Promise<Film> {
    return context.write((manager) => {
      const title = input.title.trim();
      const workingTitle = trimmed(input.workingTitle);
      const { slug, choice } = slugOf(input, title, 'input.title', (base) =>
        input.year == null ? [] : [`${base}-${input.year}`],
      );
      return insertWithSlug(
        manager,
        Film,
        {
          slug,
          title,
          workingTitle,
          runtimeMinutes: input.runtimeMinutes ?? null,
          synopsis: trimmed(input.synopsis),
          tmdbId: input.tmdbId ?? null,
          imdbId: input.imdbId ?? null,
          releaseDate: null,
          searchText: searchTextOf(title, workingTitle),
          version: 1,
        },
        choice,
      );
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => Film, {
    description:
      'Changes a film’s facts, if nobody changed it since `expectedVersion`. Needs an editor key.',
  })
  updateFilm(
    @Ctx() context: Context,
    @Arg('input', () => UpdateFilmInput, { description: INPUT }) input: UpdateFilmInput,
  ): Promise<Film> {
    const id = localIdOf('Film', input.id, 'input.id');
    return context.write(async (manager) => {
      const changes: Partial<Film> = changedColumns(
        input,
        ['title', 'workingTitle', 'runtimeMinutes', 'synopsis', 'tmdbId', 'imdbId'],
        ['title'],
      ) as Partial<Film>;
      if (changes.title !== undefined || changes.workingTitle !== undefined) {
        const current = await requireRow(manager, Film, input.id, 'input.id');
        const title = changes.title ?? current.title;
        if (changes.title !== undefined) changes.slug = slugify(title);
        changes.searchText = searchTextOf(
          title,
          changes.workingTitle !== undefined ? changes.workingTitle : current.workingTitle,
        );
      }
      return updateVersioned(manager, Film, id, input.expectedVersion, changes, 'input.title');
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => FilmRelation, {
    description:
      'Records what a later film is to an earlier one (sequel, prequel, not decided yet…), with its source. ' +
      'Creates the link when it does not exist. Needs an editor key.',
  })
  relateFilms(
    @Ctx() context: Context,
    @Arg('input', () => RelateFilmsInput, { description: 'The report.' }) input: RelateFilmsInput,
  ): Promise<FilmRelation> {
    return context.write(async (manager) => {
      const from = await requireRow(manager, Film, input.from, 'input.from');
      const to = await requireRow(manager, Film, input.to, 'input.to');
      if (from.id === to.id)
        throw new BadUserInputError(
          '"input.to" must be another film than "input.from".',
          'input.to',
        );
      const reverse = await manager
        .getRepository(FilmRelation)
        .createQueryBuilder('relation')
        .innerJoin(FilmRelationEvent, 'event', 'event.relationId = relation.id')
        .where(
          'relation.fromFilmId = :to AND relation.toFilmId = :from AND event.retracted = :no',
          {
            from: from.id,
            to: to.id,
            no: false,
          },
        )
        .getOne();
      if (reverse) {
        throw new BadUserInputError(
          `"input.from": "${to.title}" is already linked to "${from.title}" in the other direction, and a ` +
            'relation in both directions is a cycle. Correct or retract the events of that relation instead.',
          'input.from',
        );
      }
      const report = await reportColumns(manager, input, viewerOf(context));
      await manager
        .createQueryBuilder()
        .insert()
        .into(FilmRelation)
        .values({ fromFilmId: from.id, toFilmId: to.id })
        .orUpdate([], ['fromFilmId', 'toFilmId']) // ON CONFLICT on this key only DO NOTHING
        .updateEntity(false)
        .execute();
      const relation = await manager
        .getRepository(FilmRelation)
        .findOneByOrFail({ fromFilmId: from.id, toFilmId: to.id });
      await recordReport(manager, 'FilmRelationEvent', {
        ...report,
        relationId: relation.id,
        kind: input.kind,
      });
      return relation;
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => ProductionEvent, {
    description:
      'Records a change of a film’s production status, with its source. Needs an editor key.',
  })
  recordProductionStatus(
    @Ctx() context: Context,
    @Arg('input', () => RecordProductionStatusInput, { description: 'The report.' })
    input: RecordProductionStatusInput,
  ): Promise<ProductionEvent> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const report = await reportColumns(manager, input, viewerOf(context));
      const { event } = await recordReport<ProductionEvent>(manager, 'ProductionEvent', {
        ...report,
        filmId: film.id,
        status: input.status,
      });
      return event;
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => ReleaseEvent, {
    description:
      'Records a release of a film; the film’s `releaseDate` is updated in the same transaction. Needs an editor key.',
  })
  recordRelease(
    @Ctx() context: Context,
    @Arg('input', () => RecordReleaseInput, { description: 'The release.' })
    input: RecordReleaseInput,
  ): Promise<ReleaseEvent> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const company = await optionalRow(manager, Company, input.company, 'input.company');
      const source =
        input.source == null && input.sourceId == null
          ? null
          : await resolveSource(manager, input, 'input');
      const repository = manager.getRepository(ReleaseEvent);
      const release = await repository.save(
        repository.create({
          filmId: film.id,
          date: input.date,
          kind: input.kind,
          country: input.country ?? null,
          place: trimmed(input.place),
          companyId: company?.id ?? null,
          sourceId: source?.id ?? null,
        }),
      );
      const { first } = (await repository
        .createQueryBuilder('release')
        .select('MIN(release.date)', 'first')
        .where('release.filmId = :film AND release.kind IN (:...kinds)', {
          film: film.id,
          kinds: RELEASE_DATE_KINDS,
        })
        .getRawOne<{ first: string | null }>()) ?? { first: null };
      if (first !== film.releaseDate) {
        await manager
          .createQueryBuilder()
          .update(Film)
          .set({ releaseDate: first })
          .where('id = :id', { id: film.id })
          .execute();
      }
      return release;
    });
  }
}
