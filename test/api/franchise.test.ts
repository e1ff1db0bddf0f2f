import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const FRANCHISES = `
  query Franchises($filter: FranchiseFilter) {
    franchises(filter: $filter) { totalCount edges { node { slug } } }
  }`;

const franchiseList = (...slugs: string[]) => ({
  data: {
    franchises: { totalCount: slugs.length, edges: slugs.map((slug) => ({ node: { slug } })) },
  },
});

const { franchises } = SEED;

describe('franchise(id:, slug:)', () => {
  test('finds a franchise by slug with its parent and children', async () => {
    const result = await server.execute(
      `query FranchiseBySlug($slug: String!) {
        franchise(slug: $slug) { slug name kind description parent { slug } children { slug } }
      }`,
      { slug: franchises.mcu },
    );
    expect(result).toEqual({
      data: {
        franchise: {
          slug: franchises.mcu,
          name: 'Marvel Cinematic Universe',
          kind: 'SHARED_UNIVERSE',
          description: 'The shared universe of Marvel Studios films.',
          parent: null,
          children: [
            { slug: franchises.avengers },
            { slug: franchises.captainAmerica },
            { slug: franchises.mcuPhaseThree },
          ],
        },
      },
    });
  });

  test('finds the same franchise by the id it returned, and a series names its universe as parent', async () => {
    const bySlug = await server.execute<{ franchise: { id: string } }>(
      `query FranchiseId($slug: String!) { franchise(slug: $slug) { id } }`,
      { slug: franchises.captainAmerica },
    );
    const byId = await server.execute(
      `query FranchiseById($id: ID!) { franchise(id: $id) { slug kind parent { slug } children { slug } } }`,
      { id: bySlug.data!.franchise.id },
    );
    expect(byId).toEqual({
      data: {
        franchise: {
          slug: franchises.captainAmerica,
          kind: 'SERIES',
          parent: { slug: franchises.mcu },
          children: [],
        },
      },
    });
  });

  test('answers null for a slug that no franchise has', async () => {
    expect(
      await server.execute(`query NoSuchFranchise { franchise(slug: "star-wars") { name } }`),
    ).toEqual({
      data: { franchise: null },
    });
  });

  test('lists its films in release order with each film’s place', async () => {
    const result = await server.execute(
      `query ExtractionFilms($slug: String!) {
        franchise(slug: $slug) { films { totalCount edges { releaseOrdinal storyOrdinal node { slug } } } }
      }`,
      { slug: franchises.extraction },
    );
    expect(result).toEqual({
      data: {
        franchise: {
          films: {
            totalCount: 3,
            edges: [
              { releaseOrdinal: 1, storyOrdinal: 1, node: { slug: SEED.films.extraction } },
              { releaseOrdinal: 2, storyOrdinal: 2, node: { slug: SEED.films.extraction2 } },
              { releaseOrdinal: 3, storyOrdinal: null, node: { slug: SEED.films.extraction3 } },
            ],
          },
        },
      },
    });
  });
  test('MCU Phase Three holds Civil War, Infinity War and Endgame at their places in the phase', async () => {
    const result = await server.execute(
      `query PhaseThreeFilms($slug: String!) {
        franchise(slug: $slug) { films { totalCount edges { releaseOrdinal node { slug } } } }
      }`,
      { slug: franchises.mcuPhaseThree },
    );
    expect(result).toEqual({
      data: {
        franchise: {
          films: {
            totalCount: 3,
            edges: [
              { releaseOrdinal: 1, node: { slug: SEED.films.civilWar } },
              { releaseOrdinal: 7, node: { slug: SEED.films.infinityWar } },
              { releaseOrdinal: 10, node: { slug: SEED.films.endgame } },
            ],
          },
        },
      },
    });
  });
});

describe('franchises', () => {
  test('lists every franchise by name, ignoring case ("Marvel…" before "MCU…")', async () => {
    expect(await server.execute(FRANCHISES)).toEqual(
      franchiseList(
        franchises.avengers,
        franchises.captainAmerica,
        franchises.extraction,
        franchises.mcu,
        franchises.mcuPhaseThree,
      ),
    );
  });

  test('filters by part of the name in any case', async () => {
    expect(await server.execute(FRANCHISES, { filter: { nameContains: 'CAPTAIN' } })).toEqual(
      franchiseList(franchises.captainAmerica),
    );
    expect(await server.execute(FRANCHISES, { filter: { nameContains: 'cinématic' } })).toEqual(
      franchiseList(franchises.mcu),
    );
  });

  test('filters by any of several kinds', async () => {
    expect(
      await server.execute(FRANCHISES, { filter: { kinds: ['PHASE', 'SHARED_UNIVERSE'] } }),
    ).toEqual(franchiseList(franchises.mcu, franchises.mcuPhaseThree));
  });

  test('combines the name and kind filters with AND', async () => {
    expect(
      await server.execute(FRANCHISES, { filter: { nameContains: 'a', kinds: ['FRANCHISE'] } }),
    ).toEqual(franchiseList(franchises.extraction));
    expect(
      await server.execute(FRANCHISES, { filter: { nameContains: 'marvel', kinds: ['SERIES'] } }),
    ).toEqual(franchiseList());
  });
});
