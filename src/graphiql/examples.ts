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
];
