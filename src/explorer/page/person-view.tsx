import { FRANCHISES_QUERY, PERSON_QUERY } from '../queries';
import {
  DateText,
  Failure,
  Link,
  Loading,
  ProductionChip,
  StatusChip,
  releaseText,
} from './common';
import { useQuery } from './graphql';
import { CONFIDENCE_LABELS, ROLE_LABELS, label } from './labels';
import { hrefFor } from './route';
import type { FranchisesAnswer, PersonAnswer } from './types';

/** A person's filmography on the day: every credit that existed by then, with its status. */
export function PersonView({
  slug,
  asOf,
  dateInUrl,
}: {
  slug: string;
  asOf: string;
  dateInUrl: string | null;
}) {
  const { data, error, loading, dataVariables } = useQuery<PersonAnswer>(PERSON_QUERY, {
    slug,
    asOf,
  });
  if (!data) return error ? <Failure message={error} /> : <Loading what="the person" />;
  const person = data.person;
  if (!person)
    return (
      <section>
        <h1 tabIndex={-1}>No person “{slug}”</h1>
      </section>
    );
  const credits = [...person.credits].sort(
    (a, b) =>
      (a.film.releaseDate ?? '9999').localeCompare(b.film.releaseDate ?? '9999') ||
      a.film.title.localeCompare(b.film.title),
  );
  return (
    <section
      className="view"
      aria-busy={loading}
      data-loaded-as-of={String(dataVariables?.asOf ?? asOf)}
      data-view="person"
    >
      <h1 tabIndex={-1}>{person.name}</h1>
      {person.aliases.length > 0 && (
        <p className="note">Also known as {person.aliases.join(', ')}</p>
      )}
      {error && <Failure message={error} />}
      <h2 id="filmography-heading">Filmography</h2>
      {credits.length === 0 ? (
        <p className="note">No credit was reported by this date.</p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="filmography-heading"
        >
          <table className="filmography">
            <thead>
              <tr>
                <th scope="col">Film</th>
                <th scope="col">Release</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Since, source</th>
              </tr>
            </thead>
            <tbody>
              {credits.map((credit) => (
                <tr key={credit.id} data-film={credit.film.slug}>
                  <th scope="row">
                    <Link href={hrefFor({ kind: 'film', slug: credit.film.slug }, dateInUrl)}>
                      {credit.film.title}
                    </Link>
                  </th>
                  <td>
                    {releaseText(credit.film)} <ProductionChip status={credit.film.status} />
                  </td>
                  <td>
                    {label(ROLE_LABELS, credit.role)}
                    {credit.job && ` (${credit.job})`}
                    {credit.character && ` · as ${credit.character.name}`}
                  </td>
                  <td>
                    <StatusChip status={credit.status} />
                  </td>
                  <td>
                    {credit.latestEvent && (
                      <>
                        <DateText date={credit.latestEvent.effectiveDate} />
                        {' · '}
                        {credit.latestEvent.source.outlet?.name ?? 'unknown outlet'}
                        {' · '}
                        {label(CONFIDENCE_LABELS, credit.latestEvent.confidence)}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The start page: every franchise, children under their parent. */
export function HomeView({ dateInUrl }: { dateInUrl: string | null }) {
  const { data, error } = useQuery<FranchisesAnswer>(FRANCHISES_QUERY, {});
  if (!data) return error ? <Failure message={error} /> : <Loading what="the franchises" />;
  const all = data.franchises.edges.map((edge) => edge.node);
  const render = (parent: string | null) => {
    const level = all.filter((f) => (f.parent?.slug ?? null) === parent);
    if (level.length === 0) return null;
    return (
      <ul className="franchise-tree">
        {level.map((franchise) => (
          <li key={franchise.id}>
            <Link href={hrefFor({ kind: 'franchise', slug: franchise.slug }, dateInUrl)}>
              {franchise.name}
            </Link>
            {render(franchise.slug)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <section className="view" data-view="home">
      <h1 tabIndex={-1}>Franchises</h1>
      <p>
        Pick a franchise to see its films as a graph, or search for a film or a person. Move the
        date to see who was attached, and how firmly, on any day.
      </p>
      {render(null)}
    </section>
  );
}
