/** The shapes of the answers to the operations in ../queries.ts (only what the page reads). */

export interface FilmDates {
  releaseDate: string | null;
  /** Present once the schema has it (issue "The story moves"); the page shows it when it is. */
  releaseDatePrecision?: 'DAY' | 'MONTH' | 'YEAR' | null;
  status: string | null;
}

export interface AttachmentEvent {
  id: string;
  status: string;
  confidence: string;
  effectiveDate: string;
  quote: string | null;
  speaker: { slug: string; name: string } | null;
  source: {
    id: string;
    title: string;
    url: string | null;
    publishedOn: string | null;
    outlet: { name: string } | null;
  };
  retracted?: boolean;
}

export interface FilmCredit {
  id: string;
  role: string;
  job: string | null;
  billingOrder: number | null;
  person: { slug: string; name: string };
  character: { slug: string; name: string } | null;
  status: string | null;
  isConfirmed: boolean;
  latestEvent: AttachmentEvent | null;
}

export interface FilmAnswer {
  film:
    | (FilmDates & {
        id: string;
        slug: string;
        title: string;
        workingTitle: string | null;
        synopsis: string | null;
        franchises: { franchise: { slug: string; name: string } }[];
        credits: FilmCredit[];
      })
    | null;
}

export interface CreditHistoryAnswer {
  node: { id: string; history: AttachmentEvent[] } | null;
}

export interface GraphFilm extends FilmDates {
  id: string;
  slug: string;
  title: string;
  follows: {
    id: string;
    kind: string | null;
    from: { slug: string; title: string };
    to: { slug: string; title: string };
  }[];
}

export interface FranchiseAnswer {
  franchise: {
    id: string;
    slug: string;
    name: string;
    kind: string;
    description: string | null;
    parent: { slug: string; name: string } | null;
    children: {
      id: string;
      slug: string;
      name: string;
      kind: string;
      films: { totalCount: number; edges: { node: { id: string; slug: string; title: string } }[] };
    }[];
    films: {
      totalCount: number;
      edges: { releaseOrdinal: number | null; storyOrdinal: number | null; node: GraphFilm }[];
    };
  } | null;
}

export interface FranchisesAnswer {
  franchises: {
    edges: {
      node: {
        id: string;
        slug: string;
        name: string;
        kind: string;
        parent: { slug: string } | null;
      };
    }[];
  };
}

export interface PersonAnswer {
  person: {
    id: string;
    slug: string;
    name: string;
    aliases: string[];
    credits: {
      id: string;
      role: string;
      job: string | null;
      character: { slug: string; name: string } | null;
      status: string | null;
      isConfirmed: boolean;
      latestEvent: {
        id: string;
        confidence: string;
        effectiveDate: string;
        source: { id: string; outlet: { name: string } | null };
      } | null;
      film: FilmDates & { id: string; slug: string; title: string };
    }[];
  } | null;
}

export type SearchHit =
  | { __typename: 'Film'; id: string; slug: string; title: string }
  | { __typename: 'Person'; id: string; slug: string; name: string }
  | { __typename: 'Franchise'; id: string; slug: string; name: string }
  | { __typename: 'Character' | 'Company' };

export interface SearchAnswer {
  search: { edges: { node: SearchHit }[] };
}
