import { useEffect, useMemo, useState } from 'react';
import { FRANCHISE_QUERY } from '../queries';
import { Failure, Link, Loading, ProductionChip, releaseText } from './common';
import { FranchiseGraph, relationsAmong } from './franchise-graph';
import { useQuery } from './graphql';
import { RELATION_HINTS, label } from './labels';
import { hrefFor } from './route';
import type { FranchiseAnswer } from './types';

type Order = 'RELEASE' | 'STORY';

/** Narrow screens get the graph top to bottom, so it scrolls the way the page does. */
function useNarrow(): boolean {
  const query = '(max-width: 720px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, []);
  return narrow;
}

export function FranchiseView({
  slug,
  asOf,
  dateInUrl,
}: {
  slug: string;
  asOf: string;
  dateInUrl: string | null;
}) {
  const [order, setOrder] = useState<Order>('RELEASE');
  const { data, error, loading, dataVariables } = useQuery<FranchiseAnswer>(FRANCHISE_QUERY, {
    slug,
    asOf,
    order,
  });
  const narrow = useNarrow();
  const franchise = data?.franchise;
  const films = useMemo(() => franchise?.films.edges.map((edge) => edge.node) ?? [], [franchise]);
  const relations = useMemo(() => relationsAmong(films), [films]);
  const groups = useMemo(
    () =>
      franchise?.children.map((child) => ({
        slug: child.slug,
        name: child.name,
        films: child.films.edges.map((edge) => edge.node.slug),
      })) ?? [],
    [franchise],
  );

  if (!data) return error ? <Failure message={error} /> : <Loading what="the franchise" />;
  if (!franchise)
    return (
      <section>
        <h1 tabIndex={-1}>No franchise “{slug}”</h1>
        <p>
          <Link href={hrefFor({ kind: 'home' }, dateInUrl)}>See every franchise</Link>
        </p>
      </section>
    );

  const filmHref = (filmSlug: string) => hrefFor({ kind: 'film', slug: filmSlug }, dateInUrl);
  return (
    <section
      className="view"
      aria-busy={loading}
      data-loaded-as-of={String(dataVariables?.asOf ?? '')}
      data-view="franchise"
    >
      <h1 tabIndex={-1}>{franchise.name}</h1>
      <p className="meta">
        {franchise.kind.toLowerCase().replace(/_/g, ' ')} · {franchise.films.totalCount} films
        {franchise.parent && (
          <>
            {' '}
            · part of{' '}
            <Link href={hrefFor({ kind: 'franchise', slug: franchise.parent.slug }, dateInUrl)}>
              {franchise.parent.name}
            </Link>
          </>
        )}
      </p>
      {franchise.description && <p>{franchise.description}</p>}
      {error && <Failure message={error} />}

      <fieldset className="order">
        <legend>Order the films by</legend>
        {(['RELEASE', 'STORY'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="order"
              value={value}
              checked={order === value}
              onChange={() => setOrder(value)}
            />
            {value === 'RELEASE' ? 'release' : 'story'}
          </label>
        ))}
      </fieldset>

      <h2 id="graph-heading">Films and how they follow each other</h2>
      {films.length === 0 ? (
        <p className="note">No films in this franchise yet.</p>
      ) : (
        <FranchiseGraph
          films={films}
          relations={relations}
          groups={groups}
          hrefOf={filmHref}
          vertical={narrow}
          labelledBy="graph-heading"
        />
      )}

      <div className="columns">
        <section aria-labelledby="films-heading">
          <h2 id="films-heading">In {order === 'RELEASE' ? 'release' : 'story'} order</h2>
          <ol className="film-list">
            {franchise.films.edges.map(({ node, releaseOrdinal, storyOrdinal }) => (
              <li key={node.id} data-film={node.slug}>
                <Link href={filmHref(node.slug)}>{node.title}</Link>
                <span className="film-list-meta">
                  {releaseText(node)} <ProductionChip status={node.status} />
                  {order === 'STORY' && storyOrdinal === null && (
                    <span className="note"> place in the story not known</span>
                  )}
                  {order === 'RELEASE' && releaseOrdinal === null && (
                    <span className="note"> place in release order not known</span>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="relations-heading">
          <h2 id="relations-heading">Links between films</h2>
          {relations.length === 0 ? (
            <p className="note">No film was reported to follow another by this date.</p>
          ) : (
            <ul className="relation-list">
              {relations.map((relation) => (
                <li
                  key={relation.id}
                  data-from={relation.from.slug}
                  data-to={relation.to.slug}
                  data-kind={relation.kind}
                >
                  {relation.from.title} → {relation.to.title}:{' '}
                  <strong className="relation-kind">{relation.kind}</strong>{' '}
                  <span className="note">({label(RELATION_HINTS, relation.kind)})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {franchise.children.length > 0 && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">Inside {franchise.name}</h2>
          <ul className="children">
            {franchise.children.map((child) => (
              <li key={child.id} className="child">
                <Link href={hrefFor({ kind: 'franchise', slug: child.slug }, dateInUrl)}>
                  {child.name}
                </Link>{' '}
                <span className="note">
                  {child.kind.toLowerCase().replace(/_/g, ' ')} · {child.films.totalCount} films
                </span>
                <ul>
                  {child.films.edges.map(({ node }) => (
                    <li key={node.id}>
                      <Link href={filmHref(node.slug)}>{node.title}</Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
