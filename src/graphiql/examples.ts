/**
 * Example operations shown as the default tabs of the self-hosted GraphiQL page.
 * They follow the schema contract of franchise-graph. Keep this file free of
 * imports so it can be bundled for the browser and imported from tests alike.
 */
export interface GraphiqlExample {
  /** Operation name, also used as the tab title. */
  name: string;
  /** GraphQL document (one named operation). */
  query: string;
  /** Optional JSON object, shown in the variables editor. */
  variables?: Record<string, unknown>;
}

export const graphiqlExamples: readonly GraphiqlExample[] = [
  {
    name: 'ExtractionFranchiseGraph',
    query: `query ExtractionFranchiseGraph {
  franchise(slug: "extraction") {
    name
    films(order: RELEASE) {
      edges {
        releaseOrdinal
        storyOrdinal
        node {
          title
          releaseDate
          status
          credits {
            role
            job
            status
            person { name }
            character { name }
          }
        }
      }
    }
  }
}
`,
  },
  {
    name: 'Extraction2AttachmentsOn20200505',
    query: `query Extraction2AttachmentsOn20200505 {
  film(slug: "extraction-2") {
    title
    credits(asOf: "2020-05-05") {
      role
      person { name }
      character { name }
      status
      latestEvent(asOf: "2020-05-05") {
        status
        confidence
        effectiveDate
        quote
        source { title url outlet { name } }
      }
    }
  }
}
`,
  },
  {
    name: 'Extraction2AttachmentsToday',
    query: `query Extraction2AttachmentsToday {
  film(slug: "extraction-2") {
    title
    credits {
      role
      person { name }
      character { name }
      status
      latestEvent {
        status
        confidence
        effectiveDate
        source { title outlet { name } }
      }
    }
  }
}
`,
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
      film { title releaseDate }
    }
  }
}
`,
  },
  {
    name: 'Extraction2ReleaseAndTitleStory',
    query: `query Extraction2ReleaseAndTitleStory {
  film(slug: "extraction-2") {
    slug
    originalTitle
    title
    titleBefore: title(asOf: "2020-05-05")
    titleHistory { title effectiveDate confidence retracted source { title } }
    releaseDate
    releaseDatePrecision
    releaseDateOn20200505: releaseDate(asOf: "2020-05-05")
    releases { date precision kind country company { name } }
    releaseHistory {
      date
      precision
      kind
      country
      effectiveDate
      confidence
      superseded
      retracted
      source { title url publishedOn }
    }
  }
}
`,
  },
  {
    name: 'RecordMovedReleaseDate',
    query: `mutation RecordMovedReleaseDate($input: RecordReleaseInput!) {
  recordRelease(input: $input) {
    duplicate
    film { releaseDate releaseDatePrecision }
    event { id date precision effectiveDate superseded }
  }
}
`,
    variables: {
      input: {
        film: '<film id>',
        date: '2027-01-01',
        precision: 'YEAR',
        kind: 'STREAMING',
        confidence: 'TRADE_REPORTED',
        source: {
          url: 'https://example.com/extraction-3-set-for-2027',
          title: 'Extraction 3 set for 2027',
          publishedOn: '2026-03-10',
        },
      },
    },
  },
  {
    name: 'ChangesSince',
    query: `query ChangesSince {
  changes(since: "2026-01-01T00:00:00Z", first: 50) {
    edges {
      node {
        kind
        at
        by
        subject {
          __typename
          id
          ... on Film { title }
          ... on ReleaseEvent { date kind film { title } }
          ... on TitleEvent { title film { slug } }
          ... on AttachmentEvent { status credit { person { name } film { title } } }
        }
      }
    }
    pageInfo { endCursor hasNextPage }
  }
}
`,
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
}
`,
  },
];
