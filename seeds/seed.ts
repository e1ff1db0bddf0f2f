import type {
  DataSource,
  EntityManager,
  EntityTarget,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import { IsNull } from 'typeorm';
import { Character } from '../src/character/character.entity';
import { searchTextOf, slugify, sortKeyOf } from '../src/lib/text';
import { CompanyCredit } from '../src/company/company-credit.entity';
import { Company } from '../src/company/company.entity';
import { AttachmentEvent } from '../src/credit/attachment-event.entity';
import { Credit, creditIdentityKey } from '../src/credit/credit.entity';
import { AttachmentStatus } from '../src/credit/credit.enums';
import { FilmRelation, FilmRelationEvent } from '../src/film/film-relation.entity';
import { Film } from '../src/film/film.entity';
import { DatePrecision, ProductionStatus, ReleaseKind } from '../src/film/film.enums';
import { ProductionEvent } from '../src/film/production-event.entity';
import { ReleaseEvent } from '../src/film/release-event.entity';
import { FranchiseMembership } from '../src/franchise/franchise-membership.entity';
import { Franchise } from '../src/franchise/franchise.entity';
import { Metric } from '../src/metric/metric.entity';
import { Person } from '../src/person/person.entity';
import { Confidence, SourceKind } from '../src/source/source.enums';
import { offlineSourceKey, Source } from '../src/source/source.entity';
import { backfillChanges } from '../src/db/change-backfill';
import { LOGGED_TABLES } from '../src/events/change-log';
import {
  ATTACHMENT_REPORTS,
  CHARACTERS,
  COMPANIES,
  CREDITS,
  FILMS,
  FRANCHISES,
  METRICS,
  PEOPLE,
  PRODUCTION_REPORTS,
  RELATION_REPORTS,
  SOURCES,
  type CreditData,
  type FilmData,
  type ReportData,
} from './real-data';

/** What the seed writes as `recordedBy`. */
export const SEED_RECORDER = 'seed';

const slugsOf = <T extends Record<string, unknown>>(rows: T, nameOf: (row: T[keyof T]) => string) =>
  Object.fromEntries(
    Object.entries(rows).map(([key, row]) => [key, slugify(nameOf(row as T[keyof T]))]),
  ) as {
    [K in keyof T]: string;
  };

/** The slugs of everything the seed creates, for tests and examples: `SEED.films.extraction2`. */
export const SEED = {
  films: slugsOf(FILMS, (film) => film.title),
  people: slugsOf(PEOPLE, (person) => person.name),
  characters: slugsOf(CHARACTERS, (name) => name),
  companies: slugsOf(COMPANIES, (company) => company.name),
  franchises: slugsOf(FRANCHISES, (franchise) => franchise.name),
  sources: SOURCES,
} as const;

/** Finds the row `where` matches, or inserts it with `values` (which override `where`'s operators). */
async function ensure<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  values: Partial<T>,
): Promise<T> {
  const repository = manager.getRepository(entity);
  const found = await repository.findOneBy(where);
  if (found) return found;
  return repository.save(repository.create({ ...where, ...values } as T));
}

/**
 * Loads the real seed data. Idempotent: every row is found by its natural key before it is inserted,
 * so running it again changes nothing. Runs in one transaction: all of it or none.
 */
export async function seed(
  dataSource: DataSource,
  recordedAt = new Date().toISOString(),
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const companies = new Map<string, Company>();
    for (const [key, company] of Object.entries(COMPANIES)) {
      const slug = slugify(company.name);
      companies.set(
        key,
        await ensure(
          manager,
          Company,
          { slug },
          {
            name: company.name,
            kind: company.kind,
            searchText: searchTextOf(company.name),
            sortKey: sortKeyOf(company.name),
          },
        ),
      );
    }
    const companyId = (key: string) => companies.get(key)!.id;

    const sources = new Map<string, Source>();
    for (const [key, source] of Object.entries(SOURCES)) {
      const where: FindOptionsWhere<Source> = source.url
        ? { url: source.url }
        : { title: source.title, url: IsNull() };
      sources.set(
        key,
        await ensure(manager, Source, where, {
          kind: source.url ? SourceKind.ARTICLE : SourceKind.OTHER,
          title: source.title,
          url: source.url,
          publishedOn: source.publishedOn,
          outletId: companyId(source.outlet),
          offlineKey: source.url
            ? null
            : offlineSourceKey({
                outletId: companyId(source.outlet),
                title: source.title,
                publishedOn: source.publishedOn ?? null,
              }),
        }),
      );
    }
    const sourceId = (key: string) => sources.get(key)!.id;

    const people = new Map<string, Person>();
    for (const [key, person] of Object.entries(PEOPLE)) {
      people.set(
        key,
        await ensure(
          manager,
          Person,
          { slug: slugify(person.name) },
          {
            name: person.name,
            aliases: [...person.aliases],
            searchText: searchTextOf(person.name, ...person.aliases),
            sortKey: sortKeyOf(person.name),
            version: 1,
          },
        ),
      );
    }
    const personId = (key: string) => people.get(key)!.id;

    const characters = new Map<string, Character>();
    for (const [key, name] of Object.entries(CHARACTERS)) {
      characters.set(
        key,
        await ensure(
          manager,
          Character,
          { slug: slugify(name) },
          { name, aliases: [], searchText: searchTextOf(name), sortKey: sortKeyOf(name) },
        ),
      );
    }

    const films = new Map<string, Film>();
    for (const [key, film] of Object.entries(FILMS) as [string, FilmData][]) {
      const firstRelease = film.releases
        .filter((r) => r.kind === ReleaseKind.THEATRICAL || r.kind === ReleaseKind.STREAMING)
        .map((r) => r.date)
        .sort()[0];
      const row = await ensure(
        manager,
        Film,
        { slug: slugify(film.title) },
        {
          title: film.title,
          originalTitle: film.title,
          workingTitle: film.workingTitle ?? null,
          runtimeMinutes: film.runtimeMinutes ?? null,
          synopsis: film.synopsis ?? null,
          tmdbId: film.tmdbId ?? null,
          imdbId: film.imdbId ?? null,
          releaseDate: firstRelease ?? null,
          searchText: searchTextOf(film.title, film.workingTitle),
          sortKey: sortKeyOf(film.title),
          version: 1,
        },
      );
      films.set(key, row);
      for (const release of film.releases) {
        // A release without its own announcement is reported by the film's credits page, which lists it.
        const source = release.source ?? film.creditsSource;
        if (!source) throw new Error(`seed: a release of ${film.title} has no source`);
        const publishedOn = SOURCES[source].publishedOn;
        await ensure(
          manager,
          ReleaseEvent,
          { filmId: row.id, date: release.date, kind: release.kind },
          {
            country: release.country,
            place: release.place ?? null,
            companyId: companyId(release.company),
            precision: DatePrecision.DAY,
            ...reportFields({
              effectiveDate: publishedOn && publishedOn < release.date ? publishedOn : release.date,
              confidence: release.source ? Confidence.OFFICIAL : Confidence.SECONDARY,
              source,
            }),
          },
        );
      }
      for (const [company, role] of film.companies) {
        await ensure(
          manager,
          CompanyCredit,
          { filmId: row.id, companyId: companyId(company), role },
          {},
        );
      }
      if (firstRelease && film.creditsSource) {
        await ensure(
          manager,
          ProductionEvent,
          { filmId: row.id, status: ProductionStatus.RELEASED, effectiveDate: firstRelease },
          reportFields({
            effectiveDate: firstRelease,
            confidence: Confidence.OFFICIAL,
            source: film.creditsSource,
          }),
        );
      }
    }
    const filmId = (key: string) => films.get(key)!.id;

    function reportFields(report: ReportData) {
      return {
        effectiveDate: report.effectiveDate,
        confidence: report.confidence,
        sourceId: sourceId(report.source),
        quote: report.quote ?? null,
        speakerId: report.speaker ? personId(report.speaker) : null,
        recordedAt,
        recordedBy: SEED_RECORDER,
        retracted: false,
        retractionReason: null,
        retractedAt: null,
      };
    }

    const franchises = new Map<string, Franchise>();
    for (const [key, franchise] of Object.entries(FRANCHISES)) {
      const row = await ensure(
        manager,
        Franchise,
        { slug: slugify(franchise.name) },
        {
          name: franchise.name,
          aliases: [],
          kind: franchise.kind,
          description: franchise.description,
          parentId: franchise.parent ? franchises.get(franchise.parent)!.id : null,
          searchText: searchTextOf(franchise.name),
          sortKey: sortKeyOf(franchise.name),
          version: 1,
        },
      );
      franchises.set(key, row);
      for (const [film, releaseOrdinal, storyOrdinal] of franchise.films) {
        await ensure(
          manager,
          FranchiseMembership,
          { franchiseId: row.id, filmId: filmId(film) },
          { releaseOrdinal, storyOrdinal },
        );
      }
    }

    const ensureCredit = (credit: CreditData) => {
      const job = credit.job ?? null;
      const characterId = credit.character ? characters.get(credit.character)!.id : null;
      return ensure(
        manager,
        Credit,
        {
          identityKey: creditIdentityKey({
            filmId: filmId(credit.film),
            personId: personId(credit.person),
            role: credit.role,
            characterId,
          }),
        },
        {
          filmId: filmId(credit.film),
          personId: personId(credit.person),
          role: credit.role,
          job,
          characterId,
          billingOrder: credit.billingOrder ?? null,
        },
      );
    };
    const ensureAttachment = async (credit: Credit, status: AttachmentStatus, report: ReportData) =>
      ensure(
        manager,
        AttachmentEvent,
        {
          creditId: credit.id,
          status,
          effectiveDate: report.effectiveDate,
          sourceId: sourceId(report.source),
        },
        reportFields(report),
      );

    for (const credit of CREDITS) {
      const film: FilmData = FILMS[credit.film];
      const released = film.releases
        .filter((r) => r.kind === ReleaseKind.THEATRICAL || r.kind === ReleaseKind.STREAMING)
        .map((r) => r.date)
        .sort()[0];
      const row = await ensureCredit(credit);
      if (released && film.creditsSource) {
        await ensureAttachment(row, AttachmentStatus.CREDITED, {
          effectiveDate: released,
          confidence: Confidence.OFFICIAL,
          source: film.creditsSource,
        });
      }
    }

    for (const report of ATTACHMENT_REPORTS) {
      await ensureAttachment(await ensureCredit(report.credit), report.status, report);
    }
    for (const report of PRODUCTION_REPORTS) {
      await ensure(
        manager,
        ProductionEvent,
        { filmId: filmId(report.film), status: report.status, effectiveDate: report.effectiveDate },
        reportFields(report),
      );
    }
    for (const report of RELATION_REPORTS) {
      const relation = await ensure(
        manager,
        FilmRelation,
        { fromFilmId: filmId(report.from), toFilmId: filmId(report.to) },
        {},
      );
      await ensure(
        manager,
        FilmRelationEvent,
        { relationId: relation.id, kind: report.kind, effectiveDate: report.effectiveDate },
        reportFields(report),
      );
    }
    for (const metric of METRICS) {
      await ensure(
        manager,
        Metric,
        {
          filmId: filmId(metric.film),
          kind: metric.kind,
          window: metric.window,
          asOf: metric.asOf,
        },
        {
          value: metric.value,
          unit: metric.unit,
          methodology: metric.methodology,
          projected: metric.projected,
          sourceId: sourceId(metric.source),
        },
      );
    }
    // Everything the seed wrote enters the changes feed, at the seed's instant.
    await backfillChanges(manager, { at: recordedAt, by: SEED_RECORDER, ...LOGGED_TABLES });
  });
}
