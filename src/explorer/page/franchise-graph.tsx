import { Graph, layout, type EdgeLabel, type NodeLabel } from '@dagrejs/dagre';
import { useMemo } from 'react';
import { releaseText } from './common';
import { PRODUCTION_LABELS, RELATION_HINTS, enumClass, label } from './labels';
import type { GraphFilm } from './types';

const NODE_WIDTH = 196;
const NODE_HEIGHT = 66;
const TITLE_CHARS = 24;

export interface Relation {
  id: string;
  kind: string;
  from: { slug: string; title: string };
  to: { slug: string; title: string };
}

/** The relations in force on the day among `films` (a relation with no kind yet did not exist). */
export function relationsAmong(films: readonly GraphFilm[]): Relation[] {
  const slugs = new Set(films.map((film) => film.slug));
  return films.flatMap((film) =>
    film.follows.flatMap((relation) =>
      relation.kind !== null && slugs.has(relation.from.slug) && slugs.has(relation.to.slug)
        ? [{ ...relation, kind: relation.kind }]
        : [],
    ),
  );
}

/** A child franchise, drawn as a box around its films. */
export interface Group {
  slug: string;
  name: string;
  films: readonly string[];
}

interface Laid {
  width: number;
  height: number;
  groups: { group: Group; x: number; y: number; width: number; height: number }[];
  nodes: { film: GraphFilm; x: number; y: number }[];
  edges: { relation: Relation; path: string; x: number; y: number }[];
}

/**
 * Lays the films out with dagre: `films` come in the chosen order (release or story), and invisible
 * edges between neighbours keep that order along the main axis; the relations are the drawn edges.
 */
function layOut(
  films: readonly GraphFilm[],
  relations: readonly Relation[],
  groups: readonly Group[],
  vertical: boolean,
): Laid {
  const g = new Graph<Record<string, unknown>, NodeLabel, EdgeLabel>({
    multigraph: true,
    compound: true,
  });
  // marginy leaves room for the groups' names, written above their boxes.
  g.setGraph({
    rankdir: vertical ? 'TB' : 'LR',
    nodesep: 40,
    ranksep: 56,
    marginx: 12,
    marginy: 30,
  });
  for (const film of films) g.setNode(film.slug, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // A box can hold a film only once: a film in two child franchises is drawn in the first.
  const placed = new Set<string>();
  const drawn: Group[] = [];
  for (const group of groups) {
    const members = group.films.filter((slug) => g.hasNode(slug) && !placed.has(slug));
    if (members.length === 0) continue;
    drawn.push(group);
    g.setNode(`group:${group.slug}`, { width: 0, height: 0 });
    for (const slug of members) {
      placed.add(slug);
      g.setParent(slug, `group:${group.slug}`);
    }
  }
  for (let i = 1; i < films.length; i++)
    g.setEdge(films[i - 1].slug, films[i].slug, { weight: 4, minlen: 1 }, 'order');
  for (const relation of relations) {
    g.setEdge(
      relation.from.slug,
      relation.to.slug,
      { width: 110, height: 34, labelpos: 'c', weight: 1, minlen: 1 },
      relation.id,
    );
  }
  layout(g);
  const graph = g.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(graph.width ?? NODE_WIDTH),
    height: Math.ceil(graph.height ?? NODE_HEIGHT),
    groups: drawn.map((group) => {
      const box = g.node(`group:${group.slug}`);
      return { group, x: box.x ?? 0, y: box.y ?? 0, width: box.width, height: box.height };
    }),
    nodes: films.map((film) => {
      const node = g.node(film.slug);
      return { film, x: node.x ?? 0, y: node.y ?? 0 };
    }),
    edges: relations.map((relation) => {
      const edge = g.edge(relation.from.slug, relation.to.slug, relation.id);
      const points = edge.points ?? [];
      const path = points
        .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
        .join(' ');
      return { relation, path, x: edge.x ?? 0, y: edge.y ?? 0 };
    }),
  };
}

function shortTitle(title: string): string {
  return title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title;
}

/**
 * The franchise as an SVG graph: a film is a link to its view; an edge is labelled with its kind
 * (FOLLOW_UP dashed and marked undecided). The same facts are listed as text beside it.
 */
export function FranchiseGraph({
  films,
  relations,
  groups,
  hrefOf,
  vertical,
  labelledBy,
}: {
  films: readonly GraphFilm[];
  relations: readonly Relation[];
  groups: readonly Group[];
  hrefOf: (slug: string) => string;
  vertical: boolean;
  labelledBy: string;
}) {
  const laid = useMemo(
    () => layOut(films, relations, groups, vertical),
    [films, relations, groups, vertical],
  );
  return (
    <div className="graph-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <svg
        className="graph"
        width={laid.width}
        height={laid.height}
        viewBox={`0 0 ${laid.width} ${laid.height}`}
        role="group"
        aria-labelledby={labelledBy}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
          <marker
            id="arrow-undecided"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head arrow-head--undecided" />
          </marker>
        </defs>
        {laid.groups.map(({ group, x, y, width, height }) => (
          <g key={group.slug} className="group" data-franchise={group.slug}>
            <rect x={x - width / 2} y={y - height / 2} width={width} height={height} rx={10} />
            <text x={x - width / 2 + 6} y={y - height / 2 - 7} className="group-name">
              {group.name}
            </text>
          </g>
        ))}
        {laid.edges.map(({ relation, path, x, y }) => (
          <g
            key={relation.id}
            className={`edge edge--${enumClass(relation.kind)}`}
            data-from={relation.from.slug}
            data-to={relation.to.slug}
            data-kind={relation.kind}
          >
            <path
              d={path}
              markerEnd={relation.kind === 'FOLLOW_UP' ? 'url(#arrow-undecided)' : 'url(#arrow)'}
            />
            <rect x={x - 55} y={y - 17} width={110} height={34} rx={6} className="edge-label" />
            <text x={x} y={y - 3} textAnchor="middle" className="edge-kind">
              {relation.kind}
            </text>
            <text x={x} y={y + 11} textAnchor="middle" className="edge-hint">
              {relation.kind === 'FOLLOW_UP' ? 'undecided' : label(RELATION_HINTS, relation.kind)}
            </text>
          </g>
        ))}
        {laid.nodes.map(({ film, x, y }) => (
          <a key={film.slug} href={hrefOf(film.slug)} data-internal="" className="node-link">
            <g
              className={`node ${film.status ? '' : 'node--unannounced'}`}
              data-film={film.slug}
              transform={`translate(${x - NODE_WIDTH / 2},${y - NODE_HEIGHT / 2})`}
            >
              <title>{film.title}</title>
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
              <text x={10} y={20} className="node-title">
                {shortTitle(film.title)}
              </text>
              <text x={10} y={38} className="node-date">
                {releaseText(film)}
              </text>
              <text x={10} y={56} className="node-status">
                {film.status ? label(PRODUCTION_LABELS, film.status) : 'Not announced yet'}
              </text>
            </g>
          </a>
        ))}
      </svg>
    </div>
  );
}
