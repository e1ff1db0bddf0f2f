import { Field, ID, InputType } from 'type-graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { localIdOf } from '../graphql/relay/global-id';
import { ChangeKind } from './change-log';

@InputType('ChangeFilter', {
  description:
    'Narrows the changes (queried or subscribed to); all given fields must match. A change is about a film ' +
    'when its subject is the film or belongs to it: its credits and their reports, its production, release ' +
    'and title reports, its relations to other films and their reports, its memberships and metrics.',
})
export class ChangeFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes about this film.' })
  film?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only changes about this person: the person, their credits and those credits’ reports.',
  })
  person?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only changes about this franchise or about a film in it (see `film`).',
  })
  franchise?: string | null;

  @Field(() => [ChangeKind], { nullable: true, description: 'Only changes of these kinds.' })
  kinds?: ChangeKind[] | null;
}

/** A `ChangeFilter` with its ids decoded; `key` tells filters apart (equal filters, equal keys). */
export interface ChangeScope {
  readonly film: number | null;
  readonly person: number | null;
  readonly franchise: number | null;
  readonly kinds: readonly ChangeKind[] | null;
  readonly key: string;
}

/** Decodes a filter (from arguments, so a plain object or the input class); BAD_USER_INPUT on a bad id. */
export function changeScopeOf(filter: ChangeFilter | null | undefined): ChangeScope {
  const film = filter?.film == null ? null : localIdOf('Film', filter.film, 'filter.film');
  const person =
    filter?.person == null ? null : localIdOf('Person', filter.person, 'filter.person');
  const franchise =
    filter?.franchise == null ? null : localIdOf('Franchise', filter.franchise, 'filter.franchise');
  const kinds = filter?.kinds == null ? null : [...new Set(filter.kinds)].sort();
  return { film, person, franchise, kinds, key: JSON.stringify([film, person, franchise, kinds]) };
}

/**
 * The change_log rows (alias `c`) about the films that `films` selects (a SQL condition on a film id
 * column, such as `= :film`): every subject type that belongs to a film, one subquery each.
 */
function aboutFilms(films: (column: string) => string): string {
  const ofFilm = (type: string, table: string) =>
    `(c."subjectType" = '${type}' AND c."subjectId" IN (SELECT t.id FROM ${table} t WHERE ${films('t."filmId"')}))`;
  return [
    `(c."subjectType" = 'Film' AND ${films('c."subjectId"')})`,
    ofFilm('Credit', 'credit'),
    ofFilm('ProductionEvent', 'production_event'),
    ofFilm('ReleaseEvent', 'release_event'),
    ofFilm('TitleEvent', 'title_event'),
    ofFilm('Metric', 'metric'),
    ofFilm('FranchiseMembership', 'franchise_membership'),
    `(c."subjectType" = 'AttachmentEvent' AND c."subjectId" IN (SELECT e.id FROM attachment_event e JOIN credit t ON t.id = e."creditId" WHERE ${films('t."filmId"')}))`,
    `(c."subjectType" = 'FilmRelation' AND c."subjectId" IN (SELECT r.id FROM film_relation r WHERE ${films('r."fromFilmId"')} OR ${films('r."toFilmId"')}))`,
    `(c."subjectType" = 'FilmRelationEvent' AND c."subjectId" IN (SELECT e.id FROM film_relation_event e JOIN film_relation r ON r.id = e."relationId" WHERE ${films('r."fromFilmId"')} OR ${films('r."toFilmId"')}))`,
  ].join(' OR ');
}

/** Narrows a query of change_log rows (alias `c`) to the changes `scope` selects. */
export function whereInScope<T extends object>(
  qb: SelectQueryBuilder<T>,
  scope: ChangeScope,
): SelectQueryBuilder<T> {
  if (scope.film !== null) {
    qb.andWhere(`(${aboutFilms((column) => `${column} = :scopeFilm`)})`, {
      scopeFilm: scope.film,
    });
  }
  if (scope.person !== null) {
    qb.andWhere(
      `((c."subjectType" = 'Person' AND c."subjectId" = :scopePerson)` +
        ` OR (c."subjectType" = 'Credit' AND c."subjectId" IN (SELECT t.id FROM credit t WHERE t."personId" = :scopePerson))` +
        ` OR (c."subjectType" = 'AttachmentEvent' AND c."subjectId" IN (SELECT e.id FROM attachment_event e JOIN credit t ON t.id = e."creditId" WHERE t."personId" = :scopePerson)))`,
      { scopePerson: scope.person },
    );
  }
  if (scope.franchise !== null) {
    const members = `(SELECT m."filmId" FROM franchise_membership m WHERE m."franchiseId" = :scopeFranchise)`;
    qb.andWhere(
      `((c."subjectType" = 'Franchise' AND c."subjectId" = :scopeFranchise) OR ${aboutFilms((column) => `${column} IN ${members}`)})`,
      { scopeFranchise: scope.franchise },
    );
  }
  if (scope.kinds !== null) {
    if (scope.kinds.length === 0) qb.andWhere('1 = 0');
    else qb.andWhere('c.kind IN (:...scopeKinds)', { scopeKinds: scope.kinds });
  }
  return qb;
}
