import { SEED } from '../../seeds/seed';
import { buildFranchise, type BuiltFranchise } from '../support/build-franchise';
import { createTestServer, type TestServer } from '../support/test-server';

/** franchise → films → credits { status } → person → credits → film: five levels of relations. */
const FRANCHISE_GRAPH = `
  query FranchiseGraph($slug: String!) {
    franchise(slug: $slug) {
      name
      films(first: 100) {
        edges {
          releaseOrdinal
          node {
            title
            credits {
              role
              status
              person {
                name
                credits { status film { title } }
              }
            }
          }
        }
      }
    }
  }`;

interface GraphData {
  franchise: {
    name: string;
    films: {
      edges: {
        releaseOrdinal: number;
        node: {
          title: string;
          credits: {
            role: string;
            status: string;
            person: { name: string; credits: { status: string; film: { title: string } }[] };
          }[];
        };
      }[];
    };
  };
}

/** The answer the query must give for a franchise built by `buildFranchise`. */
function expectedGraph(name: string, titles: string[]): GraphData {
  const confirmedIn = (title: string) => ({ status: 'CONFIRMED', film: { title } });
  return {
    franchise: {
      name,
      films: {
        edges: titles.map((title, i) => ({
          releaseOrdinal: i + 1,
          node: {
            title,
            credits: [
              {
                role: 'DIRECTOR',
                status: 'CONFIRMED',
                person: { name: `${name} Director`, credits: titles.map(confirmedIn) },
              },
              {
                role: 'CAST',
                status: 'CONFIRMED',
                person: { name: `${title} Lead`, credits: [confirmedIn(title)] },
              },
              {
                role: 'CAST',
                status: 'CONFIRMED',
                person: { name: `${title} Villain`, credits: [confirmedIn(title)] },
              },
            ],
          },
        })),
      },
    },
  };
}

describe('with batching (the default)', () => {
  let server: TestServer;
  let small: BuiltFranchise;
  let large: BuiltFranchise;
  beforeAll(async () => {
    server = await createTestServer();
    small = await buildFranchise(server.dataSource, 'Small Saga', 3);
    large = await buildFranchise(server.dataSource, 'Large Saga', 30);
  });
  afterAll(() => server.close());

  test('the deep franchise graph of 3 films and of 30 films runs the same small number of SQL statements', async () => {
    const three = await server.executeCounted<GraphData>(FRANCHISE_GRAPH, { slug: small.slug });
    const thirty = await server.executeCounted<GraphData>(FRANCHISE_GRAPH, { slug: large.slug });

    expect(three.result).toEqual({ data: expectedGraph('Small Saga', small.titles) });
    expect(thirty.result).toEqual({ data: expectedGraph('Large Saga', large.titles) });
    expect(thirty.statements).toBe(three.statements);
    // One statement per level of the query (franchise, films, credits, people, their credits, films),
    // and nothing per row.
    expect(three.statements).toBeLessThanOrEqual(8);
  });

  test('the seeded 3-film Extraction franchise needs no more statements than the 30-film one', async () => {
    const thirty = await server.executeCounted(FRANCHISE_GRAPH, { slug: large.slug });
    const extraction = await server.executeCounted(FRANCHISE_GRAPH, {
      slug: SEED.franchises.extraction,
    });
    expect(extraction.result.errors).toBeUndefined();
    expect(extraction.statements).toBe(thirty.statements);
  });

  test('the credits of 30 films load in one statement', async () => {
    const filmsOnly = `query FranchiseFilmTitles($slug: String!) {
      franchise(slug: $slug) { films(first: 100) { edges { node { title } } } }
    }`;
    const withCredits = `query FranchiseFilmCredits($slug: String!) {
      franchise(slug: $slug) { films(first: 100) { edges { node { title credits { role status } } } } }
    }`;
    const before = await server.executeCounted(filmsOnly, { slug: large.slug });
    const after = await server.executeCounted(withCredits, { slug: large.slug });
    expect(after.result.errors).toBeUndefined();
    expect(after.statements - before.statements).toBe(1);
  });
});

describe('with batching switched off', () => {
  let server: TestServer;
  let small: BuiltFranchise;
  let large: BuiltFranchise;
  beforeAll(async () => {
    server = await createTestServer({ loaderOptions: { batch: false } });
    small = await buildFranchise(server.dataSource, 'Small Saga', 3);
    large = await buildFranchise(server.dataSource, 'Large Saga', 30);
  });
  afterAll(() => server.close());

  test('the same answers cost statements in proportion to the number of films (the N+1 baseline)', async () => {
    const three = await server.executeCounted<GraphData>(FRANCHISE_GRAPH, { slug: small.slug });
    const thirty = await server.executeCounted<GraphData>(FRANCHISE_GRAPH, { slug: large.slug });

    expect(three.result).toEqual({ data: expectedGraph('Small Saga', small.titles) });
    expect(thirty.result).toEqual({ data: expectedGraph('Large Saga', large.titles) });
    expect(thirty.statements).toBeGreaterThan(three.statements * 5);
  });
});
