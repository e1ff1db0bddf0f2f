/**
 * The example operations shown as the default tabs of the self-hosted GraphiQL page: the README's
 * queries, verbatim and in its order, and its ReportAttachment mutation with the header the key goes
 * in (test/http/graphiql.examples.test.ts fails when the two drift apart). Keep this file free of
 * imports so it can be bundled for the browser and imported from tests alike.
 */
export interface GraphiqlExample {
  /** Operation name, also used as the tab title. */
  name: string;
  /** GraphQL document (one named operation). */
  query: string;
  /** Optional JSON object, shown in the variables editor. */
  variables?: Record<string, unknown>;
  /** Optional request headers, shown in the headers editor (where an API key goes). */
  headers?: Record<string, string>;
}

export const graphiqlExamples: readonly GraphiqlExample[] = [
  {
    name: 'ExtractionFranchiseGraph',
    query: `query ExtractionFranchiseGraph {
  franchise(slug: "extraction") {
    name
    films(orderBy: RELEASE) {
      totalCount
      edges {
        releaseOrdinal
        storyOrdinal
        node {
          title
          releaseDate
          status
          credits(filter: { roles: [DIRECTOR, WRITER, CAST] }) {
            role
            status
            person {
              name
            }
            character {
              name
            }
          }
          followedBy {
            kind
            to {
              title
            }
          }
        }
      }
    }
  }
}`,
  },
  {
    name: 'Extraction2Attachments',
    query: `query Extraction2Attachments($day: Date = "2020-05-05") {
  film(slug: "extraction-2") {
    then: credits(asOf: $day) {
      role
      person {
        name
      }
      character {
        name
      }
      status(asOf: $day) # EXPECTED for Hargrave and Hemsworth, CONFIRMED for Russo
      latestEvent(asOf: $day) {
        confidence
        effectiveDate
        quote
        speaker {
          name
        }
        source {
          title
          outlet {
            name
          }
        }
      }
    }
    today: credits(filter: { roles: [DIRECTOR, WRITER] }) {
      role
      person {
        name
      }
      status # CREDITED
      history {
        status
        effectiveDate
        confidence
        source {
          outlet {
            name
          }
        }
      }
    }
    follows {
      from {
        title
      }
      then: kind(asOf: $day)
      now: kind
    } # FOLLOW_UP, then SEQUEL
  }
}`,
  },
  {
    name: 'JoeRussoFilmography',
    query: `query JoeRussoFilmography {
  person(slug: "joe-russo") {
    name
    credits {
      role
      job
      status
      film {
        title
        releaseDate
      }
    }
  }
}`,
  },
  {
    name: 'OpenAttachments',
    query: `query OpenAttachments {
  attachments(filter: { confirmed: false }, first: 20) {
    totalCount
    edges {
      node {
        film {
          title
        }
        person {
          name
        }
        role
        status
        latestEvent {
          source {
            title
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`,
  },
  {
    name: 'ExplorerFilm',
    query: `query ExplorerFilm($slug: String!, $asOf: Date!) {
  film(slug: $slug) {
    id
    slug
    title(asOf: $asOf)
    workingTitle
    synopsis
    ...ExplorerFilmDates
    franchises {
      franchise {
        slug
        name
      }
    }
    credits(asOf: $asOf) {
      id
      role
      job
      billingOrder
      person {
        slug
        name
      }
      character {
        slug
        name
      }
      status(asOf: $asOf)
      isConfirmed(asOf: $asOf)
      latestEvent(asOf: $asOf) {
        ...ExplorerAttachmentEvent
      }
    }
  }
}
fragment ExplorerFilmDates on Film {
  releaseDate(asOf: $asOf)
  releaseDatePrecision(asOf: $asOf)
  status(asOf: $asOf)
}
fragment ExplorerAttachmentEvent on AttachmentEvent {
  id
  status
  confidence
  effectiveDate
  quote
  speaker {
    slug
    name
  }
  source {
    id
    title
    url
    publishedOn
    outlet {
      name
    }
  }
}`,
    variables: { slug: 'extraction-2', asOf: '2020-05-05' },
  },
  {
    name: 'ReportAttachment',
    query: `mutation ReportAttachment($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) {
    duplicate
    credit {
      id
      status
    }
    event {
      id
      recordedAt
      recordedBy
    }
    source {
      id
      title
    }
  }
}`,
    variables: {
      input: {
        film: '<the id of film(slug: "extraction-3")>',
        person: '<the id of person(slug: "chris-hemsworth")>',
        role: 'CAST',
        status: 'IN_TALKS',
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-03-10',
        source: {
          url: 'https://example.com/extraction-3-cast',
          title: 'Hemsworth in talks for Extraction 3',
          publishedOn: '2026-03-10',
        },
        quote: 'in early talks to return',
      },
    },
    // Writes need an editor key (`npm run apikey -- create --name you --role editor`).
    headers: { Authorization: 'Bearer fgk_…' },
  },
  {
    name: 'History',
    query: `query History {
  film(slug: "extraction-3") {
    credits {
      person {
        name
      }
      role
      status
      history {
        status
        confidence
        effectiveDate
        recordedBy
        retracted
        retractionReason
        source {
          title
          url
          publishedOn
        }
      }
    }
    before: credits(asOf: "2026-03-09") {
      person {
        name
      }
      status(asOf: "2026-03-09")
    }
  }
  changes(since: "2026-03-01T00:00:00Z", first: 50) {
    edges {
      node {
        kind
        at
        by
        detail # a merge or a delete, in words
        subject {
          __typename
          id
          ... on AttachmentEvent {
            status
            credit {
              person {
                name
              }
            }
          }
          ... on ReleaseEvent {
            date
            releaseKind
          }
          ... on TitleEvent {
            title
          }
        }
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    } # poll again with after: endCursor
  }
}`,
  },
  {
    name: 'ReleaseStory',
    query: `query ReleaseStory {
  film(slug: "mission-impossible-dead-reckoning-part-two") {
    title
    titleThen: title(asOf: "2024-01-01")
    releaseDate
    releaseDateThen: releaseDate(asOf: "2023-01-01")
    releases {
      date
      precision
      releaseKind
      country
    }
    releaseHistory {
      date
      effectiveDate
      superseded
      retracted
      source {
        title
      }
    }
    titleHistory {
      title
      effectiveDate
      retracted
    }
  }
  films(filter: { releasedAfter: "2025-01-01" }, first: 5) {
    edges {
      node {
        title
        releaseDate
      }
    }
  }
}`,
  },
  {
    name: 'Extraction3LiveReports',
    query: `subscription Extraction3LiveReports {
  changes(filter: { film: "RmlsbToz", kinds: [RECORDED, RETRACTED] }) {
    kind
    at
    by
    cursor
    event {
      ... on AttachmentEvent {
        status
        effectiveDate
        credit {
          role
          person {
            name
          }
          film {
            title
          }
        }
      }
    }
  }
}`,
  },
];
