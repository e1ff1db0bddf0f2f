import type { EntityManager } from 'typeorm';
import { eventInForce, orderByHistory } from '../events/reported-event';
import { today } from '../lib/dates';
import { BadUserInputError } from '../errors';
import { searchTextOf, slugify, sortKeyOf } from '../lib/text';
import { Film } from './film.entity';
import { DatePrecision, ReleaseKind } from './film.enums';
import { ReleaseEvent } from './release-event.entity';
import { TitleEvent } from './title-event.entity';

/** The length of `film.searchText`: a film with many titles keeps the first ones searchable. */
const SEARCH_TEXT_LENGTH = 700;

/** The release kinds that make `Film.releaseDate` (premieres and later formats do not). */
export const RELEASE_DATE_KINDS: readonly ReleaseKind[] = [
  ReleaseKind.THEATRICAL,
  ReleaseKind.STREAMING,
];

/** A date of `precision` must be the first day of its period. */
export function checkPrecision(
  date: string,
  precision: DatePrecision,
  dateField: string,
  precisionField: string,
): void {
  const ok =
    precision === DatePrecision.DAY ||
    (precision === DatePrecision.MONTH && date.endsWith('-01')) ||
    (precision === DatePrecision.YEAR && date.endsWith('-01-01'));
  if (!ok) {
    throw new BadUserInputError(
      `"${dateField}" must be the first day of the ${precision.toLowerCase()} when "${precisionField}" is ${precision}.`,
      dateField,
    );
  }
}

/** The slug of a reported title; BAD_USER_INPUT on `field` when it has no letter or digit. */
export function titleSlugOf(title: string, field: string): string {
  const slug = slugify(title);
  if (slug === '') {
    throw new BadUserInputError(`"${field}" must contain at least one letter or digit.`, field);
  }
  return slug;
}

/** A film's release reports grouped by (kind, country), each group in history order. */
function byKindAndCountry(reports: readonly ReleaseEvent[]): ReleaseEvent[][] {
  const groups = new Map<string, ReleaseEvent[]>();
  for (const report of reports) {
    const key = `${report.kind}:${report.country ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(report);
    else groups.set(key, [report]);
  }
  return [...groups.values()];
}

/**
 * The releases in force on `asOf` (or now): per (kind, country), the newest report effective by then
 * that was not retracted. `reports` are in history order; the result is by date.
 */
export function releasesInForce(
  reports: readonly ReleaseEvent[],
  asOf?: string | null,
): ReleaseEvent[] {
  return byKindAndCountry(reports)
    .map((group) => eventInForce(group, asOf))
    .filter((report): report is ReleaseEvent => report !== null)
    .sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

/** The release that makes the film's release date on `asOf`: the earliest theatrical or streaming one. */
export function firstRelease(
  reports: readonly ReleaseEvent[],
  asOf?: string | null,
): ReleaseEvent | null {
  return releasesInForce(reports, asOf).find((r) => RELEASE_DATE_KINDS.includes(r.kind)) ?? null;
}

/**
 * The reports that a newer report for the same kind and country had replaced by `asOf` (or now): effective
 * by then, not retracted, and not the one in force then. Events are never effective after the day they
 * are recorded, so without `asOf` the newest non-retracted report of a group is the one in force.
 */
export function supersededIds(reports: readonly ReleaseEvent[], asOf?: string | null): Set<number> {
  const superseded = new Set<number>();
  for (const group of byKindAndCountry(reports)) {
    const current = eventInForce(group, asOf);
    for (const report of group) {
      const reported = asOf == null || report.effectiveDate <= asOf;
      if (reported && !report.retracted && report !== current) superseded.add(report.id);
    }
  }
  return superseded;
}

/** The title of a film on `asOf`: the title report in force, else the title it was entered under. */
export function titleOn(film: Film, events: readonly TitleEvent[], asOf?: string | null): string {
  return eventInForce(events, asOf)?.title ?? film.originalTitle ?? film.title;
}

/** Recomputes a film's cached release date from its reports, in the transaction that changed them. */
export async function refreshReleaseDate(manager: EntityManager, filmId: number): Promise<void> {
  const reports = await orderByHistory(
    manager.getRepository(ReleaseEvent).createQueryBuilder('r').where('r.filmId = :filmId', {
      filmId,
    }),
    'r',
  ).getMany();
  await manager
    .createQueryBuilder()
    .update(Film)
    .set({ releaseDate: firstRelease(reports, today())?.date ?? null })
    .where('id = :filmId', { filmId })
    .execute();
}

/**
 * Recomputes a film's cached title (for the TITLE order) and its search text (every title it had, so
 * search finds it by any), in the transaction that changed its title reports.
 */
export async function refreshTitle(manager: EntityManager, filmId: number): Promise<void> {
  const film = await manager.getRepository(Film).findOneByOrFail({ id: filmId });
  const events = await orderByHistory(
    manager.getRepository(TitleEvent).createQueryBuilder('t').where('t.filmId = :filmId', {
      filmId: film.id,
    }),
    't',
  ).getMany();
  const original = film.originalTitle ?? film.title;
  const titles = events.filter((event) => !event.retracted).map((event) => event.title);
  const title = titleOn({ ...film, originalTitle: original } as Film, events, today());
  await manager
    .createQueryBuilder()
    .update(Film)
    .set({
      originalTitle: original,
      title,
      sortKey: sortKeyOf(title),
      searchText: searchTextOf(original, ...titles, film.workingTitle).slice(0, SEARCH_TEXT_LENGTH),
    })
    .where('id = :id', { id: film.id })
    .execute();
}
