import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { localIdOf } from '../graphql/relay/global-id';
import { searchTextOf, slugify, sortKeyOf } from '../lib/text';
import { changedColumns, slugOf, trimmed } from '../graphql/input-fields';
import { insertIfAbsent, insertWithSlug, updateVersioned } from '../db/writes';
import { optionalRow, requireRow } from '../graphql/lookup';
import { Company } from '../company/company.entity';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { ChangeKind, recordChange } from '../events/change-log';
import { recordReport } from '../events/report-writes';
import { reportColumns } from '../source/source.writes';
import { FilmRelation, FilmRelationEvent } from './film-relation.entity';
import { Film } from './film.entity';
import {
  CreateFilmInput,
  RecordProductionStatusInput,
  RecordReleaseInput,
  RecordTitleInput,
  RelateFilmsInput,
  UpdateFilmInput,
} from './film.inputs';
import { checkPrecision, refreshTitle, titleSlugOf } from './film-reports';
import { ProductionEvent } from './production-event.entity';
import { ReleaseEvent } from './release-event.entity';
import { TitleEvent } from './title-event.entity';
import { createPayloadType, duplicateField } from '../graphql/payload';

const RecordReleasePayload = createPayloadType(
  'RecordReleasePayload',
  'What recordRelease recorded (or found already recorded).',
  {
    film: {
      type: () => Film,
      description: 'The film, with its release date as it now stands.',
    },
    event: {
      type: () => ReleaseEvent,
      description: 'The release report in the film’s `releaseHistory`.',
    },
    duplicate: duplicateField(
      'same film, kind, country, date, precision, effective date and source',
    ),
  },
);

const RecordTitlePayload = createPayloadType(
  'RecordTitlePayload',
  'What recordTitle recorded (or found already recorded).',
  {
    film: { type: () => Film, description: 'The film, with its title as it now stands.' },
    event: {
      type: () => TitleEvent,
      description: 'The title report in the film’s `titleHistory`.',
    },
    duplicate: duplicateField('same film, title, effective date and source'),
  },
);

const RecordProductionStatusPayload = createPayloadType(
  'RecordProductionStatusPayload',
  'What recordProductionStatus recorded (or found already recorded).',
  {
    film: { type: () => Film, description: 'The film, with its status as it now stands.' },
    event: {
      type: () => ProductionEvent,
      description: 'The report in the film’s `productionHistory`.',
    },
    duplicate: duplicateField('same film, status, effective date and source'),
  },
);

const RelateFilmsPayload = createPayloadType(
  'RelateFilmsPayload',
  'What relateFilms recorded (or found already recorded).',
  {
    relation: {
      type: () => FilmRelation,
      description: 'The link between the two films, with its kind as it now stands.',
    },
    event: { type: () => FilmRelationEvent, description: 'The report in the link’s `history`.' },
    duplicate: duplicateField('same films, kind, effective date and source'),
  },
);

interface ReportPayload<E> {
  event: E;
  duplicate: boolean;
}

const INPUT = 'The changes.';

const CreateFilmPayload = createPayloadType('CreateFilmPayload', 'What createFilm added.', {
  film: { type: () => Film, description: 'The new film.' },
});
const UpdateFilmPayload = createPayloadType('UpdateFilmPayload', 'What updateFilm changed.', {
  film: { type: () => Film, description: 'The film as it now stands.' },
});

@Resolver()
export class FilmMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => CreateFilmPayload, { description: 'Adds a film. Needs an editor key.' })
  createFilm(
    @Ctx() context: Context,
    @Arg('input', () => CreateFilmInput, { description: 'The new film.' }) input: CreateFilmInput,
  ): Promise<{ film: Film }> {
    return context.write(async (manager) => {
      const title = input.title.trim();
      const workingTitle = trimmed(input.workingTitle);
      const { slug, choice } = slugOf(input, title, 'input.title', (base) =>
        input.year == null ? [] : [`${base}-${input.year}`],
      );
      const film = await insertWithSlug(
        manager,
        Film,
        {
          slug,
          title,
          originalTitle: title,
          workingTitle,
          runtimeMinutes: input.runtimeMinutes ?? null,
          synopsis: trimmed(input.synopsis),
          tmdbId: input.tmdbId ?? null,
          imdbId: input.imdbId ?? null,
          releaseDate: null,
          searchText: searchTextOf(title, workingTitle),
          sortKey: sortKeyOf(title),
          version: 1,
        },
        choice,
      );
      await recordChange(manager, {
        kind: ChangeKind.CREATED,
        subject: film,
        by: viewerOf(context).name,
      });
      return { film };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdateFilmPayload, {
    description:
      'Changes a film’s facts, if nobody changed it since `expectedVersion`. Needs an editor key.',
  })
  updateFilm(
    @Ctx() context: Context,
    @Arg('input', () => UpdateFilmInput, { description: INPUT }) input: UpdateFilmInput,
  ): Promise<{ film: Film }> {
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
        if (changes.title !== undefined) {
          // A correction of the title the film was entered under; a new title is a report.
          const retitled = await manager.getRepository(TitleEvent).countBy({ filmId: current.id });
          if (retitled > 0) {
            throw new BadUserInputError(
              '"input.title": this film has title reports; record a new title with recordTitle, or retract the wrong report.',
              'input.title',
            );
          }
          changes.slug = slugify(title);
          changes.originalTitle = title;
        }
        changes.searchText = searchTextOf(
          title,
          changes.workingTitle !== undefined ? changes.workingTitle : current.workingTitle,
        );
      }
      const film = await updateVersioned(
        manager,
        Film,
        id,
        input.expectedVersion,
        changes,
        'input.title',
      );
      // The search text holds every title the film had (see refreshTitle), not only these.
      if (changes.searchText !== undefined) await refreshTitle(manager, film.id);
      await recordChange(manager, {
        kind: ChangeKind.UPDATED,
        subject: film,
        by: viewerOf(context).name,
      });
      return { film };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RelateFilmsPayload, {
    description:
      'Records what a later film is to an earlier one (sequel, prequel, not decided yet…), with its source. ' +
      'Creates the link when it does not exist. Needs an editor key.',
  })
  relateFilms(
    @Ctx() context: Context,
    @Arg('input', () => RelateFilmsInput, { description: 'The report.' }) input: RelateFilmsInput,
  ): Promise<ReportPayload<FilmRelationEvent> & { relation: FilmRelation }> {
    return context.write(async (manager) => {
      const from = await requireRow(manager, Film, input.from, 'input.from');
      const to = await requireRow(manager, Film, input.to, 'input.to');
      if (from.id === to.id)
        throw new BadUserInputError(
          '"input.to" must be another film than "input.from".',
          'input.to',
        );
      const viewer = viewerOf(context);
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
      const report = await reportColumns(manager, input, viewer);
      const created = await insertIfAbsent(
        manager,
        FilmRelation,
        { fromFilmId: from.id, toFilmId: to.id },
        ['fromFilmId', 'toFilmId'],
      );
      const relation = await manager
        .getRepository(FilmRelation)
        .findOneByOrFail({ fromFilmId: from.id, toFilmId: to.id });
      const { event, duplicate } = await recordReport<FilmRelationEvent>(
        manager,
        'FilmRelationEvent',
        { ...report, relationId: relation.id, kind: input.kind },
        created === null ? [] : [{ kind: ChangeKind.CREATED, subject: relation, by: viewer.name }],
      );
      return { relation, event, duplicate };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RecordProductionStatusPayload, {
    description:
      'Records a change of a film’s production status, with its source. Needs an editor key.',
  })
  recordProductionStatus(
    @Ctx() context: Context,
    @Arg('input', () => RecordProductionStatusInput, { description: 'The report.' })
    input: RecordProductionStatusInput,
  ): Promise<ReportPayload<ProductionEvent> & { film: Film }> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const report = await reportColumns(manager, input, viewerOf(context));
      const { event, duplicate } = await recordReport<ProductionEvent>(manager, 'ProductionEvent', {
        ...report,
        filmId: film.id,
        status: input.status,
      });
      return { film, event, duplicate };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RecordReleasePayload, {
    description:
      'Records a report of a film’s release date for a kind and country, with its source: a first date, or ' +
      'a moved one (it replaces the release in force for that kind and country from `effectiveDate` on; ' +
      'older reports stay in `releaseHistory`). The film’s release date is updated in the same transaction. ' +
      'Sending the same report again writes nothing and returns the same event; the same report with other ' +
      'details (confidence, quote, speaker, place, company) is REPORT_CONFLICT. Needs an editor key.',
  })
  recordRelease(
    @Ctx() context: Context,
    @Arg('input', () => RecordReleaseInput, { description: 'The report.' })
    input: RecordReleaseInput,
  ): Promise<ReportPayload<ReleaseEvent> & { film: Film }> {
    checkPrecision(input.date, input.precision, 'input.date', 'input.precision');
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const company = await optionalRow(manager, Company, input.company, 'input.company');
      const viewer = viewerOf(context);
      const report = await reportColumns(manager, input, viewer);
      // The film's cached release date is recomputed in recordReport (REPORT_KEYS.ReleaseEvent).
      const { event, duplicate } = await recordReport<ReleaseEvent>(manager, 'ReleaseEvent', {
        ...report,
        filmId: film.id,
        date: input.date,
        precision: input.precision,
        kind: input.kind,
        country: input.country ?? null,
        place: trimmed(input.place),
        companyId: company?.id ?? null,
      });
      return {
        film: await manager.getRepository(Film).findOneByOrFail({ id: film.id }),
        event,
        duplicate,
      };
    });
  }

  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => RecordTitlePayload, {
    description:
      'Records a report that a film took a new title on `effectiveDate`, with its source. The film keeps its ' +
      'slug; the new title’s slug finds it too, and search finds it by every title. Sending the same report ' +
      'again writes nothing and returns the same event; with other details (confidence, quote, speaker) it is ' +
      'REPORT_CONFLICT. Needs an editor key.',
  })
  recordTitle(
    @Ctx() context: Context,
    @Arg('input', () => RecordTitleInput, { description: 'The report.' })
    input: RecordTitleInput,
  ): Promise<ReportPayload<TitleEvent> & { film: Film }> {
    return context.write(async (manager) => {
      const film = await requireRow(manager, Film, input.film, 'input.film');
      const viewer = viewerOf(context);
      const report = await reportColumns(manager, input, viewer);
      const title = input.title.trim();
      const slug = titleSlugOf(title, 'input.title');
      const { event, duplicate } = await recordReport<TitleEvent>(manager, 'TitleEvent', {
        ...report,
        filmId: film.id,
        title,
        slug,
      });
      return {
        film: await manager.getRepository(Film).findOneByOrFail({ id: film.id }),
        event,
        duplicate,
      };
    });
  }
}
