/**
 * Every GraphQL document the franchise explorer (/explore) sends to POST /graphql, in one module so
 * that test/http/explorer.queries.test.ts validates them against the schema. No imports: esbuild
 * bundles this file for the browser and jest reads it as it is.
 *
 * Time-varying fields take `$asOf` themselves: a list's `asOf` only selects its items (DESIGN.md,
 * "Rules of time"), so passing it to the list alone would not date the fields of what it returns.
 */

/** What the explorer shows of a film's dates: each as it stood on the day shown. */
export const FILM_DATES_FRAGMENT = `fragment ExplorerFilmDates on Film {
  releaseDate(asOf: $asOf)
  releaseDatePrecision(asOf: $asOf)
  status(asOf: $asOf)
}`;

/** The event in force on a credit: status, how firm, and who said so where. */
export const ATTACHMENT_EVENT_FRAGMENT = `fragment ExplorerAttachmentEvent on AttachmentEvent {
  id
  status
  confidence
  effectiveDate
  quote
  speaker { slug name }
  source { id title url publishedOn outlet { name } }
}`;

export const FRANCHISES_QUERY = `query ExplorerFranchises {
  franchises(first: 100) {
    edges { node { id slug name kind parent { slug } } }
  }
}`;

export const FRANCHISE_QUERY = `query ExplorerFranchise($slug: String!, $asOf: Date!, $order: FranchiseOrder!) {
  franchise(slug: $slug) {
    id
    slug
    name
    kind
    description
    parent { slug name }
    children {
      id
      slug
      name
      kind
      films(first: 100) { totalCount edges { node { id slug title(asOf: $asOf) } } }
    }
    films(orderBy: $order, first: 100) {
      totalCount
      edges {
        releaseOrdinal
        storyOrdinal
        node {
          id
          slug
          title(asOf: $asOf)
          ...ExplorerFilmDates
          follows {
            id
            kind(asOf: $asOf)
            from { slug title(asOf: $asOf) }
            to { slug title(asOf: $asOf) }
          }
        }
      }
    }
  }
}
${FILM_DATES_FRAGMENT}`;

export const FILM_QUERY = `query ExplorerFilm($slug: String!, $asOf: Date!) {
  film(slug: $slug) {
    id
    slug
    title(asOf: $asOf)
    workingTitle
    synopsis
    ...ExplorerFilmDates
    franchises { franchise { slug name } }
    credits(asOf: $asOf) {
      id
      role
      job
      billingOrder
      person { slug name }
      character { slug name }
      status(asOf: $asOf)
      isConfirmed(asOf: $asOf)
      latestEvent(asOf: $asOf) { ...ExplorerAttachmentEvent }
    }
  }
}
${FILM_DATES_FRAGMENT}
${ATTACHMENT_EVENT_FRAGMENT}`;

/** A credit's whole history, fetched when its card is opened. */
export const CREDIT_HISTORY_QUERY = `query ExplorerCreditHistory($id: ID!) {
  node(id: $id) {
    ... on Credit {
      id
      history { ...ExplorerAttachmentEvent }
    }
  }
}
${ATTACHMENT_EVENT_FRAGMENT}`;

export const PERSON_QUERY = `query ExplorerPerson($slug: String!, $asOf: Date!) {
  person(slug: $slug) {
    id
    slug
    name
    aliases
    credits(asOf: $asOf) {
      id
      role
      job
      character { slug name }
      status(asOf: $asOf)
      isConfirmed(asOf: $asOf)
      latestEvent(asOf: $asOf) { id confidence effectiveDate source { id outlet { name } } }
      film { id slug title(asOf: $asOf) ...ExplorerFilmDates }
    }
  }
}
${FILM_DATES_FRAGMENT}`;

export const SEARCH_QUERY = `query ExplorerSearch($text: String!, $asOf: Date!) {
  search(text: $text, first: 10) {
    edges {
      node {
        __typename
        ... on Film { id slug title(asOf: $asOf) }
        ... on Person { id slug name }
        ... on Franchise { id slug name }
      }
    }
  }
}`;

/** Every operation above, by name (the tests validate each one). */
export const explorerQueries: Readonly<Record<string, string>> = {
  ExplorerFranchises: FRANCHISES_QUERY,
  ExplorerFranchise: FRANCHISE_QUERY,
  ExplorerFilm: FILM_QUERY,
  ExplorerCreditHistory: CREDIT_HISTORY_QUERY,
  ExplorerPerson: PERSON_QUERY,
  ExplorerSearch: SEARCH_QUERY,
};
